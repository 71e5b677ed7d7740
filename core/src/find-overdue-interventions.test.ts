import { describe, it, expect } from 'vitest';
import type { InterventionStatus } from './allocation-types.ts';
import { findOverdueInterventions } from './find-overdue-interventions.ts';
import type { OverdueReason, ProgressSchedule } from './find-overdue-interventions.ts';
import type { InterventionReport, Quarter } from './monitoring-types.ts';

const INTERVENTION = 7;

function report(
  id: number,
  quarter: Quarter,
  progress: number | null,
  fiscal_year = 2026,
): InterventionReport {
  return {
    id,
    intervention: INTERVENTION,
    fiscal_year,
    quarter,
    progress_pct: progress,
    realized_cost: null,
  };
}

type Expected =
  [reason: OverdueReason, due: Quarter, last: Quarter | null, progress: number | null, days: number] | null;

function check(
  today: string,
  reports: InterventionReport[],
  status: InterventionStatus = 'in_progress',
  schedule?: ProgressSchedule,
): Expected {
  const [found] = findOverdueInterventions({
    interventions: [
      { id: INTERVENTION, perangkat_daerah: 'dinsos', fiscal_year: 2026, status, planned_cost: 1 },
    ],
    reports,
    today,
    ...(schedule === undefined ? {} : { schedule }),
  });
  return found === undefined
    ? null
    : [found.reason, found.due_quarter, found.last_quarter, found.progress_pct, found.days_overdue];
}

describe('findOverdueInterventions', () => {
  it.each<[name: string, today: string, reports: InterventionReport[], expected: Expected]>([
    ['nothing is due before Q1 ends', '2026-03-31', [], null],
    ['Q1 ended without a report', '2026-04-01', [], ['no_report', 1, null, null, 1]],
    ['a timestamp is read by its date', '2026-04-11T23:59:00Z', [], ['no_report', 1, null, null, 11]],
    ['Q1 reported on time', '2026-05-10', [report(1, 1, 0)], null],
    ['Q2 ended, last report Q1', '2026-07-15', [report(1, 1, 30)], ['no_report', 2, 1, 30, 15]],
    ['a later report covers the due quarter', '2026-07-15', [report(1, 3, 30)], null],
    [
      'a report of another year does not count',
      '2026-07-15',
      [report(1, 2, 30, 2025)],
      ['no_report', 2, null, null, 15],
    ],
    ['year over, reported Q4 below 100', '2027-01-10', [report(1, 4, 90)], ['not_completed', 4, 4, 90, 10]],
    ['year over, last report Q3', '2027-01-10', [report(1, 3, 90)], ['no_report', 4, 3, 90, 10]],
    ['100% reported is never overdue', '2027-06-01', [report(1, 2, 100)], null],
    [
      'the latest correction of a quarter counts',
      '2027-01-01',
      [report(2, 4, 80), report(1, 4, 100)],
      ['not_completed', 4, 4, 80, 1],
    ],
    ['empty progress counts as 0', '2027-01-01', [report(1, 4, null)], ['not_completed', 4, 4, 0, 1]],
  ])('%s', (_name, today, reports, expected) => {
    expect(check(today, reports)).toEqual(expected);
  });

  it.each<[status: InterventionStatus, overdue: boolean]>([
    ['planned', true],
    ['budgeted', true],
    ['in_progress', true],
    ['completed', false],
    ['cancelled', false],
  ])('status %s can be overdue: %s', (status, overdue) => {
    expect(check('2026-12-01', [], status) !== null).toBe(overdue);
  });

  it.each<[today: string, reports: InterventionReport[], expected: Expected]>([
    ['2026-07-01', [report(1, 2, 40)], ['behind', 2, 2, 40, 1]],
    ['2026-07-01', [report(1, 2, 50)], null],
    ['2026-04-02', [report(1, 1, 25)], null],
  ])('with a linear schedule on %s', (today, reports, expected) => {
    expect(check(today, reports, 'in_progress', [25, 50, 75, 100])).toEqual(expected);
  });

  it('answers in intervention id order', () => {
    const found = findOverdueInterventions({
      interventions: [9, 3, 5].map((id) => ({
        id,
        perangkat_daerah: 'dinsos',
        fiscal_year: 2026,
        status: 'planned' as const,
        planned_cost: null,
      })),
      reports: [],
      today: '2026-10-01',
    });
    expect(found.map((f) => [f.intervention, f.due_quarter, f.expected_pct])).toEqual([
      [3, 3, 0],
      [5, 3, 0],
      [9, 3, 0],
    ]);
  });
});
