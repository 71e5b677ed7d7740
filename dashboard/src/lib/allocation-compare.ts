import type { AgencyAllocation, AllocationNames, AllocationResultView } from './allocation-view.ts';
import type { TableRow } from './table.ts';

/** One agency in two results side by side (two runs, or a baseline and a what-if). */
export interface AgencyComparison {
  perangkat_daerah: string;
  agency: string;
  /** null when the agency has no row in that result */
  before: AgencyAllocation | null;
  after: AgencyAllocation | null;
  /** funded after - funded before */
  funded_change: number;
  unfunded_change: number;
}

export interface TotalsComparison {
  funded: { before: number; after: number; change: number };
  unfunded: { before: number; after: number; change: number };
  /** null when either side does not know its households */
  households_funded: { before: number | null; after: number | null; change: number | null };
}

export interface AllocationComparison {
  agencies: AgencyComparison[];
  totals: TotalsComparison;
  /** the agencies whose funding or ceiling changed */
  changed: number;
}

/** Two results per agency (every agency of either side), with the changes; agencies by short name. */
export function compareAllocations(
  before: Pick<AllocationResultView, 'agencies' | 'totals'>,
  after: Pick<AllocationResultView, 'agencies' | 'totals'>,
  names: AllocationNames,
): AllocationComparison {
  const ids = new Set([...before.agencies, ...after.agencies].map((row) => row.perangkat_daerah));
  const find = (rows: readonly AgencyAllocation[], id: string) =>
    rows.find((row) => row.perangkat_daerah === id) ?? null;
  const agencies = [...ids]
    .map((id): AgencyComparison => {
      const a = find(before.agencies, id);
      const b = find(after.agencies, id);
      return {
        perangkat_daerah: id,
        agency: names.agencies.get(id)?.short_name ?? id,
        before: a,
        after: b,
        funded_change: (b?.funded ?? 0) - (a?.funded ?? 0),
        unfunded_change: (b?.unfunded ?? 0) - (a?.unfunded ?? 0),
      };
    })
    .sort((x, y) => x.agency.localeCompare(y.agency, 'id'));
  const hb = before.totals.households_funded;
  const ha = after.totals.households_funded;
  return {
    agencies,
    totals: {
      funded: {
        before: before.totals.funded,
        after: after.totals.funded,
        change: after.totals.funded - before.totals.funded,
      },
      unfunded: {
        before: before.totals.unfunded,
        after: after.totals.unfunded,
        change: after.totals.unfunded - before.totals.unfunded,
      },
      households_funded: { before: hb, after: ha, change: hb === null || ha === null ? null : ha - hb },
    },
    changed: agencies.filter(
      (row) =>
        row.funded_change !== 0 ||
        row.unfunded_change !== 0 ||
        (row.before?.ceiling ?? null) !== (row.after?.ceiling ?? null),
    ).length,
  };
}

/** "+1.234" / "-1.234" / "0" style sign for a change (the number itself is formatted by the caller). */
export function changeSign(change: number): '+' | '-' | '' {
  if (change > 0) return '+';
  if (change < 0) return '-';
  return '';
}

/** Rows of a comparison table: funded and unfunded on both sides and the change, per agency. */
export function comparisonTableRows(comparison: AllocationComparison): TableRow[] {
  return comparison.agencies.map((row) => ({
    agency: row.agency,
    before_ceiling: row.before?.ceiling ?? null,
    after_ceiling: row.after?.ceiling ?? null,
    before_funded: row.before?.funded ?? 0,
    after_funded: row.after?.funded ?? 0,
    funded_change: row.funded_change,
    before_unfunded: row.before?.unfunded ?? 0,
    after_unfunded: row.after?.unfunded ?? 0,
  }));
}

/** The comparison's totals as a table footer. */
export function comparisonFooter(comparison: AllocationComparison): TableRow {
  return {
    agency: 'Jumlah',
    before_ceiling: null,
    after_ceiling: null,
    before_funded: comparison.totals.funded.before,
    after_funded: comparison.totals.funded.after,
    funded_change: comparison.totals.funded.change,
    before_unfunded: comparison.totals.unfunded.before,
    after_unfunded: comparison.totals.unfunded.after,
  };
}
