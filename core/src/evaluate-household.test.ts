import { describe, it, expect } from 'vitest';
import { evaluateHousehold } from './evaluate-household.ts';
import type { EvaluateHouseholdInput, HouseholdEvaluation, StoredNeed } from './evaluate-household.ts';
import type { Indicator, PovertyLine, SurveyAnswers } from './types.ts';

const LINES: PovertyLine[] = [
  { year: 2025, region: '63.11', poverty_line: 544_169, extreme_poverty_line: 391_000 },
];

const rule = (key: string, over: Partial<Indicator>): Indicator => ({
  key,
  label: key,
  category: 'perumahan',
  field: null,
  operator: null,
  value: null,
  condition: null,
  quantity_field: null,
  applies_to: ['ekstrem', 'miskin'],
  sub_kegiatan: '1.04.03.2.03.0002',
  active: true,
  ...over,
});

const RULES: Indicator[] = [
  rule('floor', { field: 'floor_type', operator: 'in', value: ['tanah', 'bambu'] }),
  rule('school', {
    field: 'children_out_of_school',
    operator: 'gt',
    value: 0,
    quantity_field: 'children_out_of_school',
    category: 'pendidikan',
    sub_kegiatan: '1.01.02.2.01.0046',
  }),
  rule('roof', { field: 'roof_leaking', operator: 'is_true', sub_kegiatan: null, category: 'lainnya' }),
  rule('gone', { field: 'removed_field', operator: 'is_true' }),
];
const AGENCY = { '1.04.03.2.03.0002': 'disperkim', '1.01.02.2.01.0046': 'disdik' };

const POOR: SurveyAnswers = {
  monthly_income: 1_000_000,
  member_count: 4,
  floor_type: 'tanah',
  children_out_of_school: 2,
};
const RICH: SurveyAnswers = {
  monthly_income: 8_000_000,
  member_count: 4,
  floor_type: 'tanah',
  children_out_of_school: 2,
};

const household = (stored: Record<string, unknown> = {}) => ({
  desa: '63.11.07.2002',
  kecamatan: '63.11.07',
  ...stored,
});
const stored = (
  id: number,
  indicator: string,
  status: StoredNeed['status'],
  over: Partial<StoredNeed> = {},
): StoredNeed => ({
  id,
  indicator,
  status,
  quantity: 1,
  no_longer_detected: false,
  survey: 10,
  category: 'perumahan',
  sub_kegiatan: '1.04.03.2.03.0002',
  perangkat_daerah: 'disperkim',
  desa: '63.11.07.2002',
  kecamatan: '63.11.07',
  ...over,
});

const run = (over: Partial<EvaluateHouseholdInput>): HouseholdEvaluation =>
  evaluateHousehold({
    household: household(),
    counted: { id: 10, round: 2025, answers: POOR },
    basis: 'income',
    region: '63.11',
    lines: LINES,
    needs: { indicators: RULES, agencyOfSubKegiatan: AGENCY, existing: [] },
    ...over,
  });

const classified = {
  classification: 'ekstrem',
  classification_reason: null,
  income_per_capita: 250_000,
  classification_basis: 'income',
  poverty_line_used: 544_169,
  extreme_line_used: 391_000,
  classified_survey: 10,
};
/** what is written over an empty household: null stays null, so it is not a change */
const { classification_reason: _reason, ...written } = classified;

describe('evaluateHousehold', () => {
  it.each<[string, Partial<EvaluateHouseholdInput>, Record<string, unknown>, boolean]>([
    ['a new household: every column that has a value is written', {}, { ...written, need_count: 2 }, true],
    [
      'nothing changed: nothing to write',
      { household: household({ ...classified, need_count: 2 }) },
      {},
      false,
    ],
    [
      'stored as PostgreSQL text: still unchanged',
      {
        household: household({
          ...classified,
          income_per_capita: '250000',
          poverty_line_used: '544169',
          extreme_line_used: '391000',
          need_count: 2,
        }),
      },
      {},
      false,
    ],
    [
      'a line change moves the line and the class',
      {
        household: household({ ...classified, need_count: 2 }),
        lines: [{ year: 2025, region: '63.11', poverty_line: 544_169, extreme_poverty_line: 200_000 }],
      },
      { classification: 'miskin', extreme_line_used: 200_000 },
      true,
    ],
    [
      'no counted survey: back to null, no needs',
      { household: household({ ...classified, need_count: 2 }), counted: null },
      {
        classification: null,
        income_per_capita: null,
        classification_basis: null,
        poverty_line_used: null,
        extreme_line_used: null,
        classified_survey: null,
        need_count: 0,
      },
      true,
    ],
    [
      'classification only: need_count is not touched',
      { household: household({ need_count: 7 }), needs: null },
      written,
      true,
    ],
    [
      'missing income: unclassified with the reason and no needs',
      { counted: { id: 10, round: 2025, answers: { ...POOR, monthly_income: null } } },
      {
        ...written,
        classification: 'unclassified',
        classification_reason: 'missing_income',
        income_per_capita: undefined,
        need_count: 0,
      },
      true,
    ],
  ])('%s', (_name, over, changes, classChanged) => {
    const evaluation = run(over);
    expect(evaluation.changes).toEqual(changes);
    expect(evaluation.classChanged).toBe(classChanged);
  });

  it('detected needs carry the survey, the agency of their sub_kegiatan and the region', () => {
    const evaluation = run({});
    expect(evaluation.detected).toEqual([
      {
        indicator: 'floor',
        quantity: 1,
        category: 'perumahan',
        sub_kegiatan: '1.04.03.2.03.0002',
        survey: 10,
        perangkat_daerah: 'disperkim',
        desa: '63.11.07.2002',
        kecamatan: '63.11.07',
      },
      {
        indicator: 'school',
        quantity: 2,
        category: 'pendidikan',
        sub_kegiatan: '1.01.02.2.01.0046',
        survey: 10,
        perangkat_daerah: 'disdik',
        desa: '63.11.07.2002',
        kecamatan: '63.11.07',
      },
    ]);
    expect(evaluation.reconciliation?.create.map((need) => need.indicator)).toEqual(['floor', 'school']);
    expect(evaluation.reconciliation?.update).toEqual([]);
  });

  it('a rule on a field that is not in the survey warns and does not fire', () => {
    const evaluation = run({});
    expect(evaluation.warnings.some((warning) => warning.includes('removed_field'))).toBe(true);
    expect(evaluation.detected.some((need) => need.indicator === 'gone')).toBe(false);
  });

  it('a field an administrator added fires its rule', () => {
    const evaluation = run({ counted: { id: 10, round: 2025, answers: { ...POOR, roof_leaking: true } } });
    expect(evaluation.detected.find((need) => need.indicator === 'roof')).toMatchObject({
      sub_kegiatan: null,
      perangkat_daerah: null,
      quantity: 1,
    });
  });

  it.each<
    [string, SurveyAnswers | null, StoredNeed[], Array<{ id: number; changes: Record<string, unknown> }>]
  >([
    [
      'no longer poor: open needs resolve, a planned need is flagged, not dropped',
      RICH,
      [stored(1, 'floor', 'open'), stored(2, 'school', 'planned', { quantity: 2, category: 'pendidikan' })],
      [
        { id: 1, changes: { status: 'resolved' } },
        { id: 2, changes: { no_longer_detected: true } },
      ],
    ],
    [
      'survey no longer counts: open needs resolve',
      null,
      [stored(1, 'floor', 'open')],
      [{ id: 1, changes: { status: 'resolved' } }],
    ],
    [
      'a new counted survey moves the need to it',
      POOR,
      [stored(1, 'floor', 'open', { survey: 9 })],
      [{ id: 1, changes: { survey: 10 } }],
    ],
    [
      'a resolved need detected again reopens',
      POOR,
      [stored(1, 'floor', 'resolved')],
      [{ id: 1, changes: { status: 'open' } }],
    ],
    [
      'a household that moved desa moves its needs',
      POOR,
      [stored(1, 'floor', 'open', { desa: '63.11.01.2001', kecamatan: '63.11.01' })],
      [{ id: 1, changes: { desa: '63.11.07.2002', kecamatan: '63.11.07' } }],
    ],
  ])('needs: %s', (_name, answers, existing, update) => {
    const evaluation = run({
      counted: answers === null ? null : { id: 10, round: 2025, answers },
      needs: { indicators: RULES.slice(0, 2), agencyOfSubKegiatan: AGENCY, existing },
    });
    expect(evaluation.reconciliation?.update).toEqual(update);
  });
});
