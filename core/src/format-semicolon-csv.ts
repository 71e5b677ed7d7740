export type CsvCell = string | number | boolean | null | undefined;

/**
 * Writes a CSV the way Indonesian Excel opens it: a BOM, semicolons, CRLF, values quoted when
 * needed. A text cell that Excel would run as a formula (starting with =, +, @, or - followed by a
 * non-digit) gets a leading apostrophe. With `protectLongNumbers`, cells of 12 or more digits (NIK,
 * No. KK) are written as ="6311..." so Excel keeps them as text instead of 6.3110E+15; the baseline
 * reader unwraps that form again.
 */
export function formatSemicolonCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: { protectLongNumbers?: boolean } = {},
): string {
  const line = (cells: readonly CsvCell[]): string =>
    cells.map((cell) => formatCell(cell, options)).join(';');
  return `\uFEFF${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}

function formatCell(cell: CsvCell, options: { protectLongNumbers?: boolean }): string {
  if (cell === null || cell === undefined) return '';
  let text = String(cell);
  if (typeof cell === 'string') {
    if (options.protectLongNumbers === true && /^\d{12,}$/.test(text)) {
      text = `="${text}"`;
    } else if (/^[=+@]/.test(text) || /^-[^\d.]/.test(text)) {
      text = `'${text}`;
    }
  }
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
