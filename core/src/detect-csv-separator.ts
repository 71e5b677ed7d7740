import { mapBaselineColumns } from './map-baseline-columns.ts';
import type { CsvSeparator } from './types.ts';

const CANDIDATES: readonly CsvSeparator[] = [',', ';', '\t'];

/**
 * Detects the separator of a baseline CSV from its header line: the candidate (semicolon, comma,
 * tab) under which most header cells are baseline column names; when none names a column, the one
 * that occurs most often outside quotes; comma when there is none at all.
 */
export function detectCsvSeparator(headerLine: string): CsvSeparator {
  let best: CsvSeparator = ',';
  let bestScore = -1;
  for (const separator of CANDIDATES) {
    const cells = splitOutsideQuotes(headerLine, separator);
    const recognised = mapBaselineColumns(cells).columns.filter((c) => c !== null).length;
    // Recognised columns dominate; the number of cells breaks ties and decides for unknown headers.
    const score = recognised * 1000 + (cells.length > 1 ? cells.length : 0);
    if (score > bestScore) {
      best = separator;
      bestScore = score;
    }
  }
  return bestScore <= 0 ? ',' : best;
}

function splitOutsideQuotes(line: string, separator: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === separator && !quoted) {
      cells.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  cells.push(current);
  return cells.map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}
