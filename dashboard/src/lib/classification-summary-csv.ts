import { BUCKET_LABELS, SUMMARY_BUCKETS } from './classification.ts';
import type { ClassificationSummary } from './classification-summary.ts';
import { buildCsv } from './csv.ts';

export const CLASSIFICATION_SUMMARY_CSV_FILE = 'ringkasan-klasifikasi.csv';

/** The Ringkasan table as CSV: one line per kecamatan and a last line with the totals. */
export function buildClassificationSummaryCsv(summary: ClassificationSummary): string {
  const header = [
    'Kode kecamatan',
    'Kecamatan',
    ...SUMMARY_BUCKETS.map((bucket) => BUCKET_LABELS[bucket]),
    'Jumlah',
  ];
  const rows = summary.rows.map((row) => [
    row.code ?? '',
    row.name,
    ...SUMMARY_BUCKETS.map((bucket) => row[bucket]),
    row.total,
  ]);
  rows.push(['', 'Jumlah', ...SUMMARY_BUCKETS.map((bucket) => summary.totals[bucket]), summary.totals.total]);
  return buildCsv(header, rows);
}
