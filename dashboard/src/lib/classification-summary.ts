import { toSummaryBucket } from './classification.ts';
import type { SummaryBucket } from './classification.ts';

export type SummaryCounts = Record<SummaryBucket, number> & { total: number };

export interface KecamatanSummaryRow extends SummaryCounts {
  /** Kecamatan code ("63.11.07"); null for households without a kecamatan. */
  code: string | null;
  name: string;
}

export interface ClassificationSummary {
  rows: KecamatanSummaryRow[];
  totals: SummaryCounts;
}

/** One group of GET /items/households?aggregate[count]=id&groupBy[]=kecamatan&groupBy[]=classification. */
export interface HouseholdCountGroup {
  kecamatan?: unknown;
  classification?: unknown;
  count?: unknown;
}

export interface KecamatanName {
  code?: unknown;
  name?: unknown;
}

export const NO_KECAMATAN_LABEL = 'Tanpa kecamatan';

function emptyCounts(): SummaryCounts {
  return { ekstrem: 0, miskin: 0, tidak_miskin: 0, unclassified: 0, belum: 0, total: 0 };
}

/**
 * Reads an aggregate count. Directus answers `{ count: { id: 5 } }` for aggregate[count]=id and
 * `{ count: 5 }` for count=*; PostgreSQL returns the number as a string ("5").
 */
export function readAggregateCount(count: unknown): number {
  let value = count;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    value = 'id' in record ? record['id'] : Object.values(record)[0];
  }
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : 0;
}

function readCode(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null && 'code' in value) return readCode(value.code);
  return null;
}

function compareRows(a: KecamatanSummaryRow, b: KecamatanSummaryRow): number {
  if (a.code === null) return b.code === null ? 0 : 1;
  if (b.code === null) return -1;
  return a.code.localeCompare(b.code, 'en', { numeric: true });
}

/**
 * Shapes the grouped household counts into one row per kecamatan (in code order, households without a
 * kecamatan last) with a column per classification and a total, plus a totals row. Only kecamatan with at
 * least one visible household appear.
 */
export function buildClassificationSummary(
  groups: readonly HouseholdCountGroup[],
  kecamatan: readonly KecamatanName[],
): ClassificationSummary {
  const names = new Map<string, string>();
  for (const entry of kecamatan) {
    const code = readCode(entry.code);
    if (code !== null && typeof entry.name === 'string' && entry.name.trim() !== '')
      names.set(code, entry.name);
  }

  const rows = new Map<string | null, KecamatanSummaryRow>();
  const totals = emptyCounts();
  for (const group of groups) {
    const count = readAggregateCount(group.count);
    if (count === 0) continue;
    const code = readCode(group.kecamatan);
    let row = rows.get(code);
    if (row === undefined) {
      row = { code, name: code === null ? NO_KECAMATAN_LABEL : (names.get(code) ?? code), ...emptyCounts() };
      rows.set(code, row);
    }
    const bucket = toSummaryBucket(group.classification);
    row[bucket] += count;
    row.total += count;
    totals[bucket] += count;
    totals.total += count;
  }

  return { rows: [...rows.values()].sort(compareRows), totals };
}
