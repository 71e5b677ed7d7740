import Papa from 'papaparse';

/** Byte order mark: lets Excel read the file as UTF-8. */
export const CSV_BOM = '\uFEFF';

export type CsvCell = string | number | null;

/**
 * A CSV file as Indonesian Excel expects it: semicolon separator, a BOM, CRLF line ends.
 * Cells starting with = + - @ are prefixed with ' so a spreadsheet does not run them as formulas.
 */
export function buildCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const body = Papa.unparse(
    { fields: [...header], data: rows.map((row) => row.map((cell) => cell ?? '')) },
    { delimiter: ';', newline: '\r\n', escapeFormulae: true },
  );
  return `${CSV_BOM}${body}\r\n`;
}
