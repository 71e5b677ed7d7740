import { formatSemicolonCsv } from './format-semicolon-csv.ts';
import { resolveDisposition } from './resolve-disposition.ts';
import { DISPOSITION_ORDER } from './summarize-reconciliation.ts';
import type { BaselineDisposition } from './types.ts';

export type ReconciledHousehold = {
  no_kk: string | null;
  head_nik: string | null;
  head_name: string | null;
  address: string | null;
  desa: string | null;
  kecamatan: string | null;
  source: string | null;
  p3ke_id: string | null;
  dtsen_id: string | null;
  /** baseline_disposition as recorded */
  disposition: string | null;
  related: { no_kk: string | null; head_name: string | null } | null;
};

export const DISPOSITION_LABELS: Readonly<Record<BaselineDisposition, string>> = {
  found: 'Ditemukan',
  moved: 'Pindah',
  deceased: 'Meninggal',
  split: 'Pisah KK',
  merged: 'Gabung KK',
  duplicate: 'Ganda',
  not_found: 'Tidak ditemukan',
  new: 'Baru (temuan lapangan)',
};

const HEADER = [
  'no_kk',
  'nik_kepala',
  'nama_kepala',
  'alamat',
  'kode_desa',
  'nama_desa',
  'kode_kecamatan',
  'nama_kecamatan',
  'sumber',
  'id_keluarga',
  'perubahan',
  'keterangan',
  'no_kk_terkait',
  'nama_kepala_terkait',
];

/**
 * The change list for the national registry (DTSEN/P3KE update): every household whose field
 * disposition is not `found` — moved, deceased, split, merged, duplicate, not found, and the
 * households found only in the field (`new`) — with the related household of a split, merge,
 * duplicate or move. Sorted by desa, disposition and No. KK. Semicolon CSV with BOM.
 */
export function buildReconciliationChangesCsv(
  households: readonly ReconciledHousehold[],
  names: { desa?: ReadonlyMap<string, string>; kecamatan?: ReadonlyMap<string, string> } = {},
): { csv: string; count: number } {
  const changes = households
    .map((household) => ({
      household,
      disposition: resolveDisposition(household.source, household.disposition),
    }))
    .filter(
      (c): c is { household: ReconciledHousehold; disposition: BaselineDisposition } =>
        c.disposition !== null && c.disposition !== 'found',
    )
    .sort(
      (a, b) =>
        (a.household.desa ?? '').localeCompare(b.household.desa ?? '') ||
        DISPOSITION_ORDER.indexOf(a.disposition) - DISPOSITION_ORDER.indexOf(b.disposition) ||
        (a.household.no_kk ?? '').localeCompare(b.household.no_kk ?? ''),
    );
  const rows = changes.map(({ household: h, disposition }) => [
    h.no_kk,
    h.head_nik,
    h.head_name,
    h.address,
    h.desa,
    h.desa === null ? null : (names.desa?.get(h.desa) ?? null),
    h.kecamatan,
    h.kecamatan === null ? null : (names.kecamatan?.get(h.kecamatan) ?? null),
    h.source,
    h.source === 'dtsen' ? h.dtsen_id : (h.p3ke_id ?? h.dtsen_id),
    disposition,
    DISPOSITION_LABELS[disposition],
    h.related?.no_kk ?? null,
    h.related?.head_name ?? null,
  ]);
  return { csv: formatSemicolonCsv(HEADER, rows), count: rows.length };
}
