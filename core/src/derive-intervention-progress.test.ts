import { describe, it, expect } from 'vitest';
import type { InterventionStatus } from './allocation-types.ts';
import { deriveInterventionProgress } from './derive-intervention-progress.ts';
import type { InterventionReport, Quarter } from './monitoring-types.ts';

const NOW = '2026-07-05T03:00:00.000Z';
const EARLIER = '2026-04-01T00:00:00.000Z';

function report(
  id: number,
  quarter: Quarter,
  progress: number | null,
  cost: number | null,
  more: Partial<InterventionReport> = {},
): InterventionReport {
  return {
    id,
    intervention: 7,
    fiscal_year: 2026,
    quarter,
    progress_pct: progress,
    realized_cost: cost,
    ...more,
  };
}

describe('deriveInterventionProgress', () => {
  it.each<
    [
      name: string,
      status: InterventionStatus,
      completedAt: string | null,
      reports: InterventionReport[],
      expected: { status: InterventionStatus; realized_cost: number | null; completed_at: string | null },
    ]
  >([
    [
      'no report changes nothing',
      'planned',
      null,
      [],
      { status: 'planned', realized_cost: 5, completed_at: null },
    ],
    [
      'a first report starts the work',
      'planned',
      null,
      [report(1, 1, 0, null)],
      { status: 'in_progress', realized_cost: null, completed_at: null },
    ],
    [
      'quarters add up their realised cost',
      'budgeted',
      null,
      [report(1, 1, 20, 1_000_000), report(2, 2, 60, 2_500_000)],
      { status: 'in_progress', realized_cost: 3_500_000, completed_at: null },
    ],
    [
      'a correction of the same quarter replaces it',
      'in_progress',
      null,
      [report(1, 1, 20, 1_000_000), report(3, 1, 30, 1_200_000), report(2, 2, 60, 500_000)],
      { status: 'in_progress', realized_cost: 1_700_000, completed_at: null },
    ],
    [
      '100% completes it now',
      'in_progress',
      null,
      [report(1, 1, 40, 1_000_000), report(2, 2, 100, 3_000_000)],
      { status: 'completed', realized_cost: 4_000_000, completed_at: NOW },
    ],
    [
      'an earlier completion date is kept',
      'completed',
      EARLIER,
      [report(1, 2, 100, 3_000_000)],
      { status: 'completed', realized_cost: 3_000_000, completed_at: EARLIER },
    ],
    [
      'progress is read from the latest quarter, not the latest id',
      'in_progress',
      null,
      [report(5, 1, 100, 100), report(2, 3, 80, 100)],
      { status: 'in_progress', realized_cost: 200, completed_at: null },
    ],
    [
      'a correction below 100 reopens a completed one',
      'completed',
      EARLIER,
      [report(1, 2, 100, 100), report(2, 2, 90, 100)],
      { status: 'in_progress', realized_cost: 100, completed_at: null },
    ],
    [
      'a later fiscal year is later than any quarter',
      'in_progress',
      null,
      [report(1, 4, 90, 10), report(2, 1, 100, 20, { fiscal_year: 2027 })],
      { status: 'completed', realized_cost: 30, completed_at: NOW },
    ],
    [
      'empty progress counts as 0',
      'planned',
      null,
      [report(1, 1, null, 0)],
      { status: 'in_progress', realized_cost: 0, completed_at: null },
    ],
    [
      'a cancelled one stays cancelled',
      'cancelled',
      null,
      [report(1, 1, 100, 700)],
      { status: 'cancelled', realized_cost: 700, completed_at: null },
    ],
    [
      "another intervention's reports are ignored",
      'planned',
      null,
      [report(1, 1, 100, 700, { intervention: 8 })],
      { status: 'planned', realized_cost: 5, completed_at: null },
    ],
  ])('%s', (_name, status, completedAt, reports, expected) => {
    expect(
      deriveInterventionProgress(
        { id: 7, status, realized_cost: 5, completed_at: completedAt },
        reports,
        NOW,
      ),
    ).toEqual(expected);
  });
});
