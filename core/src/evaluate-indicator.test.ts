import { describe, it, expect } from 'vitest';
import { evaluateIndicator } from './evaluate-indicator.ts';
import type { Classification, Facts, Indicator } from './types.ts';

const rule = (over: Partial<Indicator>): Indicator => ({
  key: 'rule',
  label: 'Aturan uji',
  category: 'uji',
  field: null,
  operator: null,
  value: null,
  condition: null,
  quantity_field: null,
  applies_to: ['ekstrem', 'miskin'],
  sub_kegiatan: null,
  active: true,
  ...over,
});

const FACTS: Facts = {
  floor_type: 'tanah',
  house_ownership: 'sewa',
  toilet: 'bersama',
  meals_per_day: 2,
  can_afford_clinic: false,
  has_micro_business: true,
  elderly_alone: null,
  stunting_risk: 'true',
  children_out_of_school: 3,
  unemployed_adults: '2',
  members_without_jkn: 0,
  disabled_members: null,
  members_without_nik: -1,
  floor_area_per_capita: 8,
  income_per_capita: null,
  drinking_water: null,
};

type Row = [
  name: string,
  indicator: Indicator,
  classification: Classification | null,
  fired: boolean,
  quantity: number,
];

describe('evaluateIndicator', () => {
  it.each<Row>([
    ['eq fires', rule({ field: 'floor_type', operator: 'eq', value: 'tanah' }), 'ekstrem', true, 1],
    ['eq other value', rule({ field: 'floor_type', operator: 'eq', value: 'semen' }), 'ekstrem', false, 0],
    ['neq', rule({ field: 'toilet', operator: 'neq', value: 'sendiri' }), 'miskin', true, 1],
    [
      'in',
      rule({ field: 'toilet', operator: 'in', value: ['bersama', 'umum', 'tidak_ada'] }),
      'ekstrem',
      true,
      1,
    ],
    [
      'in with the list stored as JSON text',
      rule({ field: 'toilet', operator: 'in', value: '["bersama","umum"]' }),
      'ekstrem',
      true,
      1,
    ],
    ['not_in', rule({ field: 'toilet', operator: 'not_in', value: ['sendiri'] }), 'ekstrem', true, 1],
    [
      'not_in with the value',
      rule({ field: 'toilet', operator: 'not_in', value: ['bersama'] }),
      'ekstrem',
      false,
      0,
    ],
    ['lte 2 meals', rule({ field: 'meals_per_day', operator: 'lte', value: 2 }), 'ekstrem', true, 1],
    [
      'lt exactly on the threshold does not fire',
      rule({ field: 'floor_area_per_capita', operator: 'lt', value: 8 }),
      'ekstrem',
      false,
      0,
    ],
    [
      'lte exactly on the threshold fires',
      rule({ field: 'floor_area_per_capita', operator: 'lte', value: 8 }),
      'ekstrem',
      true,
      1,
    ],
    ['gt', rule({ field: 'meals_per_day', operator: 'gt', value: 1 }), 'ekstrem', true, 1],
    ['gte', rule({ field: 'meals_per_day', operator: 'gte', value: 3 }), 'ekstrem', false, 0],
    ['is_true', rule({ field: 'has_micro_business', operator: 'is_true' }), 'miskin', true, 1],
    ['is_true on "true" text', rule({ field: 'stunting_risk', operator: 'is_true' }), 'miskin', true, 1],
    ['is_true on false', rule({ field: 'can_afford_clinic', operator: 'is_true' }), 'miskin', false, 0],
    ['is_false', rule({ field: 'can_afford_clinic', operator: 'is_false' }), 'miskin', true, 1],
    [
      'is_false ignores value',
      rule({ field: 'can_afford_clinic', operator: 'is_false', value: true }),
      'miskin',
      true,
      1,
    ],
    // null answers never fire
    [
      'is_false on a null answer',
      rule({ field: 'elderly_alone', operator: 'is_false' }),
      'ekstrem',
      false,
      0,
    ],
    [
      'neq on a null answer',
      rule({ field: 'drinking_water', operator: 'neq', value: 'leding' }),
      'ekstrem',
      false,
      0,
    ],
    [
      'not_in on a null answer',
      rule({ field: 'drinking_water', operator: 'not_in', value: ['leding'] }),
      'ekstrem',
      false,
      0,
    ],
    [
      'lt on a null derived metric',
      rule({ field: 'income_per_capita', operator: 'lt', value: 391000 }),
      'ekstrem',
      false,
      0,
    ],
    [
      'gt on a null count',
      rule({ field: 'disabled_members', operator: 'gt', value: 0 }),
      'ekstrem',
      false,
      0,
    ],
    // applies_to
    [
      'applies_to excludes tidak_miskin',
      rule({ field: 'floor_type', operator: 'eq', value: 'tanah' }),
      'tidak_miskin',
      false,
      0,
    ],
    [
      'applies_to excludes unclassified',
      rule({ field: 'floor_type', operator: 'eq', value: 'tanah' }),
      'unclassified',
      false,
      0,
    ],
    [
      'applies_to excludes a household never classified',
      rule({ field: 'floor_type', operator: 'eq', value: 'tanah' }),
      null,
      false,
      0,
    ],
    [
      'empty applies_to applies to all',
      rule({ field: 'floor_type', operator: 'eq', value: 'tanah', applies_to: [] }),
      'tidak_miskin',
      true,
      1,
    ],
    [
      'null applies_to applies to all',
      rule({ field: 'floor_type', operator: 'eq', value: 'tanah', applies_to: null }),
      null,
      true,
      1,
    ],
    [
      'applies_to ekstrem only, miskin household',
      rule({ field: 'floor_type', operator: 'eq', value: 'tanah', applies_to: ['ekstrem'] }),
      'miskin',
      false,
      0,
    ],
    // quantity
    [
      'quantity from a count field',
      rule({
        field: 'children_out_of_school',
        operator: 'gt',
        value: 0,
        quantity_field: 'children_out_of_school',
      }),
      'ekstrem',
      true,
      3,
    ],
    [
      'quantity from numeric text',
      rule({ field: 'unemployed_adults', operator: 'gt', value: 0, quantity_field: 'unemployed_adults' }),
      'ekstrem',
      true,
      2,
    ],
    [
      'quantity field zero while the rule fires: 1',
      rule({ field: 'floor_type', operator: 'eq', value: 'tanah', quantity_field: 'members_without_jkn' }),
      'ekstrem',
      true,
      1,
    ],
    [
      'quantity field null: 1',
      rule({ field: 'floor_type', operator: 'eq', value: 'tanah', quantity_field: 'disabled_members' }),
      'ekstrem',
      true,
      1,
    ],
    [
      'quantity field negative: 1',
      rule({ field: 'floor_type', operator: 'eq', value: 'tanah', quantity_field: 'members_without_nik' }),
      'ekstrem',
      true,
      1,
    ],
    [
      'quantity field text: 1',
      rule({ field: 'floor_type', operator: 'eq', value: 'tanah', quantity_field: 'toilet' }),
      'ekstrem',
      true,
      1,
    ],
    // condition replaces field/operator/value
    [
      'condition replaces a field rule that would not fire',
      rule({
        field: 'floor_type',
        operator: 'eq',
        value: 'keramik',
        condition: { floor_type: { _eq: 'tanah' } },
      }),
      'ekstrem',
      true,
      1,
    ],
    [
      'condition replaces a field rule that would fire',
      rule({
        field: 'floor_type',
        operator: 'eq',
        value: 'tanah',
        condition: { floor_type: { _eq: 'keramik' } },
      }),
      'ekstrem',
      false,
      0,
    ],
    [
      'compound: earth floor but rented house does not fire',
      rule({
        condition: {
          _and: [
            { floor_type: { _in: ['tanah', 'bambu', 'kayu_murah'] } },
            { house_ownership: { _eq: 'milik_sendiri' } },
          ],
        },
      }),
      'ekstrem',
      false,
      0,
    ],
    [
      'compound _or',
      rule({
        condition: { _or: [{ house_ownership: { _eq: 'milik_sendiri' } }, { meals_per_day: { _lte: 2 } }] },
      }),
      'miskin',
      true,
      1,
    ],
    [
      'condition stored as JSON text',
      rule({
        condition: '{"_and":[{"toilet":{"_in":["bersama","umum"]}}]}' as unknown as Indicator['condition'],
      }),
      'miskin',
      true,
      1,
    ],
    [
      'empty condition object falls back to the field rule',
      rule({ field: 'floor_type', operator: 'eq', value: 'tanah', condition: {} }),
      'miskin',
      true,
      1,
    ],
    [
      'empty condition as JSON text falls back to the field rule (never fires for all)',
      rule({
        field: 'floor_type',
        operator: 'eq',
        value: 'semen',
        condition: '{}' as unknown as Indicator['condition'],
      }),
      'miskin',
      false,
      0,
    ],
  ])('%s', (_name, indicator, classification, fired, quantity) => {
    const result = evaluateIndicator(indicator, FACTS, classification);
    expect(result).toEqual({ fired, quantity });
  });

  it.each<[string, Indicator, Classification | null, boolean, number, RegExp]>([
    [
      'a field that no longer exists',
      rule({ key: 'lantai', field: 'jenis_lantai_lama', operator: 'eq', value: 'tanah' }),
      'ekstrem',
      false,
      0,
      /"jenis_lantai_lama" yang tidak ada lagi/,
    ],
    [
      'a field that no longer exists, with _null',
      rule({ condition: { jenis_lantai_lama: { _null: true } } }),
      'ekstrem',
      false,
      0,
      /jenis_lantai_lama/,
    ],
    [
      'a missing field inside a condition that would otherwise fire',
      rule({ condition: { _or: [{ floor_type: { _eq: 'tanah' } }, { old_roof: { _eq: 'rumbia' } }] } }),
      'ekstrem',
      false,
      0,
      /"old_roof"/,
    ],
    [
      'the missing field is reported even for a household the rule does not apply to',
      rule({ field: 'gone', operator: 'eq', value: 1 }),
      'tidak_miskin',
      false,
      0,
      /"gone"/,
    ],
    [
      'a quantity field that no longer exists: fires with 1',
      rule({ field: 'floor_type', operator: 'eq', value: 'tanah', quantity_field: 'jumlah_lama' }),
      'ekstrem',
      true,
      1,
      /"jumlah_lama".*jumlah dihitung 1/,
    ],
    [
      'an unknown operator',
      rule({ field: 'floor_type', operator: 'like' as Indicator['operator'], value: 'tan' }),
      'ekstrem',
      false,
      0,
      /operator "like"/,
    ],
    ['neither field nor condition', rule({}), 'ekstrem', false, 0, /belum punya isian/],
    [
      'an unknown filter operator in the condition',
      rule({ condition: { floor_type: { _regex: 'tan.*' } } }),
      'ekstrem',
      false,
      0,
      /_regex/,
    ],
    [
      'a condition that is not JSON',
      rule({ condition: 'floor_type = tanah' as unknown as Indicator['condition'] }),
      'ekstrem',
      false,
      0,
      /bukan JSON filter yang sah/,
    ],
  ])('%s: warning, never throws', (_name, indicator, classification, fired, quantity, warning) => {
    const result = evaluateIndicator(indicator, FACTS, classification);
    expect(result.fired).toBe(fired);
    expect(result.quantity).toBe(quantity);
    expect(result.warning).toMatch(warning);
    expect(result.warning).toContain(indicator.key);
  });

  it('an inactive rule is still evaluated (preview); computeHouseholdNeeds skips it', () => {
    expect(
      evaluateIndicator(
        rule({ field: 'floor_type', operator: 'eq', value: 'tanah', active: false }),
        FACTS,
        'ekstrem',
      ),
    ).toEqual({ fired: true, quantity: 1 });
  });
});
