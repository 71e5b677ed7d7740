import { resolveDisposition } from './resolve-disposition.ts';
import type { BaselineDisposition } from './types.ts';

/** Households counted per desa, list source and recorded disposition (one aggregate row). */
export type DispositionCount = {
  desa: string | null;
  kecamatan: string | null;
  source: string | null;
  disposition: string | null;
  count: number;
};

export type ReconciliationLevel = 'desa' | 'kecamatan';

export type ReconciliationRow = {
  code: string | null;
  name: string | null;
  /** the kecamatan of a desa row (null on kecamatan rows) */
  kecamatan: string | null;
  /** households from a baseline list (P3KE/DTSEN) */
  baseline: number;
  /** baseline households with a field disposition */
  visited: number;
  /** baseline households not visited yet */
  pending: number;
  /** verification progress: visited / baseline, in percent with one decimal (null without baseline) */
  progress_pct: number | null;
  /** households per disposition (baseline and field-found), `new` = found only in the field */
  dispositions: Record<BaselineDisposition, number>;
};

export const DISPOSITION_ORDER: readonly BaselineDisposition[] = [
  'found',
  'moved',
  'deceased',
  'split',
  'merged',
  'duplicate',
  'not_found',
  'new',
];

/**
 * Reconciliation progress per desa or kecamatan from aggregate counts: how many baseline
 * households were visited and with which disposition, and how many households were found only in
 * the field. Rows are sorted by code; `total` sums them all.
 */
export function summarizeReconciliation(
  counts: readonly DispositionCount[],
  level: ReconciliationLevel,
  names: ReadonlyMap<string, string> = new Map(),
): { level: ReconciliationLevel; rows: ReconciliationRow[]; total: ReconciliationRow } {
  const rows = new Map<string, ReconciliationRow>();
  const total = emptyRow(null, 'Total', null);
  for (const count of counts) {
    const code = level === 'desa' ? count.desa : count.kecamatan;
    const key = code ?? '';
    let row = rows.get(key);
    if (row === undefined) {
      row = emptyRow(
        code,
        code === null ? null : (names.get(code) ?? null),
        level === 'desa' ? count.kecamatan : null,
      );
      rows.set(key, row);
    }
    for (const target of [row, total]) add(target, count);
  }
  const sorted = [...rows.values()].sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''));
  for (const row of [...sorted, total]) {
    row.pending = row.baseline - row.visited;
    row.progress_pct = row.baseline === 0 ? null : Math.round((row.visited / row.baseline) * 1000) / 10;
  }
  return { level, rows: sorted, total };
}

function add(row: ReconciliationRow, count: DispositionCount): void {
  const isBaseline = count.source === 'p3ke' || count.source === 'dtsen';
  const disposition = resolveDisposition(count.source, count.disposition);
  if (isBaseline) row.baseline += count.count;
  if (isBaseline && disposition !== null) row.visited += count.count;
  if (disposition !== null) row.dispositions[disposition] += count.count;
}

function emptyRow(code: string | null, name: string | null, kecamatan: string | null): ReconciliationRow {
  const dispositions = {} as Record<BaselineDisposition, number>;
  for (const d of DISPOSITION_ORDER) dispositions[d] = 0;
  return { code, name, kecamatan, baseline: 0, visited: 0, pending: 0, progress_pct: null, dispositions };
}
