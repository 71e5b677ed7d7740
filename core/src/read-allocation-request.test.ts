import { describe, it, expect } from 'vitest';
import { readAllocationRequest } from './read-allocation-request.ts';
import type { AllocationRequest } from './allocation-types.ts';

describe('readAllocationRequest', () => {
  it.each<[name: string, body: unknown, allowOverrides: boolean, request: AllocationRequest]>([
    ['year only', { fiscal_year: 2026 }, false, { fiscal_year: 2026 }],
    ['year as text', { fiscal_year: '2026' }, false, { fiscal_year: 2026 }],
    [
      'scope lists are trimmed',
      { fiscal_year: 2026, scope: { kecamatan: [' 63.11.07 '], desa: ['63.11.01.2001'] } },
      false,
      { fiscal_year: 2026, scope: { kecamatan: ['63.11.07'], desa: ['63.11.01.2001'] } },
    ],
    [
      'null scope and overrides are absent',
      { fiscal_year: 2026, scope: null, overrides: null },
      false,
      { fiscal_year: 2026 },
    ],
    [
      'an unfunded limit',
      { fiscal_year: 2026, unfunded_limit: 50 },
      false,
      { fiscal_year: 2026, unfunded_limit: 50 },
    ],
    [
      'all unfunded items',
      { fiscal_year: 2026, unfunded_limit: null },
      false,
      { fiscal_year: 2026, unfunded_limit: null },
    ],
    [
      'every override',
      {
        fiscal_year: 2026,
        overrides: {
          poverty_line: 600000,
          extreme_poverty_line: '450000',
          ceilings: { disperkim: 45000000, dinsos: null },
          unit_costs: { '1.04.03.2.03.0002': 17500000 },
          classes: ['ekstrem', 'ekstrem', 'miskin'],
        },
      },
      true,
      {
        fiscal_year: 2026,
        overrides: {
          poverty_line: 600000,
          extreme_poverty_line: 450000,
          ceilings: { disperkim: 45000000, dinsos: null },
          unit_costs: { '1.04.03.2.03.0002': 17500000 },
          classes: ['ekstrem', 'miskin'],
        },
      },
    ],
  ])('accepts %s', (_name, body, allowOverrides, request) => {
    expect(readAllocationRequest(body, { allowOverrides })).toEqual({ ok: true, request });
  });

  it.each<[name: string, body: unknown, allowOverrides: boolean, fields: string[]]>([
    ['no body', null, true, ['body']],
    ['no year', {}, true, ['fiscal_year']],
    ['a year out of range', { fiscal_year: 1999 }, true, ['fiscal_year']],
    ['a fractional year', { fiscal_year: 2026.5 }, true, ['fiscal_year']],
    ['scope not an object', { fiscal_year: 2026, scope: 'Paringin' }, true, ['scope']],
    ['scope with a number', { fiscal_year: 2026, scope: { desa: [6311] } }, true, ['scope.desa']],
    ['overrides on a run', { fiscal_year: 2026, overrides: { poverty_line: 1 } }, false, ['overrides']],
    [
      'rupiah with separators, negative or fractional',
      {
        fiscal_year: 2026,
        overrides: { poverty_line: '544.169', ceilings: { a: -1 }, unit_costs: { b: 1.5 } },
      },
      true,
      ['overrides.poverty_line', 'overrides.ceilings.a', 'overrides.unit_costs.b'],
    ],
    [
      'an extreme line above the poverty line',
      { fiscal_year: 2026, overrides: { poverty_line: 400000, extreme_poverty_line: 500000 } },
      true,
      ['overrides.extreme_poverty_line'],
    ],
    [
      'an unknown class',
      { fiscal_year: 2026, overrides: { classes: ['unclassified'] } },
      true,
      ['overrides.classes'],
    ],
    ['a negative unfunded limit', { fiscal_year: 2026, unfunded_limit: -1 }, true, ['unfunded_limit']],
  ])('refuses %s', (_name, body, allowOverrides, fields) => {
    const result = readAllocationRequest(body, { allowOverrides });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.field)).toEqual(fields);
      for (const problem of result.problems) expect(problem.message.length).toBeGreaterThan(10);
    }
  });
});
