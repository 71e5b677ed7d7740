import { describe, expect, it } from 'vitest';
import type { AllocationNames } from './allocation-view.ts';
import {
  buildOverrides,
  describeOverrides,
  hasOverrides,
  initialWhatIfState,
  lineSliderBounds,
  readWhatIfBody,
  whatIfProblems,
} from './what-if.ts';
import type { WhatIfDefaults, WhatIfState } from './what-if.ts';

const DEFAULTS: WhatIfDefaults = {
  fiscal_year: 2026,
  poverty_line: 544_169,
  extreme_poverty_line: 391_000,
  poverty_line_year: 2025,
  ceilings: { disperkim: 45_000_000 },
  unit_costs: [
    {
      code: '1.04.03.2.03.0002',
      name: 'Perbaikan Rumah Tidak Layak Huni',
      perangkat_daerah: 'disperkim',
      unit: 'unit',
      unit_cost: 20_000_000,
    },
    { code: '1.01.02.2.01.0003', name: 'Beasiswa', perangkat_daerah: 'disdik', unit: null, unit_cost: null },
  ],
};

const NAMES: AllocationNames = {
  agencies: new Map([
    ['disperkim', { name: 'Dinas Perumahan', short_name: 'Disperkim' }],
    ['dinsos', { name: 'Dinas Sosial', short_name: 'Dinsos' }],
  ]),
  subKegiatan: new Map(),
};

const start = (): WhatIfState => initialWhatIfState(DEFAULTS, ['dinsos', 'disperkim']);

describe('initialWhatIfState', () => {
  it('starts from the stored lines, ceilings (none = null) and unit costs, every class', () => {
    expect(start()).toEqual({
      poverty_line: 544_169,
      extreme_poverty_line: 391_000,
      classes: ['ekstrem', 'miskin', 'tidak_miskin'],
      ceilings: { dinsos: null, disperkim: 45_000_000 },
      unit_costs: { '1.04.03.2.03.0002': 20_000_000, '1.01.02.2.01.0003': null },
    });
  });
});

describe('buildOverrides', () => {
  it.each<[string, (state: WhatIfState) => void, object]>([
    ['nothing changed', () => undefined, {}],
    [
      'the poverty line',
      (s) => {
        s.poverty_line = 600_000;
      },
      { poverty_line: 600_000 },
    ],
    [
      'the extreme line',
      (s) => {
        s.extreme_poverty_line = 400_000;
      },
      { extreme_poverty_line: 400_000 },
    ],
    [
      'a line cleared (the stored one applies)',
      (s) => {
        s.poverty_line = null;
      },
      {},
    ],
    [
      'a new ceiling and a removed one',
      (s) => {
        s.ceilings['dinsos'] = 10_000_000;
        s.ceilings['disperkim'] = null;
      },
      { ceilings: { dinsos: 10_000_000, disperkim: null } },
    ],
    [
      'a unit cost, and one set where none was stored',
      (s) => {
        s.unit_costs['1.04.03.2.03.0002'] = 17_500_000;
        s.unit_costs['1.01.02.2.01.0003'] = 1_000_000;
      },
      { unit_costs: { '1.04.03.2.03.0002': 17_500_000, '1.01.02.2.01.0003': 1_000_000 } },
    ],
    [
      'whole amounts, and an emptied field (undefined from the form) as no value',
      (s) => {
        s.poverty_line = 500_000.4;
        s.ceilings['dinsos'] = undefined as unknown as null;
        s.ceilings['disperkim'] = undefined as unknown as null;
        s.unit_costs['1.04.03.2.03.0002'] = undefined as unknown as null;
      },
      { poverty_line: 500_000, ceilings: { disperkim: null } },
    ],
    [
      'the classes, in their fixed order',
      (s) => {
        s.classes = ['miskin', 'ekstrem'];
      },
      { classes: ['ekstrem', 'miskin'] },
    ],
  ])('sends only %s', (_name, edit, expected) => {
    const state = start();
    edit(state);
    expect(buildOverrides(state, DEFAULTS)).toEqual(expected);
    expect(hasOverrides(buildOverrides(state, DEFAULTS))).toBe(Object.keys(expected).length > 0);
  });
});

describe('describeOverrides', () => {
  it('says what changed, in Indonesian rupiah', () => {
    expect(
      describeOverrides(
        {
          poverty_line: 600_000,
          ceilings: { dinsos: 10_000_000, disperkim: null },
          unit_costs: { '1.01.02.2.01.0003': 1_000_000 },
          classes: ['ekstrem'],
        },
        DEFAULTS,
        NAMES,
      ),
    ).toEqual([
      'Garis kemiskinan: Rp 544.169 → Rp 600.000',
      'Pagu Dinsos: tanpa pagu → Rp 10.000.000',
      'Pagu Disperkim: Rp 45.000.000 → tanpa pagu',
      'Biaya satuan Beasiswa: belum diisi → Rp 1.000.000',
      'Kelas yang didanai: Miskin ekstrem',
    ]);
  });
});

describe('whatIfProblems', () => {
  it.each<[string, Partial<WhatIfState>, string[]]>([
    ['none', {}, []],
    [
      'an extreme line above the poverty line',
      { extreme_poverty_line: 600_000 },
      ['Garis kemiskinan ekstrem tidak boleh lebih tinggi dari garis kemiskinan.'],
    ],
    ['no class', { classes: [] }, ['Pilih paling sedikit satu kelas kemiskinan yang dapat didanai.']],
  ])('%s', (_name, change, problems) => {
    expect(whatIfProblems({ ...start(), ...change })).toEqual(problems);
  });
});

describe('lineSliderBounds', () => {
  it.each([
    [544_169, { min: 272_000, max: 817_000, step: 1_000 }],
    [null, { min: 250_000, max: 750_000, step: 1_000 }],
  ])('%j -> %j', (value, bounds) => {
    expect(lineSliderBounds(value)).toEqual(bounds);
  });
});

describe('readWhatIfBody', () => {
  it('makes the preview request of the page year, listing no unfunded items', () => {
    expect(readWhatIfBody({ overrides: { poverty_line: 600_000 }, fiscal_year: 1999 }, 2026)).toEqual({
      ok: true,
      request: { fiscal_year: 2026, overrides: { poverty_line: 600_000 }, unfunded_limit: 0 },
    });
    expect(readWhatIfBody({}, 2026)).toEqual({ ok: true, request: { fiscal_year: 2026, unfunded_limit: 0 } });
  });

  it.each([
    [{ overrides: { poverty_line: -1 } }],
    [{ overrides: { poverty_line: 400_000, extreme_poverty_line: 500_000 } }],
    [{ overrides: 'x' }],
  ])('refuses %j with a message', (body) => {
    const result = readWhatIfBody(body, 2026);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toBe('');
  });
});
