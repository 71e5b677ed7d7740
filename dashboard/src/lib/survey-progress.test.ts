import { describe, expect, it } from 'vitest';
import { buildSurveyProgress, MAX_WEEKS } from './survey-progress.ts';

const day = (field: string, date: string, extra: Record<string, unknown>) => {
  const [year, month, dayOfMonth] = date.split('-').map(Number);
  return { [`${field}_year`]: year, [`${field}_month`]: month, [`${field}_day`]: dayOfMonth, ...extra };
};

describe('buildSurveyProgress', () => {
  it('counts submitted and verified surveys per week (Monday first) with running totals', () => {
    const progress = buildSurveyProgress(
      [
        day('surveyed_at', '2025-08-04', { status: 'submitted', count: { id: 2 } }), // Monday
        day('surveyed_at', '2025-08-10', { status: 'verified', count: { id: '3' } }), // Sunday, same week
        day('surveyed_at', '2025-08-20', { status: 'verified', count: { id: 1 } }), // week of 18 Aug
        day('surveyed_at', '2025-08-05', { status: 'returned', count: { id: 9 } }), // does not count
        day('surveyed_at', '2025-08-05', { status: 'draft', count: { id: 9 } }), // does not count
      ],
      [
        day('verified_at', '2025-08-12', { count: { id: 3 } }),
        day('verified_at', '2025-08-21', { count: { id: 1 } }),
      ],
    );
    expect(progress.granularity).toBe('week');
    expect(progress.points).toEqual([
      {
        start: '2025-08-04',
        label: '4 Agu 2025',
        surveyed: 5,
        verified: 0,
        surveyedTotal: 5,
        verifiedTotal: 0,
      },
      {
        start: '2025-08-11',
        label: '11 Agu 2025',
        surveyed: 0,
        verified: 3,
        surveyedTotal: 5,
        verifiedTotal: 3,
      },
      {
        start: '2025-08-18',
        label: '18 Agu 2025',
        surveyed: 1,
        verified: 1,
        surveyedTotal: 6,
        verifiedTotal: 4,
      },
    ]);
  });

  it('switches to months for a long span and keeps empty months', () => {
    const progress = buildSurveyProgress(
      [
        day('surveyed_at', '2024-11-15', { status: 'submitted', count: { id: 1 } }),
        day('surveyed_at', '2025-09-02', { status: 'verified', count: { id: 4 } }),
      ],
      [],
    );
    expect(progress.granularity).toBe('month');
    expect(progress.points).toHaveLength(11);
    expect(progress.points[0]).toMatchObject({ start: '2024-11-01', label: 'Nov 2024', surveyedTotal: 1 });
    expect(progress.points[1]).toMatchObject({ label: 'Des 2024', surveyed: 0, surveyedTotal: 1 });
    expect(progress.points.at(-1)).toMatchObject({ label: 'Sep 2025', surveyedTotal: 5 });
  });

  it(`shows ${MAX_WEEKS} weeks week by week`, () => {
    const progress = buildSurveyProgress(
      [
        day('surveyed_at', '2025-01-06', { status: 'submitted', count: { id: 1 } }),
        day('surveyed_at', '2025-06-30', { status: 'submitted', count: { id: 1 } }),
      ],
      [],
    );
    expect(progress.granularity).toBe('week');
    expect(progress.points).toHaveLength(MAX_WEEKS);
  });

  it('counts verified surveys by the day they were surveyed without verification groups', () => {
    const progress = buildSurveyProgress([
      { surveyed_at: '2025-08-04', status: 'verified', count: { id: 2 } },
      { surveyed_at: '2025-08-05', status: 'submitted', count: { id: 3 } },
      { surveyed_at: '2025-08-13', status: 'verified', count: { id: 1 } },
    ]);
    expect(progress.points.map((point) => [point.start, point.surveyedTotal, point.verifiedTotal])).toEqual([
      ['2025-08-04', 5, 2],
      ['2025-08-11', 6, 3],
    ]);
  });

  it('reads days grouped by the date field itself', () => {
    const progress = buildSurveyProgress(
      [
        { surveyed_at: '2025-08-04', status: 'verified', count: { id: 2 } },
        { surveyed_at: '2025-08-12T00:00:00', status: 'submitted', count: { id: '1' } },
        { surveyed_at: 'kemarin', status: 'submitted', count: { id: 5 } },
      ],
      [],
    );
    expect(progress.points.map((point) => [point.start, point.surveyedTotal])).toEqual([
      ['2025-08-04', 2],
      ['2025-08-11', 3],
    ]);
  });

  it('ignores groups without a date and gives no points without surveys', () => {
    expect(buildSurveyProgress([{ status: 'submitted', count: { id: 3 } }], [])).toEqual({
      granularity: 'week',
      points: [],
    });
    expect(buildSurveyProgress([], []).points).toEqual([]);
  });
});
