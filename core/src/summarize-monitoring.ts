import type { InterventionReport, MonitoredIntervention, Quarter } from './monitoring-types.ts';
import { QUARTERS } from './monitoring-types.ts';

export type MonitoringFigures = {
  /** interventions of the year that are not cancelled */
  interventions: number;
  /** rupiah planned (planned_cost of those interventions) */
  planned_cost: number;
  /** rupiah realised as reported */
  realized_cost: number;
  /** realized / planned in percent, one decimal; null when nothing is planned */
  realized_pct: number | null;
  /** interventions with at least one report (of the quarter, on quarter rows and cells) */
  reported: number;
  /** interventions completed (status completed; on quarter rows and cells: reported 100% by then) */
  completed: number;
};

export type MonitoringQuarterFigures = {
  quarter: Quarter;
  /** the quarter's share of the year's planned cost, spread evenly over four quarters */
  planned_cost: number;
  realized_cost: number;
  /** planned and realised up to and including the quarter */
  planned_cumulative: number;
  realized_cumulative: number;
  reported: number;
  completed: number;
};

export type MonitoringAgencyRow = MonitoringFigures & {
  perangkat_daerah: string;
  quarters: MonitoringQuarterFigures[];
};

export type MonitoringSummary = {
  fiscal_year: number;
  agencies: MonitoringAgencyRow[];
  /** the sum over agencies, per quarter */
  quarters: MonitoringQuarterFigures[];
  totals: MonitoringFigures;
};

const cumulativeShare = (total: number, quarter: number): number => Math.round((total * quarter) / 4);

const percent = (part: number, total: number): number | null =>
  total > 0 ? Math.round((part / total) * 1000) / 10 : null;

/**
 * Planned against realised per perangkat daerah and quarter for one fiscal year (DESIGN
 * "Monitoring"), from the year's interventions and their quarterly reports.
 * - Cancelled interventions and interventions of other years are left out; so are reports of other
 *   fiscal years and reports of interventions not given.
 * - Per intervention and quarter the latest report (highest id) counts (a correction replaces).
 * - Realised = the sum of the counted reports' realized_cost (each is what was spent in its quarter).
 * - There is no quarterly disbursement plan in the data, so the planned cost is spread evenly: a
 *   quarter's planned share is round(planned x q / 4) - round(planned x (q-1) / 4), whole rupiah
 *   that add up exactly to the year's planned cost.
 * - On quarter figures, `reported` counts interventions with a report for that quarter and
 *   `completed` those whose counted progress reached 100% in that quarter or earlier; on the year's
 *   figures, `reported` counts interventions with any report and `completed` those in status
 *   completed.
 * Agencies are listed in id order; an agency appears when it has an intervention of the year.
 */
export function summarizeMonitoring(input: {
  fiscal_year: number;
  interventions: readonly MonitoredIntervention[];
  reports: readonly InterventionReport[];
}): MonitoringSummary {
  const year = input.fiscal_year;
  const kept = new Map<number, MonitoredIntervention>();
  for (const intervention of input.interventions) {
    if (intervention.fiscal_year === year && intervention.status !== 'cancelled') {
      kept.set(intervention.id, intervention);
    }
  }
  // the counted report per intervention and quarter
  const counted = new Map<number, Map<Quarter, InterventionReport>>();
  for (const report of input.reports) {
    if (report.fiscal_year !== year || !kept.has(report.intervention)) continue;
    let byQuarter = counted.get(report.intervention);
    if (byQuarter === undefined) counted.set(report.intervention, (byQuarter = new Map()));
    const held = byQuarter.get(report.quarter);
    if (held === undefined || report.id > held.id) byQuarter.set(report.quarter, report);
  }

  type Tally = {
    interventions: number;
    planned: number;
    reported: number;
    completed: number;
    quarterRealized: number[];
    quarterReported: number[];
    quarterCompleted: number[];
  };
  const tallies = new Map<string, Tally>();
  for (const intervention of kept.values()) {
    let tally = tallies.get(intervention.perangkat_daerah);
    if (tally === undefined) {
      tally = {
        interventions: 0,
        planned: 0,
        reported: 0,
        completed: 0,
        quarterRealized: [0, 0, 0, 0],
        quarterReported: [0, 0, 0, 0],
        quarterCompleted: [0, 0, 0, 0],
      };
      tallies.set(intervention.perangkat_daerah, tally);
    }
    tally.interventions += 1;
    tally.planned += Math.round(intervention.planned_cost ?? 0);
    if (intervention.status === 'completed') tally.completed += 1;
    const byQuarter = counted.get(intervention.id);
    if (byQuarter === undefined) continue;
    tally.reported += 1;
    let doneFrom: number | null = null;
    for (const quarter of QUARTERS) {
      const report = byQuarter.get(quarter);
      if (report === undefined) continue;
      const index = quarter - 1;
      tally.quarterRealized[index] =
        (tally.quarterRealized[index] ?? 0) + Math.round(report.realized_cost ?? 0);
      tally.quarterReported[index] = (tally.quarterReported[index] ?? 0) + 1;
      if (doneFrom === null && (report.progress_pct ?? 0) >= 100) doneFrom = index;
    }
    if (doneFrom !== null) {
      for (let index = doneFrom; index < 4; index += 1) {
        tally.quarterCompleted[index] = (tally.quarterCompleted[index] ?? 0) + 1;
      }
    }
  }

  const agencies: MonitoringAgencyRow[] = [...tallies.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([perangkat_daerah, tally]) => {
      let realizedCumulative = 0;
      const quarters = QUARTERS.map((quarter): MonitoringQuarterFigures => {
        const index = quarter - 1;
        const realized = tally.quarterRealized[index] ?? 0;
        realizedCumulative += realized;
        return {
          quarter,
          planned_cost: cumulativeShare(tally.planned, quarter) - cumulativeShare(tally.planned, quarter - 1),
          realized_cost: realized,
          planned_cumulative: cumulativeShare(tally.planned, quarter),
          realized_cumulative: realizedCumulative,
          reported: tally.quarterReported[index] ?? 0,
          completed: tally.quarterCompleted[index] ?? 0,
        };
      });
      return {
        perangkat_daerah,
        interventions: tally.interventions,
        planned_cost: tally.planned,
        realized_cost: realizedCumulative,
        realized_pct: percent(realizedCumulative, tally.planned),
        reported: tally.reported,
        completed: tally.completed,
        quarters,
      };
    });

  const quarters = QUARTERS.map((quarter): MonitoringQuarterFigures => {
    const sum = (pick: (figures: MonitoringQuarterFigures) => number): number =>
      agencies.reduce(
        (total, agency) => total + pick(agency.quarters[quarter - 1] as MonitoringQuarterFigures),
        0,
      );
    return {
      quarter,
      planned_cost: sum((q) => q.planned_cost),
      realized_cost: sum((q) => q.realized_cost),
      planned_cumulative: sum((q) => q.planned_cumulative),
      realized_cumulative: sum((q) => q.realized_cumulative),
      reported: sum((q) => q.reported),
      completed: sum((q) => q.completed),
    };
  });
  const total = (pick: (row: MonitoringAgencyRow) => number): number =>
    agencies.reduce((sum, agency) => sum + pick(agency), 0);
  const planned = total((a) => a.planned_cost);
  const realized = total((a) => a.realized_cost);
  return {
    fiscal_year: year,
    agencies,
    quarters,
    totals: {
      interventions: total((a) => a.interventions),
      planned_cost: planned,
      realized_cost: realized,
      realized_pct: percent(realized, planned),
      reported: total((a) => a.reported),
      completed: total((a) => a.completed),
    },
  };
}
