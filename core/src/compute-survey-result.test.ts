import { describe, it, expect } from 'vitest';
import { computeSurveyResult } from './compute-survey-result.ts';
import type { SurveyResultColumns } from './compute-survey-result.ts';
import type { ClassificationBasis, PovertyLine, SurveyAnswers } from './types.ts';

const LINES: PovertyLine[] = [
  { year: 2024, region: '63.11', poverty_line: 500_000, extreme_poverty_line: 350_000 },
  { year: 2025, region: '63.11', poverty_line: 544_169, extreme_poverty_line: 391_000 },
];

const result = (over: Partial<SurveyResultColumns>): SurveyResultColumns => ({
  classification: 'tidak_miskin',
  classification_reason: null,
  income_per_capita: null,
  poverty_line_used: 544_169,
  extreme_line_used: 391_000,
  ...over,
});

describe('computeSurveyResult', () => {
  it.each<[string, SurveyAnswers, number, ClassificationBasis, SurveyResultColumns]>([
    [
      'extreme poor on its own round',
      { monthly_income: 1_000_000, member_count: 4 },
      2025,
      'income',
      result({ classification: 'ekstrem', income_per_capita: 250_000 }),
    ],
    [
      'an earlier round uses the lines of its own year',
      { monthly_income: 1_600_000, member_count: 4 },
      2024,
      'income',
      result({
        classification: 'miskin',
        income_per_capita: 400_000,
        poverty_line_used: 500_000,
        extreme_line_used: 350_000,
      }),
    ],
    [
      'expenditure basis stores the expenditure per capita',
      { monthly_income: 100_000, monthly_expenditure: 2_400_000, member_count: 4 },
      2025,
      'expenditure',
      result({ classification: 'tidak_miskin', income_per_capita: 600_000 }),
    ],
    [
      'missing data: unclassified with the reason, lines still shown',
      { monthly_income: null, member_count: 4 },
      2025,
      'income',
      result({ classification: 'unclassified', classification_reason: 'missing_income' }),
    ],
    [
      'no line for the round',
      { monthly_income: 1_000_000, member_count: 4 },
      2020,
      'income',
      result({
        classification: 'unclassified',
        classification_reason: 'no_poverty_line',
        income_per_capita: 250_000,
        poverty_line_used: null,
        extreme_line_used: null,
      }),
    ],
  ])('%s', (_name, answers, round, basis, expected) => {
    expect(computeSurveyResult({ answers, round, basis, region: '63.11', lines: LINES })).toEqual(expected);
  });
});
