import { describe, it, expect } from 'vitest';
import { changeAffectsNeeds } from './change-affects-needs.ts';
import type { Classification, Indicator } from './types.ts';

type Rule = Pick<Indicator, 'active' | 'applies_to'>;
const POOR: Rule = { active: true, applies_to: ['ekstrem', 'miskin'] };
const ALL: Rule = { active: true, applies_to: [] };
const EXTREME_ONLY: Rule = { active: true, applies_to: ['ekstrem'] };
const OFF: Rule = { active: false, applies_to: ['ekstrem'] };

describe('changeAffectsNeeds', () => {
  it.each<[string, Rule[], Classification | null, Classification | null, boolean]>([
    ['same class', [EXTREME_ONLY], 'miskin', 'miskin', false],
    ['miskin to ekstrem with rules for both', [POOR, ALL], 'miskin', 'ekstrem', false],
    ['miskin to tidak_miskin', [POOR], 'miskin', 'tidak_miskin', true],
    ['a rule for ekstrem only', [POOR, EXTREME_ONLY], 'miskin', 'ekstrem', true],
    ['an inactive rule does not count', [POOR, OFF], 'miskin', 'ekstrem', false],
    [
      'rules for every class: no class change matters',
      [ALL, { active: true, applies_to: null }],
      'miskin',
      null,
      false,
    ],
    ['from unclassified to miskin', [POOR], 'unclassified', 'miskin', true],
    ['from no class to ekstrem', [POOR], null, 'ekstrem', true],
    ['no rules', [], 'miskin', 'tidak_miskin', false],
  ])('%s', (_name, rules, before, after, expected) => {
    expect(changeAffectsNeeds(rules, before, after)).toBe(expected);
  });
});
