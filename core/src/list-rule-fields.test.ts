import { describe, it, expect } from 'vitest';
import { listRuleFields } from './list-rule-fields.ts';
import type { Indicator } from './types.ts';

type Rule = Pick<Indicator, 'condition' | 'field' | 'quantity_field'>;
const rule = (over: Partial<Rule>): Rule => ({ condition: null, field: null, quantity_field: null, ...over });

describe('listRuleFields', () => {
  it.each<[string, Rule, string[]]>([
    ['nothing', rule({}), []],
    ['a field', rule({ field: 'toilet' }), ['toilet']],
    [
      'a field and its quantity field',
      rule({ field: 'children_out_of_school', quantity_field: 'children_out_of_school' }),
      ['children_out_of_school'],
    ],
    ['a quantity field of its own', rule({ field: 'x', quantity_field: 'y' }), ['x', 'y']],
    [
      'a compound condition replaces the field',
      rule({
        field: 'ignored',
        condition: {
          _and: [
            { floor_type: { _in: ['tanah'] } },
            { _or: [{ house_ownership: { _eq: 'a' } }, { floor_area_per_capita: { _lt: 8 } }] },
          ],
        },
      }),
      ['floor_type', 'house_ownership', 'floor_area_per_capita'],
    ],
    [
      'a condition as JSON text',
      rule({ condition: '{"toilet":{"_eq":"umum"}}' as unknown as Rule['condition'] }),
      ['toilet'],
    ],
    [
      'an empty condition falls back to the field',
      rule({ condition: {}, field: 'wall_type' }),
      ['wall_type'],
    ],
    [
      'a condition that is not JSON counts as none',
      rule({ condition: 'x' as unknown as Rule['condition'], field: 'f' }),
      ['f'],
    ],
    ['blank names are ignored', rule({ field: '  ', quantity_field: '' }), []],
  ])('%s', (_name, indicator, expected) => {
    expect(listRuleFields(indicator)).toEqual(expected);
  });
});
