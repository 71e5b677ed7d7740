import type { InterventionStatus } from './allocation-types.ts';
import type { InterventionReport, MonitoredIntervention, Quarter } from './monitoring-types.ts';

export type OverdueReason = 'no_report' | 'behind' | 'not_completed';

export type OverdueIntervention = {
  intervention: number;
  perangkat_daerah: string;
  fiscal_year: number;
  /** the latest quarter of the fiscal year that has ended (the one a report is due for) */
  due_quarter: Quarter;
  reason: OverdueReason;
  /** the latest reported quarter and its progress (null: never reported in the fiscal year) */
  last_quarter: Quarter | null;
  progress_pct: number | null;
  /** progress expected by the end of due_quarter */
  expected_pct: number;
  /** whole days since due_quarter ended */
  days_overdue: number;
};

/** Progress expected at the end of quarters 1-4. */
export type ProgressSchedule = readonly [number, number, number, number];

/** By default only completion is expected, at the end of the fourth quarter. */
export const DEFAULT_PROGRESS_SCHEDULE: ProgressSchedule = [0, 0, 0, 100];

const OPEN: ReadonlySet<InterventionStatus> = new Set(['planned', 'budgeted', 'in_progress']);
const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'] as const;
const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The interventions whose quarterly reporting is overdue on `today` (an ISO date 'YYYY-MM-DD' or
 * timestamp; only its date part is read, so the caller decides the time zone). The rule:
 * - only interventions still open (planned, budgeted, in_progress) can be overdue; completed and
 *   cancelled ones never are, nor is one whose latest report says 100%;
 * - the due quarter is the latest quarter of the intervention's fiscal year that ended before
 *   `today` (Q1 ends 31 March, Q2 30 June, Q3 30 September, Q4 31 December); before the end of Q1
 *   nothing is due;
 * - `no_report`: no report of that fiscal year for the due quarter or a later one;
 * - otherwise the latest report's progress (empty = 0) is compared with `schedule` at the due
 *   quarter: below it after Q4 is `not_completed`, below it earlier is `behind`. The default
 *   schedule expects nothing but completion by the end of Q4 ("not completed after Q4").
 * Per quarter the latest report (highest id) counts. The answer is in intervention id order.
 */
export function findOverdueInterventions(input: {
  interventions: readonly MonitoredIntervention[];
  reports: readonly InterventionReport[];
  today: string;
  schedule?: ProgressSchedule;
}): OverdueIntervention[] {
  const today = input.today.slice(0, 10);
  const schedule = input.schedule ?? DEFAULT_PROGRESS_SCHEDULE;
  const latest = new Map<string, InterventionReport>();
  for (const report of input.reports) {
    const key = `${report.intervention}:${report.fiscal_year}`;
    const held = latest.get(key);
    if (
      held === undefined ||
      report.quarter > held.quarter ||
      (report.quarter === held.quarter && report.id > held.id)
    ) {
      latest.set(key, report);
    }
  }

  const overdue: OverdueIntervention[] = [];
  for (const intervention of input.interventions) {
    if (!OPEN.has(intervention.status)) continue;
    let due: Quarter | null = null;
    for (const quarter of [4, 3, 2, 1] as const) {
      if (today > `${intervention.fiscal_year}-${QUARTER_END[quarter - 1]}`) {
        due = quarter;
        break;
      }
    }
    if (due === null) continue;
    const report = latest.get(`${intervention.id}:${intervention.fiscal_year}`);
    const progress = report === undefined ? null : (report.progress_pct ?? 0);
    if (progress !== null && progress >= 100) continue;
    const expected = schedule[due - 1] ?? 0;
    let reason: OverdueReason | null = null;
    if (report === undefined || report.quarter < due) reason = 'no_report';
    else if ((progress ?? 0) < expected) reason = due === 4 ? 'not_completed' : 'behind';
    if (reason === null) continue;
    overdue.push({
      intervention: intervention.id,
      perangkat_daerah: intervention.perangkat_daerah,
      fiscal_year: intervention.fiscal_year,
      due_quarter: due,
      reason,
      last_quarter: report?.quarter ?? null,
      progress_pct: progress,
      expected_pct: expected,
      days_overdue: daysBetween(`${intervention.fiscal_year}-${QUARTER_END[due - 1]}`, today),
    });
  }
  return overdue.sort((a, b) => a.intervention - b.intervention);
}
