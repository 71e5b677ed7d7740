import { describe, it, expect } from 'vitest';
import { matchFilter } from './match-filter.ts';
import type { Facts } from './types.ts';

const FACTS: Facts = {
  floor_type: 'tanah',
  house_ownership: 'milik_sendiri',
  wall_type: 'tembok_plester',
  roof_type: 'rumbia_daun',
  member_count: 4,
  floor_area_per_capita: 8,
  meals_per_day: 2,
  can_afford_clinic: false,
  has_micro_business: true,
  aid_received: ['pkh', 'bpnt'],
  children_out_of_school: 0,
  income_per_capita: '350000',
  surveyed_at: '2025-03-14',
  note: 'Rumah Panggung di tepi sungai',
  monthly_income: null,
  toilet: '',
  lighting: undefined,
};

describe('matchFilter', () => {
  it.each<[string, unknown, boolean]>([
    // _eq / _neq
    ['_eq text', { floor_type: { _eq: 'tanah' } }, true],
    ['_eq text, other value', { floor_type: { _eq: 'bambu' } }, false],
    ['_eq is case-sensitive', { floor_type: { _eq: 'Tanah' } }, false],
    ['_eq number', { meals_per_day: { _eq: 2 } }, true],
    [
      '_eq number against numeric text operand (filter UI stores text)',
      { meals_per_day: { _eq: '2' } },
      true,
    ],
    ['_eq numeric text fact against number', { income_per_capita: { _eq: 350000 } }, true],
    ['_eq boolean false', { can_afford_clinic: { _eq: false } }, true],
    ['_eq boolean against "false" text', { can_afford_clinic: { _eq: 'false' } }, true],
    ['_eq boolean true on a false answer', { can_afford_clinic: { _eq: true } }, false],
    ['_neq', { floor_type: { _neq: 'keramik' } }, true],
    ['_neq same value', { floor_type: { _neq: 'tanah' } }, false],
    // _in / _nin
    ['_in list', { floor_type: { _in: ['tanah', 'bambu', 'kayu_murah'] } }, true],
    ['_in list without the value', { floor_type: { _in: ['keramik', 'semen'] } }, false],
    ['_in comma-separated text', { floor_type: { _in: 'bambu, tanah' } }, true],
    ['_in numbers', { meals_per_day: { _in: [1, 2] } }, true],
    ['_nin', { floor_type: { _nin: ['keramik', 'semen'] } }, true],
    ['_nin with the value', { floor_type: { _nin: ['tanah'] } }, false],
    ['_in on a list answer: any element', { aid_received: { _in: ['pkh', 'pip'] } }, true],
    ['_in on a list answer: none', { aid_received: { _in: ['pip', 'bsps'] } }, false],
    ['_nin on a list answer: none present', { aid_received: { _nin: ['pip', 'bsps'] } }, true],
    ['_nin on a list answer: one present', { aid_received: { _nin: ['bsps', 'bpnt'] } }, false],
    // ordering
    ['_lt exactly on the threshold is not below', { floor_area_per_capita: { _lt: 8 } }, false],
    ['_lte exactly on the threshold', { floor_area_per_capita: { _lte: 8 } }, true],
    ['_gt', { meals_per_day: { _gt: 1 } }, true],
    ['_gte', { meals_per_day: { _gte: 3 } }, false],
    [
      '_lt with a text threshold compares as numbers ("10" > 8)',
      { floor_area_per_capita: { _lt: '10' } },
      true,
    ],
    ['_lt numeric text fact', { income_per_capita: { _lt: 391000 } }, true],
    ['_gt zero on zero', { children_out_of_school: { _gt: 0 } }, false],
    ['_lt dates as ISO text', { surveyed_at: { _lt: '2025-12-31' } }, true],
    ['_lt on a boolean never holds', { can_afford_clinic: { _lt: 1 } }, false],
    ['_lt text against a number never holds', { floor_type: { _lt: 5 } }, false],
    ['_between inclusive', { floor_area_per_capita: { _between: [6, 8] } }, true],
    ['_nbetween', { floor_area_per_capita: { _nbetween: [1, 7] } }, true],
    // a list answer is not compared with _eq/_neq (use _contains, _in, _nin)
    ['_eq on a list answer', { aid_received: { _eq: 'pkh' } }, false],
    ['_neq on a list answer', { aid_received: { _neq: 'pip' } }, false],
    // _contains
    ['_contains on a list answer', { aid_received: { _contains: 'pkh' } }, true],
    ['_contains on a list answer, absent', { aid_received: { _contains: 'pip' } }, false],
    ['_contains on text', { note: { _contains: 'Panggung' } }, true],
    ['_contains on text is case-sensitive', { note: { _contains: 'panggung' } }, false],
    ['_icontains on text', { note: { _icontains: 'panggung' } }, true],
    ['_ncontains on a list answer', { aid_received: { _ncontains: 'bsps' } }, true],
    // null answers never fire
    ['_eq on a null answer', { monthly_income: { _eq: 0 } }, false],
    ['_neq on a null answer', { monthly_income: { _neq: 5 } }, false],
    ['_nin on a null answer', { monthly_income: { _nin: [1, 2] } }, false],
    ['_lt on a null answer', { monthly_income: { _lt: 100 } }, false],
    ['_neq on a blank answer', { toilet: { _neq: 'sendiri' } }, false],
    ['_in on an undefined answer', { lighting: { _in: ['bukan_listrik'] } }, false],
    ['_null on a null answer', { monthly_income: { _null: true } }, true],
    ['_null on a blank answer', { toilet: { _null: true } }, true],
    ['_null on an answer', { floor_type: { _null: true } }, false],
    ['_nnull on an answer', { floor_type: { _nnull: true } }, true],
    ['_nnull on a null answer', { monthly_income: { _nnull: true } }, false],
    ['_null false means not null', { floor_type: { _null: false } }, true],
    // compound
    [
      'uninhabitable floor only on an own house (_and)',
      {
        _and: [
          { floor_type: { _in: ['tanah', 'bambu', 'kayu_murah'] } },
          { house_ownership: { _eq: 'milik_sendiri' } },
        ],
      },
      true,
    ],
    [
      '_and with one false branch',
      { _and: [{ floor_type: { _in: ['tanah'] } }, { house_ownership: { _eq: 'sewa' } }] },
      false,
    ],
    [
      '_or with one true branch',
      { _or: [{ wall_type: { _in: ['bambu', 'rumbia'] } }, { roof_type: { _eq: 'rumbia_daun' } }] },
      true,
    ],
    [
      '_or with no true branch',
      { _or: [{ wall_type: { _eq: 'bambu' } }, { roof_type: { _eq: 'sirap_kayu' } }] },
      false,
    ],
    [
      'nested _and inside _or',
      {
        _or: [
          { _and: [{ floor_type: { _eq: 'tanah' } }, { house_ownership: { _eq: 'sewa' } }] },
          { _and: [{ meals_per_day: { _lte: 2 } }, { can_afford_clinic: { _eq: false } }] },
        ],
      },
      true,
    ],
    [
      'several fields in one object are all required',
      { floor_type: { _eq: 'tanah' }, meals_per_day: { _gt: 2 } },
      false,
    ],
    ['several operators on one field are all required', { meals_per_day: { _gte: 1, _lte: 2 } }, true],
    ['several operators on one field, one fails', { meals_per_day: { _gte: 1, _lt: 2 } }, false],
    [
      '_and over a null answer',
      { _and: [{ floor_type: { _eq: 'tanah' } }, { monthly_income: { _lt: 1000000 } }] },
      false,
    ],
    ['empty _and holds', { _and: [] }, true],
    ['empty _or does not hold', { _or: [] }, false],
    ['empty filter holds', {}, true],
    ['JSON text filter', '{"_and":[{"floor_type":{"_in":["tanah"]}}]}', true],
  ])('%s', (_name, filter, expected) => {
    const result = matchFilter(filter, FACTS);
    expect(result.matched).toBe(expected);
    expect(result.missingFields).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ['a field that no longer exists', { old_field: { _eq: 1 } }, ['old_field']],
    ['a missing field with _null does not match either', { old_field: { _null: true } }, ['old_field']],
    [
      'a missing field inside _or blocks the whole rule',
      { _or: [{ floor_type: { _eq: 'tanah' } }, { old_field: { _eq: 1 } }] },
      ['old_field'],
    ],
    [
      'every missing field is reported, even after a false branch',
      {
        _and: [{ floor_type: { _eq: 'keramik' } }, { gone_a: { _eq: 1 } }, { _or: [{ gone_b: { _gt: 2 } }] }],
      },
      ['gone_a', 'gone_b'],
    ],
  ])('%s: no match, missing fields named', (_name, filter, missing) => {
    const result = matchFilter(filter, FACTS);
    expect(result.matched).toBe(false);
    expect(result.missingFields).toEqual(missing);
  });

  it.each<[string, unknown]>([
    ['unknown field operator', { floor_type: { _like: 'tan%' } }],
    ['unknown logical operator', { _xor: [{ floor_type: { _eq: 'tanah' } }] }],
    ['_and that is not a list', { _and: { floor_type: { _eq: 'tanah' } } }],
    ['field without operator object', { floor_type: 'tanah' }],
    ['field with an empty operator object', { floor_type: {} }],
    ['_in without a list', { floor_type: { _in: { a: 1 } } }],
    ['_null with a non-boolean', { floor_type: { _null: 'ya' } }],
    ['a list as the filter', [{ floor_type: { _eq: 'tanah' } }]],
    ['null as the filter', null],
    ['broken JSON text', '{"floor_type": '],
  ])('%s: no match, a problem is reported, nothing throws', (_name, filter) => {
    const result = matchFilter(filter, FACTS);
    expect(result.matched).toBe(false);
    expect(result.problems.length).toBeGreaterThan(0);
  });
});
