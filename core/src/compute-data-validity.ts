import { resolveDisposition } from './resolve-disposition.ts';
import type { DispositionCount } from './summarize-reconciliation.ts';
import type { BaselineDisposition } from './types.ts';

/** Dispositions of households that no longer need a survey (they do not count as "should be surveyed"). */
export const NOT_EXPECTED_DISPOSITIONS: readonly BaselineDisposition[] = ['deceased', 'duplicate', 'merged'];

export type ValidityLevel = 'desa' | 'kecamatan' | 'kabupaten';

export type ValidityRow = {
  code: string | null;
  name: string | null;
  /** households that should have been surveyed */
  expected: number;
  /** of those, households with a verified survey in the round */
  verified: number;
  /** verified / expected in percent, one decimal; null when nothing is expected */
  valid_pct: number | null;
  /** valid_pct reaches the target of planning_settings; null when either is unknown */
  meets_target: boolean | null;
};

export type DataValidityInput = {
  /** households per desa, source and recorded disposition */
  households: readonly DispositionCount[];
  /** households with a verified survey of the round, per desa (already limited to expected households) */
  verified: readonly { desa: string | null; count: number }[];
  level: ValidityLevel;
  /** kecamatan of each desa (for verified counts at kecamatan level) */
  kecamatanOfDesa: ReadonlyMap<string, string>;
  names?: ReadonlyMap<string, string>;
  /** the kabupaten row's code and name */
  region?: { code: string; name: string };
  targetPct: number | null;
};

/**
 * Valid-data percentage (DESIGN.md "Validation"): verified households / households that should
 * have been surveyed, i.e. baseline households not deceased, duplicate or merged (not yet visited
 * ones included) plus households found only in the field (`new`). Per desa, kecamatan or the
 * whole kabupaten; `total` is the sum of the rows.
 */
export function computeDataValidity(input: DataValidityInput): {
  level: ValidityLevel;
  target_pct: number | null;
  rows: ValidityRow[];
  total: ValidityRow;
} {
  const names = input.names ?? new Map<string, string>();
  const excluded = new Set<string>(NOT_EXPECTED_DISPOSITIONS);
  const regionOf = (desa: string | null, kecamatan: string | null): string | null => {
    if (input.level === 'kabupaten') return input.region?.code ?? null;
    if (input.level === 'kecamatan')
      return kecamatan ?? (desa === null ? null : (input.kecamatanOfDesa.get(desa) ?? null));
    return desa;
  };
  const rows = new Map<string, ValidityRow>();
  const rowOf = (code: string | null): ValidityRow => {
    const key = code ?? '';
    let row = rows.get(key);
    if (row === undefined) {
      const name =
        input.level === 'kabupaten' && input.region !== undefined
          ? input.region.name
          : code === null
            ? null
            : (names.get(code) ?? null);
      row = { code, name, expected: 0, verified: 0, valid_pct: null, meets_target: null };
      rows.set(key, row);
    }
    return row;
  };
  for (const count of input.households) {
    const disposition = resolveDisposition(count.source, count.disposition);
    if (disposition !== null && excluded.has(disposition)) continue;
    rowOf(regionOf(count.desa, count.kecamatan)).expected += count.count;
  }
  for (const count of input.verified) {
    rowOf(regionOf(count.desa, null)).verified += count.count;
  }
  const total: ValidityRow = {
    code: null,
    name: 'Total',
    expected: 0,
    verified: 0,
    valid_pct: null,
    meets_target: null,
  };
  const sorted = [...rows.values()].sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''));
  for (const row of sorted) {
    total.expected += row.expected;
    total.verified += row.verified;
  }
  for (const row of [...sorted, total]) {
    row.valid_pct = row.expected === 0 ? null : Math.round((row.verified / row.expected) * 1000) / 10;
    row.meets_target =
      row.valid_pct === null || input.targetPct === null ? null : row.valid_pct >= input.targetPct;
  }
  return { level: input.level, target_pct: input.targetPct, rows: sorted, total };
}
