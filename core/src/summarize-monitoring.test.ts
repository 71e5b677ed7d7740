import { describe, it, expect } from 'vitest';
import type { InterventionStatus } from './allocation-types.ts';
import type { InterventionReport, MonitoredIntervention, Quarter } from './monitoring-types.ts';
import { summarizeMonitoring } from './summarize-monitoring.ts';

function intervention(
  id: number,
  agency: string,
  planned: number | null,
  status: InterventionStatus = 'planned',
  fiscal_year = 2026,
): MonitoredIntervention {
  return { id, perangkat_daerah: agency, fiscal_year, status, planned_cost: planned };
}

function report(
  id: number,
  of: number,
  quarter: Quarter,
  progress: number | null,
  cost: number | null,
  fiscal_year = 2026,
): InterventionReport {
  return { id, intervention: of, fiscal_year, quarter, progress_pct: progress, realized_cost: cost };
}

const INTERVENTIONS = [
  intervention(1, 'dinsos', 1_000_001, 'in_progress'),
  intervention(2, 'dinsos', 2_000_000, 'completed'),
  intervention(3, 'disperkim', 10_000_000),
  intervention(4, 'disperkim', 5_000_000, 'cancelled'),
  intervention(5, 'disperkim', 7_000_000, 'planned', 2025),
  intervention(6, 'dinkes', null),
];
const REPORTS = [
  report(10, 1, 1, 20, 100_000),
  report(11, 1, 2, 50, 200_000),
  report(12, 1, 2, 60, 250_000), // correction of Q2
  report(13, 2, 1, 100, 1_900_000),
  report(14, 3, 3, 40, 4_000_000),
  report(15, 4, 1, 10, 999), // cancelled
  report(16, 5, 1, 10, 999), // other year's intervention
  report(17, 3, 4, 90, 1_000, 2027), // other fiscal year
  report(18, 99, 1, 10, 999), // unknown intervention
];

describe('summarizeMonitoring', () => {
  const summary = summarizeMonitoring({ fiscal_year: 2026, interventions: INTERVENTIONS, reports: REPORTS });

  it.each<
    [
      agency: string,
      figures: [
        interventions: number,
        planned: number,
        realized: number,
        pct: number | null,
        reported: number,
        completed: number,
      ],
    ]
  >([
    ['dinkes', [1, 0, 0, null, 0, 0]],
    ['dinsos', [2, 3_000_001, 2_250_000, 75, 2, 1]],
    ['disperkim', [1, 10_000_000, 4_000_000, 40, 1, 0]],
  ])('%s per year', (agency, figures) => {
    const row = summary.agencies.find((a) => a.perangkat_daerah === agency);
    expect(
      row && [
        row.interventions,
        row.planned_cost,
        row.realized_cost,
        row.realized_pct,
        row.reported,
        row.completed,
      ],
    ).toEqual(figures);
  });

  it('lists agencies in id order', () => {
    expect(summary.agencies.map((a) => a.perangkat_daerah)).toEqual(['dinkes', 'dinsos', 'disperkim']);
  });

  it.each<
    [
      agency: string,
      quarter: Quarter,
      cell: [
        planned: number,
        realized: number,
        plannedCum: number,
        realizedCum: number,
        reported: number,
        completed: number,
      ],
    ]
  >([
    ['dinsos', 1, [750_000, 2_000_000, 750_000, 2_000_000, 2, 1]],
    ['dinsos', 2, [750_001, 250_000, 1_500_001, 2_250_000, 1, 1]],
    ['dinsos', 3, [750_000, 0, 2_250_001, 2_250_000, 0, 1]],
    ['dinsos', 4, [750_000, 0, 3_000_001, 2_250_000, 0, 1]],
    ['disperkim', 3, [2_500_000, 4_000_000, 7_500_000, 4_000_000, 1, 0]],
    ['disperkim', 4, [2_500_000, 0, 10_000_000, 4_000_000, 0, 0]],
  ])('%s in quarter %i', (agency, quarter, cell) => {
    const figures = summary.agencies.find((a) => a.perangkat_daerah === agency)?.quarters[quarter - 1];
    expect(
      figures && [
        figures.planned_cost,
        figures.realized_cost,
        figures.planned_cumulative,
        figures.realized_cumulative,
        figures.reported,
        figures.completed,
      ],
    ).toEqual(cell);
  });

  it('planned shares add up to the planned cost exactly', () => {
    for (const agency of summary.agencies) {
      expect(agency.quarters.reduce((sum, q) => sum + q.planned_cost, 0)).toBe(agency.planned_cost);
    }
  });

  it('sums quarters and totals over agencies', () => {
    expect(summary.quarters.map((q) => [q.quarter, q.realized_cost, q.reported])).toEqual([
      [1, 2_000_000, 2],
      [2, 250_000, 1],
      [3, 4_000_000, 1],
      [4, 0, 0],
    ]);
    expect(summary.quarters[3]?.planned_cumulative).toBe(13_000_001);
    expect(summary.totals).toEqual({
      interventions: 4,
      planned_cost: 13_000_001,
      realized_cost: 6_250_000,
      realized_pct: 48.1,
      reported: 3,
      completed: 1,
    });
  });

  it('gives empty figures for a year without interventions', () => {
    const empty = summarizeMonitoring({ fiscal_year: 2030, interventions: INTERVENTIONS, reports: REPORTS });
    expect(empty.agencies).toEqual([]);
    expect(empty.totals.realized_pct).toBeNull();
    expect(empty.quarters.map((q) => q.planned_cost)).toEqual([0, 0, 0, 0]);
  });
});
