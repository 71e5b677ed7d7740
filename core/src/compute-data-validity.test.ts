import { describe, it, expect } from 'vitest';
import { computeDataValidity } from './compute-data-validity.ts';
import type { DataValidityInput, ValidityLevel } from './compute-data-validity.ts';

const A = { desa: '63.11.07.2002', kecamatan: '63.11.07' };
const B = { desa: '63.11.01.2001', kecamatan: '63.11.01' };
const INPUT: Omit<DataValidityInput, 'level'> = {
  households: [
    { ...A, source: 'p3ke', disposition: 'found', count: 90 },
    { ...A, source: 'p3ke', disposition: 'deceased', count: 3 },
    { ...A, source: 'p3ke', disposition: 'duplicate', count: 2 },
    { ...A, source: 'p3ke', disposition: 'merged', count: 1 },
    { ...A, source: 'p3ke', disposition: 'moved', count: 2 },
    { ...A, source: 'p3ke', disposition: 'not_found', count: 1 },
    { ...A, source: 'p3ke', disposition: null, count: 2 },
    { ...A, source: 'new', disposition: null, count: 5 },
    { ...B, source: 'dtsen', disposition: 'found', count: 10 },
    { ...B, source: 'new', disposition: 'duplicate', count: 4 },
  ],
  verified: [
    { desa: A.desa, count: 99 },
    { desa: B.desa, count: 10 },
  ],
  kecamatanOfDesa: new Map([
    [A.desa, A.kecamatan],
    [B.desa, B.kecamatan],
  ]),
  names: new Map([[A.desa, 'Batu Piring']]),
  region: { code: '63.11', name: 'Kabupaten Balangan' },
  targetPct: 99,
};

describe('computeDataValidity', () => {
  it.each<
    [
      level: ValidityLevel,
      rows: [
        code: string,
        name: string | null,
        expected: number,
        verified: number,
        pct: number | null,
        meets: boolean | null,
      ][],
    ]
  >([
    [
      'desa',
      [
        ['63.11.01.2001', null, 10, 10, 100, true],
        ['63.11.07.2002', 'Batu Piring', 100, 99, 99, true],
      ],
    ],
    [
      'kecamatan',
      [
        ['63.11.01', null, 10, 10, 100, true],
        ['63.11.07', null, 100, 99, 99, true],
      ],
    ],
    ['kabupaten', [['63.11', 'Kabupaten Balangan', 110, 109, 99.1, true]]],
  ])('per %s', (level, rows) => {
    const result = computeDataValidity({ ...INPUT, level });
    expect(
      result.rows.map((r) => [r.code, r.name, r.expected, r.verified, r.valid_pct, r.meets_target]),
    ).toEqual(rows);
    expect(result.total).toMatchObject({ expected: 110, verified: 109, valid_pct: 99.1, meets_target: true });
    expect(result.target_pct).toBe(99);
  });

  it.each<[name: string, changes: Partial<DataValidityInput>, pct: number | null, meets: boolean | null]>([
    ['below target', { verified: [{ desa: A.desa, count: 50 }] }, 45.5, false],
    ['no target set', { targetPct: null }, 99.1, null],
    ['nothing expected', { households: [], verified: [] }, null, null],
  ])('%s', (_name, changes, pct, meets) => {
    const result = computeDataValidity({ ...INPUT, level: 'kabupaten', ...changes });
    expect(result.total.valid_pct).toBe(pct);
    expect(result.total.meets_target).toBe(meets);
  });
});
