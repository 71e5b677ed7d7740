import type { HouseholdListQuery, HouseholdListRow } from './household-list.ts';
import { buildCsv } from './csv.ts';

/** Header of the household export (no NIK or No. KK: exports with them must be recorded, see DESIGN.md). */
export function householdCsvHeader(surveysReadable: boolean): string[] {
  return [
    'ID',
    'Nama kepala keluarga',
    'Alamat',
    'RT/RW',
    'Kode desa',
    'Desa/kelurahan',
    'Klasifikasi',
    'Jumlah anggota',
    'Per kapita (Rp/bulan)',
    'Jumlah kebutuhan',
    ...(surveysReadable ? ['Status survei'] : []),
  ];
}

/** The household list as CSV, one line per household, numbers unformatted. */
export function buildHouseholdCsv(rows: readonly HouseholdListRow[], surveysReadable: boolean): string {
  return buildCsv(
    householdCsvHeader(surveysReadable),
    rows.map((row) => [
      row.id,
      row.head_name,
      row.address,
      row.rt_rw,
      row.desa,
      row.desa_name,
      row.classification_label,
      row.member_count,
      row.income_per_capita,
      row.need_count,
      ...(surveysReadable ? [row.survey_label] : []),
    ]),
  );
}

/** "rumah-tangga-63.11.07.2002.csv", "rumah-tangga.csv". */
export function householdCsvFileName(query: HouseholdListQuery): string {
  const area = query.desa ?? query.kecamatan;
  const safe = area === null ? '' : `-${area.replace(/[^0-9A-Za-z.]/g, '')}`;
  return `rumah-tangga${safe}.csv`;
}
