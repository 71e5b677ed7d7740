import { formatSemicolonCsv } from './format-semicolon-csv.ts';

export type RejectedBaselineRow = {
  row: number;
  message: string;
  /** the row's cells as written in the uploaded file */
  cells: readonly string[];
};

/**
 * The error file of a baseline import: the rejected rows with the uploaded file's own columns, in
 * row order, plus a `keterangan` column saying what is wrong and what to do. Semicolons and a BOM
 * for Excel; NIK and No. KK are written as ="..." so Excel keeps all 16 digits. After correcting
 * it, the same file can be imported again (`keterangan` is an extra column and is ignored).
 */
export function buildBaselineErrorCsv(
  header: readonly string[],
  rejected: readonly RejectedBaselineRow[],
): string {
  const width = header.length;
  const rows = [...rejected]
    .sort((a, b) => a.row - b.row)
    .map((r) => {
      const cells = Array.from({ length: width }, (_, i) => r.cells[i] ?? '');
      return [...cells, r.message];
    });
  return formatSemicolonCsv([...header, 'keterangan'], rows, { protectLongNumbers: true });
}
