import { describe, it, expect } from 'vitest';
import { classifyHousehold } from './classify-household.ts';
import type { ClassificationBasis, ClassificationResult, PovertyLine, SurveyAnswers } from './types.ts';

// Balangan 2025 (seed/reference/garis_kemiskinan.csv)
const LINES: PovertyLine[] = [
  { year: 2025, region: '63.11', poverty_line: 544169, extreme_poverty_line: 391000 },
  { year: 2025, region: '63.10', poverty_line: 700000, extreme_poverty_line: 500000 },
];

type Row = [
  name: string,
  answers: SurveyAnswers,
  basis: ClassificationBasis,
  round: number,
  classification: ClassificationResult['classification'],
  reason: ClassificationResult['reason'],
  perCapita: number | null,
];

describe('classifyHousehold', () => {
  it.each<Row>([
    [
      'well below the extreme line',
      { monthly_income: 800_000, member_count: 4 },
      'income',
      2025,
      'ekstrem',
      null,
      200_000,
    ],
    [
      'one rupiah below the extreme line',
      { monthly_income: 390_999, member_count: 1 },
      'income',
      2025,
      'ekstrem',
      null,
      390_999,
    ],
    [
      'exactly on the extreme line is not below it',
      { monthly_income: 391_000, member_count: 1 },
      'income',
      2025,
      'miskin',
      null,
      391_000,
    ],
    [
      'exactly on the extreme line with 4 members',
      { monthly_income: 1_564_000, member_count: 4 },
      'income',
      2025,
      'miskin',
      null,
      391_000,
    ],
    [
      'a fraction below the extreme line (390,999.75)',
      { monthly_income: 1_563_999, member_count: 4 },
      'income',
      2025,
      'ekstrem',
      null,
      390_999,
    ],
    [
      'one rupiah below the poverty line',
      { monthly_income: 544_168, member_count: 1 },
      'income',
      2025,
      'miskin',
      null,
      544_168,
    ],
    [
      'exactly on the poverty line is not below it',
      { monthly_income: 544_169, member_count: 1 },
      'income',
      2025,
      'tidak_miskin',
      null,
      544_169,
    ],
    [
      'exactly on the poverty line with 3 members',
      { monthly_income: 1_632_507, member_count: 3 },
      'income',
      2025,
      'tidak_miskin',
      null,
      544_169,
    ],
    [
      'a fraction below the poverty line (544,168.67)',
      { monthly_income: 1_632_506, member_count: 3 },
      'income',
      2025,
      'miskin',
      null,
      544_168,
    ],
    [
      'well above',
      { monthly_income: 5_000_000, member_count: 2 },
      'income',
      2025,
      'tidak_miskin',
      null,
      2_500_000,
    ],
    [
      'zero income is extreme poverty, not missing',
      { monthly_income: 0, member_count: 3 },
      'income',
      2025,
      'ekstrem',
      null,
      0,
    ],
    [
      'numeric text from PostgreSQL',
      { monthly_income: '1200000', member_count: '4' },
      'income',
      2025,
      'ekstrem',
      null,
      300_000,
    ],
    [
      'expenditure basis reads expenditure, not income',
      { monthly_income: 400_000, monthly_expenditure: 2_400_000, member_count: 4 },
      'expenditure',
      2025,
      'tidak_miskin',
      null,
      600_000,
    ],
    [
      'income basis ignores expenditure',
      { monthly_income: 400_000, monthly_expenditure: 2_400_000, member_count: 4 },
      'income',
      2025,
      'ekstrem',
      null,
      100_000,
    ],
    [
      'member_count missing',
      { monthly_income: 800_000 },
      'income',
      2025,
      'unclassified',
      'missing_member_count',
      null,
    ],
    [
      'member_count null',
      { monthly_income: 800_000, member_count: null },
      'income',
      2025,
      'unclassified',
      'missing_member_count',
      null,
    ],
    [
      'member_count blank text',
      { monthly_income: 800_000, member_count: ' ' },
      'income',
      2025,
      'unclassified',
      'missing_member_count',
      null,
    ],
    [
      'zero members',
      { monthly_income: 800_000, member_count: 0 },
      'income',
      2025,
      'unclassified',
      'invalid_member_count',
      null,
    ],
    [
      'negative members',
      { monthly_income: 800_000, member_count: -1 },
      'income',
      2025,
      'unclassified',
      'invalid_member_count',
      null,
    ],
    [
      'fractional members',
      { monthly_income: 800_000, member_count: 2.5 },
      'income',
      2025,
      'unclassified',
      'invalid_member_count',
      null,
    ],
    [
      'members as words',
      { monthly_income: 800_000, member_count: 'dua' },
      'income',
      2025,
      'unclassified',
      'invalid_member_count',
      null,
    ],
    ['income missing', { member_count: 4 }, 'income', 2025, 'unclassified', 'missing_income', null],
    [
      'income null',
      { monthly_income: null, member_count: 4 },
      'income',
      2025,
      'unclassified',
      'missing_income',
      null,
    ],
    [
      'expenditure missing on expenditure basis (income present is not used)',
      { monthly_income: 800_000, member_count: 4 },
      'expenditure',
      2025,
      'unclassified',
      'missing_expenditure',
      null,
    ],
    [
      'negative income',
      { monthly_income: -800_000, member_count: 4 },
      'income',
      2025,
      'unclassified',
      'negative_amount',
      null,
    ],
    [
      'negative expenditure',
      { monthly_expenditure: -1, member_count: 4 },
      'expenditure',
      2025,
      'unclassified',
      'negative_amount',
      null,
    ],
    [
      'income as words',
      { monthly_income: 'satu juta', member_count: 4 },
      'income',
      2025,
      'unclassified',
      'invalid_amount',
      null,
    ],
    [
      'income with thousand dots',
      { monthly_income: '1.500.000', member_count: 4 },
      'income',
      2025,
      'unclassified',
      'invalid_amount',
      null,
    ],
    [
      'round before any line',
      { monthly_income: 800_000, member_count: 4 },
      'income',
      2024,
      'unclassified',
      'no_poverty_line',
      200_000,
    ],
    [
      'later round uses the latest earlier line',
      { monthly_income: 800_000, member_count: 4 },
      'income',
      2027,
      'ekstrem',
      null,
      200_000,
    ],
    [
      'data problem is reported before a missing line',
      { member_count: 0 },
      'income',
      2024,
      'unclassified',
      'invalid_member_count',
      null,
    ],
  ])('%s', (_name, answers, basis, round, classification, reason, perCapita) => {
    const result = classifyHousehold({ answers, round, basis, region: '63.11', lines: LINES });
    expect(result.classification).toBe(classification);
    expect(result.reason).toBe(reason);
    expect(result.per_capita).toBe(perCapita);
    expect(result.basis).toBe(basis);
  });

  it('records the lines and the year used, so anyone can see why', () => {
    expect(
      classifyHousehold({
        answers: { monthly_income: 1_600_000, member_count: 4 },
        round: 2026,
        basis: 'income',
        region: '63.11',
        lines: LINES,
      }),
    ).toEqual({
      classification: 'miskin',
      reason: null,
      per_capita: 400_000,
      basis: 'income',
      poverty_line_used: 544169,
      extreme_line_used: 391000,
      line_year: 2025,
    });
  });

  it('uses the line of its own region only', () => {
    const result = classifyHousehold({
      answers: { monthly_income: 600_000, member_count: 1 },
      round: 2025,
      basis: 'income',
      region: '63.10',
      lines: LINES,
    });
    expect(result).toMatchObject({
      classification: 'miskin',
      poverty_line_used: 700000,
      extreme_line_used: 500000,
    });
  });

  it('no line for the region: unclassified with nulls for the lines', () => {
    expect(
      classifyHousehold({
        answers: { monthly_income: 800_000, member_count: 4 },
        round: 2025,
        basis: 'income',
        region: '63.99',
        lines: LINES,
      }),
    ).toEqual({
      classification: 'unclassified',
      reason: 'no_poverty_line',
      per_capita: 200_000,
      basis: 'income',
      poverty_line_used: null,
      extreme_line_used: null,
      line_year: null,
    });
  });

  it('missing data still reports the line that would have been used', () => {
    expect(
      classifyHousehold({
        answers: { member_count: 4 },
        round: 2025,
        basis: 'expenditure',
        region: '63.11',
        lines: LINES,
      }),
    ).toEqual({
      classification: 'unclassified',
      reason: 'missing_expenditure',
      per_capita: null,
      basis: 'expenditure',
      poverty_line_used: 544169,
      extreme_line_used: 391000,
      line_year: 2025,
    });
  });
});
