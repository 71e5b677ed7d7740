import { describe, it, expect } from 'vitest';
import { pickCountedSurvey } from './pick-counted-survey.ts';
import type { SurveyRef } from './pick-counted-survey.ts';

const s = (
  id: number,
  round: number,
  status: SurveyRef['status'],
  surveyed_at: string | null = null,
  date_created: string | null = null,
): SurveyRef => ({ id, round, status, surveyed_at, date_created });

describe('pickCountedSurvey', () => {
  it.each<[string, SurveyRef[], number | null]>([
    ['no surveys', [], null],
    ['a single verified survey', [s(1, 2025, 'verified')], 1],
    ['a single submitted survey counts', [s(1, 2025, 'submitted')], 1],
    ['a draft does not count', [s(1, 2025, 'draft')], null],
    ['a returned survey does not count', [s(1, 2025, 'returned')], null],
    [
      'the latest round wins over a later date in an earlier round',
      [s(1, 2024, 'verified', '2025-12-31'), s(2, 2025, 'submitted', '2025-01-02')],
      2,
    ],
    [
      'a new round still in draft does not replace the counted one',
      [s(1, 2025, 'verified', '2025-03-01'), s(2, 2026, 'draft', '2026-02-01')],
      1,
    ],
    [
      'a returned survey of the new round does not count',
      [s(1, 2025, 'verified', '2025-03-01'), s(2, 2026, 'returned', '2026-02-01')],
      1,
    ],
    [
      'within a round the latest surveyed_at wins over a higher id',
      [s(5, 2025, 'verified', '2025-03-10'), s(3, 2025, 'submitted', '2025-04-01')],
      3,
    ],
    [
      'same surveyed_at: latest date_created',
      [
        s(5, 2025, 'verified', '2025-03-10', '2025-03-10T08:00:00Z'),
        s(3, 2025, 'verified', '2025-03-10', '2025-03-11T08:00:00Z'),
      ],
      3,
    ],
    [
      'a dated survey is later than an undated one',
      [s(9, 2025, 'verified', null), s(2, 2025, 'verified', '2025-01-01')],
      2,
    ],
    [
      'full tie: highest id',
      [
        s(4, 2025, 'verified', '2025-03-10'),
        s(7, 2025, 'submitted', '2025-03-10'),
        s(6, 2025, 'verified', '2025-03-10'),
      ],
      7,
    ],
    [
      'no dates at all: highest id',
      [s(4, 2025, 'verified'), s(11, 2025, 'verified'), s(10, 2025, 'verified')],
      11,
    ],
    [
      'mixed history',
      [
        s(1, 2024, 'verified', '2024-05-01'),
        s(2, 2025, 'returned', '2025-05-01'),
        s(3, 2025, 'verified', '2025-04-01'),
        s(4, 2025, 'draft', '2025-06-01'),
      ],
      3,
    ],
  ])('%s', (_name, surveys, expectedId) => {
    expect(pickCountedSurvey(surveys)?.id ?? null).toBe(expectedId);
    expect(pickCountedSurvey([...surveys].reverse())?.id ?? null).toBe(expectedId);
  });

  it.each<[string, SurveyRef[], number | null | undefined, number | null]>([
    ['no limit', [s(1, 2025, 'verified'), s(2, 2026, 'submitted')], undefined, 2],
    ['null is no limit', [s(1, 2025, 'verified'), s(2, 2026, 'submitted')], null, 2],
    [
      'a later round than the active one is left out',
      [s(1, 2025, 'verified'), s(2, 2026, 'submitted')],
      2025,
      1,
    ],
    ['the active round itself counts', [s(1, 2024, 'verified'), s(2, 2025, 'submitted')], 2025, 2],
    ['only later rounds: none counts', [s(2, 2026, 'verified')], 2025, null],
    [
      'earlier rounds count when the active one has none',
      [s(1, 2023, 'verified'), s(2, 2024, 'returned')],
      2025,
      1,
    ],
  ])('maxRound: %s', (_name, surveys, maxRound, expectedId) => {
    expect(pickCountedSurvey(surveys, { maxRound })?.id ?? null).toBe(expectedId);
  });

  it('returns the survey object itself', () => {
    const surveys = [{ ...s(1, 2025, 'verified'), monthly_income: 100 }];
    expect(pickCountedSurvey(surveys)).toBe(surveys[0]);
  });
});
