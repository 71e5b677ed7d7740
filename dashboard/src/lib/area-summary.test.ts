import { describe, expect, it } from 'vitest';
import {
  buildAreaSummary,
  meetsValidityTarget,
  shouldBeSurveyed,
  toClassificationSummary,
  validPercent,
} from './area-summary.ts';
import type { AreaSummaryInput } from './area-summary.ts';

const NAMES = [
  { code: '63.11.07', name: 'Paringin Selatan' },
  { code: '63.11.01', name: 'Juai' },
];

function input(overrides: Partial<AreaSummaryInput> = {}): AreaSummaryInput {
  return {
    areaField: 'kecamatan',
    names: NAMES,
    classGroups: [
      { kecamatan: '63.11.07', classification: 'ekstrem', count: { id: '3' }, sum: { member_count: '14' } },
      { kecamatan: '63.11.07', classification: 'miskin', count: { id: 5 }, sum: { member_count: 20 } },
      { kecamatan: '63.11.07', classification: null, count: { id: 2 }, sum: { member_count: 6 } },
      { kecamatan: '63.11.01', classification: 'tidak_miskin', count: { id: 4 }, sum: { member_count: 13 } },
    ],
    baselineGroups: [
      { kecamatan: '63.11.07', source: 'p3ke', baseline_disposition: 'found', count: { id: 6 } },
      { kecamatan: '63.11.07', source: 'p3ke', baseline_disposition: 'deceased', count: { id: 1 } },
      { kecamatan: '63.11.07', source: 'dtsen', baseline_disposition: null, count: { id: 1 } },
      { kecamatan: '63.11.07', source: 'new', baseline_disposition: 'new', count: { id: 2 } },
      { kecamatan: '63.11.01', source: 'p3ke', baseline_disposition: 'duplicate', count: { id: 1 } },
      { kecamatan: '63.11.01', source: 'p3ke', baseline_disposition: 'not_found', count: { id: 3 } },
    ],
    surveyedGroups: [
      { kecamatan: '63.11.07', count: { id: 8 } },
      { kecamatan: '63.11.01', count: { id: 3 } },
    ],
    verifiedGroups: [
      { kecamatan: '63.11.07', source: 'p3ke', baseline_disposition: 'found', count: { id: 5 } },
      { kecamatan: '63.11.07', source: 'p3ke', baseline_disposition: 'deceased', count: { id: 1 } },
      { kecamatan: '63.11.07', source: 'new', baseline_disposition: 'new', count: { id: 2 } },
      { kecamatan: '63.11.01', source: 'p3ke', baseline_disposition: 'not_found', count: { id: 3 } },
    ],
    validityTargetPct: 99,
    ...overrides,
  };
}

describe('shouldBeSurveyed', () => {
  it.each([
    ['p3ke', 'found', true],
    ['p3ke', null, true],
    ['dtsen', 'moved', true],
    ['p3ke', 'not_found', true],
    ['p3ke', 'deceased', false],
    ['dtsen', 'duplicate', false],
    ['p3ke', 'merged', false],
    ['new', 'new', true],
    ['new', null, true],
    [null, null, false],
  ])('source %s with disposition %s: %s', (source, disposition, expected) => {
    expect(shouldBeSurveyed(source, disposition)).toBe(expected);
  });
});

describe('buildAreaSummary', () => {
  const summary = buildAreaSummary(input());

  it('makes one row per area in code order with names', () => {
    expect(summary.rows.map((row) => [row.code, row.name])).toEqual([
      ['63.11.01', 'Juai'],
      ['63.11.07', 'Paringin Selatan'],
    ]);
  });

  it('counts households (KK) and people (jiwa) per classification', () => {
    const row = summary.rows[1];
    expect(row?.kk).toEqual({ ekstrem: 3, miskin: 5, tidak_miskin: 0, unclassified: 0, belum: 2, total: 10 });
    expect(row?.jiwa).toEqual({
      ekstrem: 14,
      miskin: 20,
      tidak_miskin: 0,
      unclassified: 0,
      belum: 6,
      total: 40,
    });
    expect(summary.totals.kk.total).toBe(14);
    expect(summary.totals.jiwa.total).toBe(53);
    expect(summary.totals.households).toBe(14);
  });

  it('counts baseline households and those that should be surveyed', () => {
    const [juai, paringin] = summary.rows;
    expect([paringin?.baseline, paringin?.shouldSurvey]).toEqual([8, 9]); // 6 found + 1 dtsen + 2 new
    expect([juai?.baseline, juai?.shouldSurvey]).toEqual([4, 3]); // duplicate left out
    expect([summary.totals.baseline, summary.totals.shouldSurvey]).toEqual([12, 12]);
  });

  it('computes valid data as verified households that should be surveyed over those that should', () => {
    const [juai, paringin] = summary.rows;
    expect(paringin?.verified).toBe(8);
    expect(paringin?.verifiedShould).toBe(7); // the deceased one is not counted
    expect(paringin?.validPct).toBeCloseTo((7 / 9) * 100);
    expect(juai?.validPct).toBe(100);
    expect(summary.totals.surveyed).toBe(11);
    expect(summary.totals.validPct).toBeCloseTo((10 / 12) * 100);
    expect(summary.validityTargetPct).toBe(99);
  });

  it('leaves survey figures unknown (null) when the user cannot read surveys', () => {
    const blind = buildAreaSummary(input({ surveyedGroups: null, verifiedGroups: null }));
    expect([blind.totals.surveyed, blind.totals.verified, blind.totals.validPct]).toEqual([null, null, null]);
    expect(blind.rows[0]?.surveyed).toBeNull();
    expect(blind.totals.baseline).toBe(12);
  });

  it('names areas without a code and unknown codes honestly', () => {
    const odd = buildAreaSummary(
      input({
        classGroups: [
          { kecamatan: null, classification: 'miskin', count: { id: 1 }, sum: { member_count: 2 } },
          { kecamatan: '63.11.99', classification: 'miskin', count: { id: 1 }, sum: { member_count: 2 } },
        ],
        baselineGroups: [],
        surveyedGroups: [],
        verifiedGroups: [],
      }),
    );
    expect(odd.rows.map((row) => row.name)).toEqual(['63.11.99', 'Tanpa wilayah']);
    expect(odd.totals.validPct).toBeNull();
  });

  it('groups by desa when asked', () => {
    const desa = buildAreaSummary(
      input({
        areaField: 'desa',
        names: [{ code: '63.11.07.2002', name: 'Baruh Bahinu Luar' }],
        classGroups: [
          { desa: '63.11.07.2002', classification: 'ekstrem', count: { id: 2 }, sum: { member_count: 7 } },
        ],
        baselineGroups: [
          { desa: '63.11.07.2002', source: 'p3ke', baseline_disposition: 'found', count: { id: 2 } },
        ],
        surveyedGroups: [{ desa: '63.11.07.2002', count: { id: 1 } }],
        verifiedGroups: [],
      }),
    );
    expect(desa.rows).toHaveLength(1);
    expect(desa.rows[0]?.name).toBe('Baruh Bahinu Luar');
    expect(desa.rows[0]?.validPct).toBe(0);
  });

  it('is empty when nothing is visible', () => {
    const empty = buildAreaSummary(
      input({ classGroups: [], baselineGroups: [], surveyedGroups: [], verifiedGroups: [] }),
    );
    expect(empty.rows).toEqual([]);
    expect(empty.totals.households).toBe(0);
    expect(empty.totals.validPct).toBeNull();
  });
});

describe('toClassificationSummary', () => {
  it('gives the chart rows with household counts', () => {
    const chart = toClassificationSummary(buildAreaSummary(input()));
    expect(chart.rows.map((row) => [row.name, row.ekstrem, row.total])).toEqual([
      ['Juai', 0, 4],
      ['Paringin Selatan', 3, 10],
    ]);
    expect(chart.totals.total).toBe(14);
  });
});

describe('validPercent and meetsValidityTarget', () => {
  it.each([
    [99, 100, 99],
    [0, 10, 0],
    [5, 0, null],
    [null, 10, null],
  ])('%j of %j -> %j', (verified, should, expected) => {
    expect(validPercent(verified, should)).toBe(expected);
  });

  it('compares with the target', () => {
    const summary = buildAreaSummary(input());
    expect(meetsValidityTarget(summary.totals, 99)).toBe(false);
    expect(meetsValidityTarget(summary.totals, 80)).toBe(true);
    expect(meetsValidityTarget(summary.totals, null)).toBeNull();
  });
});

describe('buildAreaSummary from one aggregate', () => {
  it('reads classes and baseline from the same groups (groupBy area, classification, source, disposition)', () => {
    const groups = [
      {
        kecamatan: '63.11.07',
        classification: 'ekstrem',
        source: 'p3ke',
        baseline_disposition: 'found',
        count: { id: 2 },
        sum: { member_count: 9 },
      },
      {
        kecamatan: '63.11.07',
        classification: 'ekstrem',
        source: 'p3ke',
        baseline_disposition: 'deceased',
        count: { id: 1 },
        sum: { member_count: 1 },
      },
      {
        kecamatan: '63.11.07',
        classification: null,
        source: 'new',
        baseline_disposition: 'new',
        count: { id: 3 },
        sum: { member_count: 8 },
      },
    ];
    const summary = buildAreaSummary(
      input({ classGroups: groups, baselineGroups: groups, surveyedGroups: [], verifiedGroups: [] }),
    );
    expect(summary.totals.kk).toMatchObject({ ekstrem: 3, belum: 3, total: 6 });
    expect(summary.totals.jiwa.total).toBe(18);
    expect([summary.totals.baseline, summary.totals.shouldSurvey]).toEqual([3, 5]);
  });
});
