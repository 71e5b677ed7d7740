import { describe, it, expect } from 'vitest';
import { buildFacts } from './build-facts.ts';
import type { ClassificationBasis, Facts, SurveyAnswers } from './types.ts';

describe('buildFacts', () => {
  it.each<[string, SurveyAnswers, ClassificationBasis, Facts]>([
    [
      'answers plus derived metrics',
      { floor_type: 'tanah', monthly_income: 1_200_000, member_count: 4, floor_area_m2: 24 },
      'income',
      {
        floor_type: 'tanah',
        monthly_income: 1_200_000,
        member_count: 4,
        floor_area_m2: 24,
        income_per_capita: 300_000,
        expenditure_per_capita: null,
        per_capita: 300_000,
        floor_area_per_capita: 6,
      },
    ],
    [
      'a stale stored income_per_capita is replaced by the computed one',
      { monthly_income: 900_000, member_count: 3, income_per_capita: 999 },
      'income',
      {
        monthly_income: 900_000,
        member_count: 3,
        income_per_capita: 300_000,
        expenditure_per_capita: null,
        per_capita: 300_000,
        floor_area_per_capita: null,
      },
    ],
    [
      'derived metrics are present (as null) even without answers, so rules on them do not warn',
      {},
      'expenditure',
      {
        income_per_capita: null,
        expenditure_per_capita: null,
        per_capita: null,
        floor_area_per_capita: null,
      },
    ],
  ])('%s', (_name, answers, basis, expected) => {
    expect(buildFacts(answers, basis)).toEqual(expected);
  });
});
