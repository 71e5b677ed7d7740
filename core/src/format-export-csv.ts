import type { ExportTable } from './allocation-types.ts';
import { formatSemicolonCsv } from './format-semicolon-csv.ts';

/**
 * Writes an export table as Indonesian Excel opens CSV (formatSemicolonCsv: a BOM, semicolons,
 * CRLF, formula-looking text neutralised), with NIK and No. KK protected: a text cell of 12 or more
 * digits is written as ="6311..." so Excel keeps it as text instead of 6.3110E+15. Numbers stay
 * plain digits without thousands separators.
 */
export function formatExportCsv(table: ExportTable): string {
  return formatSemicolonCsv(
    table.columns.map((column) => column.header),
    table.rows,
    { protectLongNumbers: true },
  );
}
