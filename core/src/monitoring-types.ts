// Shapes of quarterly monitoring and outcome evaluation (DESIGN "Monitoring"). Pure data: no
// framework, no I/O.
import type { InterventionStatus } from './allocation-types.ts';

export type Quarter = 1 | 2 | 3 | 4;

export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

/** An intervention as monitoring needs to know it. Money is integer rupiah. */
export type MonitoredIntervention = {
  id: number;
  perangkat_daerah: string;
  fiscal_year: number;
  status: InterventionStatus;
  planned_cost: number | null;
};

/**
 * One quarterly report (`intervention_reports`). `progress_pct` is the cumulative progress at the
 * end of the quarter (0-100); `realized_cost` is what was spent within that quarter (rupiah), so a
 * year's realisation is the sum of its quarters.
 */
export type InterventionReport = {
  id: number;
  intervention: number;
  fiscal_year: number;
  quarter: Quarter;
  progress_pct: number | null;
  realized_cost: number | null;
};
