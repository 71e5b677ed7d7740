import { describe, expect, it } from 'vitest';
import { buildClassificationSummary, readAggregateCount } from './classification-summary.ts';
import type { HouseholdCountGroup } from './classification-summary.ts';

const KECAMATAN = [
  { code: '63.11.07', name: 'Paringin Selatan' },
  { code: '63.11.01', name: 'Juai' },
  { code: '63.11.02', name: 'Halong' },
];

describe('readAggregateCount', () => {
  it.each([
    ['a number', 5, 5],
    ['a PostgreSQL string', '12', 12],
    ['{ id } (aggregate[count]=id)', { id: 7 }, 7],
    ['{ id } as string', { id: '1234' }, 1234],
    ['another key (count=*)', { '*': 3 }, 3],
    ['null', null, 0],
    ['an empty string', '', 0],
    ['text', 'abc', 0],
    ['a negative number', -2, 0],
    ['a fraction', 1.5, 0],
  ])('reads %s', (_name, input, expected) => {
    expect(readAggregateCount(input)).toBe(expected);
  });
});

describe('buildClassificationSummary', () => {
  it('makes one row per kecamatan in code order with counts, totals and names', () => {
    const groups: HouseholdCountGroup[] = [
      { kecamatan: '63.11.07', classification: 'ekstrem', count: { id: '3' } },
      { kecamatan: '63.11.07', classification: 'miskin', count: { id: '10' } },
      { kecamatan: '63.11.07', classification: 'tidak_miskin', count: { id: '40' } },
      { kecamatan: '63.11.07', classification: null, count: { id: '5' } },
      { kecamatan: '63.11.01', classification: 'ekstrem', count: { id: 1 } },
      { kecamatan: '63.11.01', classification: 'unclassified', count: { id: 2 } },
    ];
    expect(buildClassificationSummary(groups, KECAMATAN)).toEqual({
      rows: [
        {
          code: '63.11.01',
          name: 'Juai',
          ekstrem: 1,
          miskin: 0,
          tidak_miskin: 0,
          unclassified: 2,
          belum: 0,
          total: 3,
        },
        {
          code: '63.11.07',
          name: 'Paringin Selatan',
          ekstrem: 3,
          miskin: 10,
          tidak_miskin: 40,
          unclassified: 0,
          belum: 5,
          total: 58,
        },
      ],
      totals: { ekstrem: 4, miskin: 10, tidak_miskin: 40, unclassified: 2, belum: 5, total: 61 },
    });
  });

  it.each([
    ['null', null, 'belum'],
    ['an empty string', '', 'belum'],
    ['missing', undefined, 'belum'],
    ['ekstrem', 'ekstrem', 'ekstrem'],
    ['miskin', 'miskin', 'miskin'],
    ['tidak_miskin', 'tidak_miskin', 'tidak_miskin'],
    ['unclassified', 'unclassified', 'unclassified'],
    ['an unknown value', 'sangat_miskin', 'unclassified'],
  ] as const)('counts classification %s in column %s', (_name, classification, bucket) => {
    const summary = buildClassificationSummary(
      [{ kecamatan: '63.11.02', classification, count: 4 }],
      KECAMATAN,
    );
    expect(summary.rows).toHaveLength(1);
    expect(summary.rows[0]?.[bucket]).toBe(4);
    expect(summary.rows[0]?.total).toBe(4);
    expect(summary.totals[bucket]).toBe(4);
  });

  it('puts households without a kecamatan last and falls back to the code when the name is unknown', () => {
    const summary = buildClassificationSummary(
      [
        { kecamatan: null, classification: 'miskin', count: 2 },
        { kecamatan: '63.11.99', classification: 'miskin', count: 1 },
        { kecamatan: '63.11.02', classification: 'miskin', count: 1 },
      ],
      KECAMATAN,
    );
    expect(summary.rows.map((row) => [row.code, row.name])).toEqual([
      ['63.11.02', 'Halong'],
      ['63.11.99', '63.11.99'],
      [null, 'Tanpa kecamatan'],
    ]);
  });

  it('sorts codes numerically (63.11.10 after 63.11.09)', () => {
    const summary = buildClassificationSummary(
      [
        { kecamatan: '63.11.10', classification: 'miskin', count: 1 },
        { kecamatan: '63.11.09', classification: 'miskin', count: 1 },
      ],
      [],
    );
    expect(summary.rows.map((row) => row.code)).toEqual(['63.11.09', '63.11.10']);
  });

  it('adds up groups that fall into the same cell and skips empty groups', () => {
    const summary = buildClassificationSummary(
      [
        { kecamatan: '63.11.01', classification: 'unclassified', count: 2 },
        { kecamatan: '63.11.01', classification: 'kode_lama', count: '3' },
        { kecamatan: '63.11.07', classification: 'miskin', count: 0 },
      ],
      KECAMATAN,
    );
    expect(summary.rows).toHaveLength(1);
    expect(summary.rows[0]?.unclassified).toBe(5);
  });

  it('reads an expanded kecamatan object ({ code })', () => {
    const summary = buildClassificationSummary(
      [{ kecamatan: { code: '63.11.01' }, classification: 'ekstrem', count: 1 }],
      KECAMATAN,
    );
    expect(summary.rows[0]?.name).toBe('Juai');
  });

  it('is empty when the user can see no households', () => {
    expect(buildClassificationSummary([], KECAMATAN)).toEqual({
      rows: [],
      totals: { ekstrem: 0, miskin: 0, tidak_miskin: 0, unclassified: 0, belum: 0, total: 0 },
    });
  });
});
