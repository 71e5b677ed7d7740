import type { InterventionStatus } from './allocation-types.ts';
import type { InterventionReport } from './monitoring-types.ts';

export type InterventionProgressState = {
  status: InterventionStatus;
  /** rupiah; null = nothing realised reported */
  realized_cost: number | null;
  /** ISO timestamp */
  completed_at: string | null;
};

/**
 * What an intervention's stored progress becomes from its quarterly reports (DESIGN "Monitoring"),
 * so interventions.status / realized_cost / completed_at never drift from what agencies reported.
 *
 * - Per fiscal year and quarter the latest report (highest id) counts: a second report for the same
 *   quarter is a correction and replaces the first, it never adds to it.
 * - realized_cost = the SUM of the counted reports' realized_cost (each report says what was spent
 *   within its quarter); empty values count as 0; null when no counted report has a value.
 * - progress = the counted report of the latest year and quarter (empty = 0).
 * - progress >= 100: `completed`, with completed_at kept when already set, else `now`.
 *   Below 100: `in_progress` and completed_at cleared. Any report means the agency has taken the
 *   intervention on, so it is no longer `planned` (an allocation re-run only releases `planned`
 *   interventions, and must not take away one that is being carried out).
 * - a `cancelled` intervention stays cancelled (its realised cost still follows the reports).
 * - no reports at all: nothing to derive; the current state is returned unchanged.
 * Only reports of this intervention are read (`reports` may hold others).
 */
export function deriveInterventionProgress(
  intervention: { id: number } & InterventionProgressState,
  reports: readonly InterventionReport[],
  now: string,
): InterventionProgressState {
  const counted = new Map<string, InterventionReport>();
  for (const report of reports) {
    if (report.intervention !== intervention.id) continue;
    const key = `${report.fiscal_year}:${report.quarter}`;
    const held = counted.get(key);
    if (held === undefined || report.id > held.id) counted.set(key, report);
  }
  const current: InterventionProgressState = {
    status: intervention.status,
    realized_cost: intervention.realized_cost,
    completed_at: intervention.completed_at,
  };
  if (counted.size === 0) return current;

  let realized: number | null = null;
  let latest: InterventionReport | null = null;
  for (const report of counted.values()) {
    if (report.realized_cost !== null) realized = (realized ?? 0) + Math.round(report.realized_cost);
    if (
      latest === null ||
      report.fiscal_year > latest.fiscal_year ||
      (report.fiscal_year === latest.fiscal_year && report.quarter > latest.quarter)
    ) {
      latest = report;
    }
  }
  const progress = latest?.progress_pct ?? 0;
  if (intervention.status === 'cancelled') return { ...current, realized_cost: realized };
  if (progress >= 100) {
    return { status: 'completed', realized_cost: realized, completed_at: intervention.completed_at ?? now };
  }
  return { status: 'in_progress', realized_cost: realized, completed_at: null };
}
