import { buildCsv } from './csv.ts';
import type { NeedListRow } from './need-list.ts';

export const NEED_CSV_HEADER = [
  'ID kebutuhan',
  'ID rumah tangga',
  'Kepala keluarga',
  'Kode desa',
  'Desa/kelurahan',
  'Kategori',
  'Aturan kebutuhan',
  'Sub-kegiatan',
  'Perangkat daerah',
  'Volume',
  'Status',
];

/** The needs list as CSV (semicolons, BOM), one line per need. */
export function buildNeedCsv(rows: readonly NeedListRow[]): string {
  return buildCsv(
    NEED_CSV_HEADER,
    rows.map((row) => [
      row.id,
      row.household,
      row.head_name,
      row.desa,
      row.desa_name,
      row.category,
      row.indicator,
      row.sub_kegiatan,
      row.perangkat_daerah,
      row.quantity,
      row.status,
    ]),
  );
}
