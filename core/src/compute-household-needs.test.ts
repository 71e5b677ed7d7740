import { describe, it, expect } from 'vitest';
import { computeHouseholdNeeds } from './compute-household-needs.ts';
import type { Classification, DetectedNeed, Facts, Indicator } from './types.ts';

const rule = (key: string, over: Partial<Indicator>): Indicator => ({
  key,
  label: key,
  category: 'rumah',
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
  rule('lantai_tidak_layak', {
    condition: {
      _and: [
        { floor_type: { _in: ['tanah', 'bambu', 'kayu_murah'] } },
        { house_ownership: { _eq: 'milik_sendiri' } },
      ],
    },
  }),
  rule('dinding_tidak_layak', {
    field: 'wall_type',
    operator: 'in',
    value: ['bambu', 'rumbia', 'kayu_murah'],
  }),
  rule('sanitasi', {
    field: 'toilet',
    operator: 'in',
    value: ['bersama', 'umum', 'tidak_ada'],
    category: 'sanitasi',
    sub_kegiatan: '1.03.05.2.01.0039',
  }),
  rule('anak_tidak_sekolah', {
    field: 'children_out_of_school',
    operator: 'gt',
    value: 0,
    quantity_field: 'children_out_of_school',
    category: 'pendidikan',
    sub_kegiatan: '1.01.02.2.01.0046',
  }),
  rule('adminduk', {
    field: 'members_without_nik',
    operator: 'gt',
    value: 0,
    quantity_field: 'members_without_nik',
    category: 'adminduk',
    sub_kegiatan: null,
    applies_to: [],
  }),
  rule('nonaktif', { field: 'toilet', operator: 'neq', value: 'x', active: false }),
];

const HOUSE: Facts = {
  floor_type: 'tanah',
  house_ownership: 'milik_sendiri',
  wall_type: 'bambu',
  toilet: 'sendiri',
  children_out_of_school: 2,
  members_without_nik: 1,
};

describe('computeHouseholdNeeds', () => {
  it.each<[string, Facts, Classification | null, DetectedNeed[]]>([
    [
      'an extremely poor household: every matching active rule, in rule order',
      HOUSE,
      'ekstrem',
      [
        {
          indicator: 'lantai_tidak_layak',
          quantity: 1,
          sub_kegiatan: '1.04.03.2.03.0002',
          category: 'rumah',
        },
        {
          indicator: 'dinding_tidak_layak',
          quantity: 1,
          sub_kegiatan: '1.04.03.2.03.0002',
          category: 'rumah',
        },
        {
          indicator: 'anak_tidak_sekolah',
          quantity: 2,
          sub_kegiatan: '1.01.02.2.01.0046',
          category: 'pendidikan',
        },
        { indicator: 'adminduk', quantity: 1, sub_kegiatan: null, category: 'adminduk' },
      ],
    ],
    [
      'a non-poor household: only rules for all classes',
      HOUSE,
      'tidak_miskin',
      [{ indicator: 'adminduk', quantity: 1, sub_kegiatan: null, category: 'adminduk' }],
    ],
    [
      'a rented house does not get the floor need',
      { ...HOUSE, house_ownership: 'sewa', toilet: 'umum' },
      'miskin',
      [
        {
          indicator: 'dinding_tidak_layak',
          quantity: 1,
          sub_kegiatan: '1.04.03.2.03.0002',
          category: 'rumah',
        },
        { indicator: 'sanitasi', quantity: 1, sub_kegiatan: '1.03.05.2.01.0039', category: 'sanitasi' },
        {
          indicator: 'anak_tidak_sekolah',
          quantity: 2,
          sub_kegiatan: '1.01.02.2.01.0046',
          category: 'pendidikan',
        },
        { indicator: 'adminduk', quantity: 1, sub_kegiatan: null, category: 'adminduk' },
      ],
    ],
    [
      'null answers fire nothing (the inactive neq rule would have fired on toilet)',
      {
        floor_type: null,
        house_ownership: null,
        wall_type: null,
        toilet: null,
        children_out_of_school: null,
        members_without_nik: null,
      },
      'ekstrem',
      [],
    ],
  ])('%s', (_name, facts, classification, expected) => {
    const result = computeHouseholdNeeds({ indicators: RULES, facts, classification });
    expect(result.needs).toEqual(expected);
    expect(result.warnings).toEqual([]);
  });

  it('an inactive rule is skipped, even if it would fire', () => {
    const result = computeHouseholdNeeds({
      indicators: [RULES[5] as Indicator],
      facts: HOUSE,
      classification: 'ekstrem',
    });
    expect(result).toEqual({ needs: [], warnings: [] });
  });

  it('a rule on a removed field warns and the other rules still work', () => {
    const broken = rule('atap_lama', { field: 'roof_material_old', operator: 'eq', value: 'rumbia' });
    const result = computeHouseholdNeeds({
      indicators: [broken, ...RULES],
      facts: HOUSE,
      classification: 'ekstrem',
    });
    expect(result.needs.map((need) => need.indicator)).toEqual([
      'lantai_tidak_layak',
      'dinding_tidak_layak',
      'anak_tidak_sekolah',
      'adminduk',
    ]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('roof_material_old');
  });

  it('an inactive broken rule gives no warning', () => {
    const broken = rule('atap_lama', {
      field: 'roof_material_old',
      operator: 'eq',
      value: 'rumbia',
      active: false,
    });
    expect(computeHouseholdNeeds({ indicators: [broken], facts: HOUSE, classification: 'ekstrem' })).toEqual({
      needs: [],
      warnings: [],
    });
  });

  it('a duplicated rule key gives one need', () => {
    const twice = [RULES[1] as Indicator, RULES[1] as Indicator];
    expect(
      computeHouseholdNeeds({ indicators: twice, facts: HOUSE, classification: 'miskin' }).needs,
    ).toHaveLength(1);
  });
});
