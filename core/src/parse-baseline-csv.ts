import { createBaselineCsvReader } from './create-baseline-csv-reader.ts';
import type { BaselineCsvHeader, BaselineFileProblem } from './create-baseline-csv-reader.ts';
import type { BaselineRecord } from './types.ts';

export type ParsedBaselineCsv = {
  header: BaselineCsvHeader | null;
  /** set when the file as a whole cannot be imported (empty, not CSV, required columns missing) */
  problem: BaselineFileProblem | null;
  records: BaselineRecord[];
  /** true when `limit` stopped the reading before the end of the text */
  truncated: boolean;
};

/**
 * Parses a whole baseline CSV text (BOM, comma or semicolon, CRLF and quoted newlines handled by
 * createBaselineCsvReader). `limit` keeps only the first data records (a preview); the file-level
 * checks still run. Large files should be streamed through createBaselineCsvReader instead.
 */
export function parseBaselineCsv(text: string, options: { limit?: number } = {}): ParsedBaselineCsv {
  const reader = createBaselineCsvReader();
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const records: BaselineRecord[] = [];
  const piece = 64 * 1024;
  let truncated = false;
  for (let start = 0; start < text.length && records.length < limit; start += piece) {
    records.push(...reader.push(text.slice(start, start + piece)));
    if (reader.problem() !== null) break;
    if (records.length >= limit && start + piece < text.length) truncated = true;
  }
  if (!truncated) records.push(...reader.end());
  if (records.length > limit) {
    records.length = limit;
    truncated = true;
  }
  return { header: reader.header(), problem: reader.problem(), records, truncated };
}
