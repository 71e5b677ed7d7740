import { describe, it, expect } from 'vitest';
import { computeDerivedMetrics } from './compute-derived-metrics.ts';
import type { ClassificationBasis, DerivedMetrics, SurveyAnswers } from './types.ts';

describe('computeDerivedMetrics', () => {
  it.each<[string, SurveyAnswers, ClassificationBasis, DerivedMetrics]>([
    [
      'income basis',
      { monthly_income: 1_500_000, monthly_expenditure: 1_800_000, member_count: 4, floor_area_m2: 30 },
      'income',
      {
        income_per_capita: 375_000,
        expenditure_per_capita: 450_000,
        per_capita: 375_000,
        floor_area_per_capita: 7.5,
      },
    ],
    [
      'expenditure basis picks expenditure as per_capita',
      { monthly_income: 1_500_000, monthly_expenditure: 1_800_000, member_count: 4, floor_area_m2: 30 },
      'expenditure',
      {
        income_per_capita: 375_000,
        expenditure_per_capita: 450_000,
        per_capita: 450_000,
        floor_area_per_capita: 7.5,
      },
    ],
    [
      'money is rounded down, never up',
      { monthly_income: 1_000_000, member_count: 3, floor_area_m2: 20 },
      'income',
      {
        income_per_capita: 333_333,
        expenditure_per_capita: null,
        per_capita: 333_333,
        floor_area_per_capita: 6.67,
      },
    ],
    [
      'rounding down 2/3 rupiah',
      { monthly_income: 2, member_count: 3 },
      'income',
      { income_per_capita: 0, expenditure_per_capita: null, per_capita: 0, floor_area_per_capita: null },
    ],
    [
      'floor area rounded to 2 decimals',
      { member_count: 3, floor_area_m2: 25 },
      'income',
      {
        income_per_capita: null,
        expenditure_per_capita: null,
        per_capita: null,
        floor_area_per_capita: 8.33,
      },
    ],
    [
      'zero income is a valid amount',
      { monthly_income: 0, member_count: 2 },
      'income',
      { income_per_capita: 0, expenditure_per_capita: null, per_capita: 0, floor_area_per_capita: null },
    ],
    [
      'numeric text from PostgreSQL',
      { monthly_income: '2000000', member_count: '5', floor_area_m2: '36.5' },
      'income',
      {
        income_per_capita: 400_000,
        expenditure_per_capita: null,
        per_capita: 400_000,
        floor_area_per_capita: 7.3,
      },
    ],
    [
      'member_count missing: everything null',
      { monthly_income: 1_500_000, floor_area_m2: 30 },
      'income',
      {
        income_per_capita: null,
        expenditure_per_capita: null,
        per_capita: null,
        floor_area_per_capita: null,
      },
    ],
    [
      'zero members: everything null (no division by zero)',
      { monthly_income: 1_500_000, member_count: 0, floor_area_m2: 30 },
      'income',
      {
        income_per_capita: null,
        expenditure_per_capita: null,
        per_capita: null,
        floor_area_per_capita: null,
      },
    ],
    [
      'negative members',
      { monthly_income: 1_500_000, member_count: -2, floor_area_m2: 30 },
      'income',
      {
        income_per_capita: null,
        expenditure_per_capita: null,
        per_capita: null,
        floor_area_per_capita: null,
      },
    ],
    [
      'fractional members',
      { monthly_income: 1_500_000, member_count: 2.5, floor_area_m2: 30 },
      'income',
      {
        income_per_capita: null,
        expenditure_per_capita: null,
        per_capita: null,
        floor_area_per_capita: null,
      },
    ],
    [
      'negative money gives null, not a negative per capita',
      { monthly_income: -100_000, monthly_expenditure: 900_000, member_count: 3 },
      'income',
      {
        income_per_capita: null,
        expenditure_per_capita: 300_000,
        per_capita: null,
        floor_area_per_capita: null,
      },
    ],
    [
      'zero floor area is not a real answer',
      { member_count: 3, floor_area_m2: 0 },
      'income',
      {
        income_per_capita: null,
        expenditure_per_capita: null,
        per_capita: null,
        floor_area_per_capita: null,
      },
    ],
    [
      'null answers',
      { monthly_income: null, monthly_expenditure: null, member_count: null, floor_area_m2: null },
      'expenditure',
      {
        income_per_capita: null,
        expenditure_per_capita: null,
        per_capita: null,
        floor_area_per_capita: null,
      },
    ],
    [
      'non-numeric text',
      { monthly_income: 'satu juta', member_count: 4, floor_area_m2: 'luas' },
      'income',
      {
        income_per_capita: null,
        expenditure_per_capita: null,
        per_capita: null,
        floor_area_per_capita: null,
      },
    ],
    [
      'no answers at all',
      {},
      'income',
      {
        income_per_capita: null,
        expenditure_per_capita: null,
        per_capita: null,
        floor_area_per_capita: null,
      },
    ],
  ])('%s', (_name, answers, basis, expected) => {
    expect(computeDerivedMetrics(answers, basis)).toEqual(expected);
  });
});
