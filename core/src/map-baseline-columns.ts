import type { BaselineColumn } from './types.ts';

export const BASELINE_COLUMNS: readonly BaselineColumn[] = [
  'id_keluarga',
  'no_kk',
  'nik_kepala',
  'nama_kepala',
  'alamat',
  'kode_desa',
  'desil',
  'jumlah_anggota',
];

/** Columns a baseline file may leave out. */
export const OPTIONAL_BASELINE_COLUMNS: ReadonlySet<BaselineColumn> = new Set(['id_keluarga', 'desil']);

/** Other spellings seen in P3KE/DTSEN exports, after normalisation. */
const ALIASES: Readonly<Record<string, BaselineColumn>> = {
  id_keluarga_p3ke: 'id_keluarga',
  id_keluarga_dtsen: 'id_keluarga',
  nomor_kk: 'no_kk',
  no_kartu_keluarga: 'no_kk',
  nomor_kartu_keluarga: 'no_kk',
  nik_kepala_keluarga: 'nik_kepala',
  nik_krt: 'nik_kepala',
  nama_kepala_keluarga: 'nama_kepala',
  nama_krt: 'nama_kepala',
  kode_desa_kelurahan: 'kode_desa',
  kode_kelurahan: 'kode_desa',
  desil_kesejahteraan: 'desil',
  jumlah_anggota_keluarga: 'jumlah_anggota',
  jumlah_art: 'jumlah_anggota',
};

export type BaselineColumnMap = {
  /** the recognised column of each header cell, null when not recognised */
  columns: (BaselineColumn | null)[];
  /** required columns that no header cell names */
  missing: BaselineColumn[];
  /** optional columns that no header cell names */
  absentOptional: BaselineColumn[];
  /** header cells that are not baseline columns (ignored), as written */
  extra: string[];
  /** columns named by more than one header cell */
  duplicates: BaselineColumn[];
};

/**
 * Maps the header cells of a baseline CSV to its columns. Names are compared after normalisation:
 * case, spaces, dots, dashes and underscores do not matter ("No. KK", "NO_KK" and "no kk" are all
 * no_kk), and a few spellings used by P3KE/DTSEN exports are accepted (nik_kepala_keluarga ...).
 */
export function mapBaselineColumns(headers: readonly string[]): BaselineColumnMap {
  const known = new Set<string>(BASELINE_COLUMNS);
  const columns: (BaselineColumn | null)[] = [];
  const extra: string[] = [];
  const seen = new Set<BaselineColumn>();
  const duplicates = new Set<BaselineColumn>();
  for (const header of headers) {
    const name = header
      .replace(/^\uFEFF/, '')
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '');
    const column = known.has(name) ? (name as BaselineColumn) : (ALIASES[name] ?? null);
    columns.push(column);
    if (column === null) {
      if (header.trim() !== '') extra.push(header.trim());
      continue;
    }
    if (seen.has(column)) duplicates.add(column);
    seen.add(column);
  }
  return {
    columns,
    missing: BASELINE_COLUMNS.filter((c) => !seen.has(c) && !OPTIONAL_BASELINE_COLUMNS.has(c)),
    absentOptional: BASELINE_COLUMNS.filter((c) => !seen.has(c) && OPTIONAL_BASELINE_COLUMNS.has(c)),
    extra,
    duplicates: [...duplicates],
  };
}
