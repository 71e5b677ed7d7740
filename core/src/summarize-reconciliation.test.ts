import { describe, it, expect } from 'vitest';
import { summarizeReconciliation } from './summarize-reconciliation.ts';
import type { DispositionCount } from './summarize-reconciliation.ts';

const A = { desa: '63.11.07.2002', kecamatan: '63.11.07' };
const B = { desa: '63.11.07.1001', kecamatan: '63.11.07' };
const C = { desa: '63.11.01.2001', kecamatan: '63.11.01' };
const COUNTS: DispositionCount[] = [
  { ...A, source: 'p3ke', disposition: 'found', count: 8 },
  { ...A, source: 'p3ke', disposition: 'deceased', count: 1 },
  { ...A, source: 'p3ke', disposition: null, count: 1 },
  { ...A, source: 'new', disposition: null, count: 2 },
  { ...B, source: 'dtsen', disposition: 'moved', count: 3 },
  { ...B, source: 'new', disposition: 'duplicate', count: 1 },
  { ...C, source: 'p3ke', disposition: null, count: 5 },
];
const NAMES = new Map([
  ['63.11.07.2002', 'Batu Piring'],
  ['63.11.07', 'Paringin Selatan'],
]);

describe('summarizeReconciliation', () => {
  it.each<
    [
      level: 'desa' | 'kecamatan',
      rows: [
        code: string,
        baseline: number,
        visited: number,
        pending: number,
        pct: number | null,
        found: number,
        newCount: number,
      ][],
    ]
  >([
    [
      'desa',
      [
        ['63.11.01.2001', 5, 0, 5, 0, 0, 0],
        ['63.11.07.1001', 3, 3, 0, 100, 0, 0],
        ['63.11.07.2002', 10, 9, 1, 90, 8, 2],
      ],
    ],
    [
      'kecamatan',
      [
        ['63.11.01', 5, 0, 5, 0, 0, 0],
        ['63.11.07', 13, 12, 1, 92.3, 8, 2],
      ],
    ],
  ])('per %s', (level, expected) => {
    const result = summarizeReconciliation(COUNTS, level, NAMES);
    expect(
      result.rows.map((r) => [
        r.code,
        r.baseline,
        r.visited,
        r.pending,
        r.progress_pct,
        r.dispositions.found,
        r.dispositions.new,
      ]),
    ).toEqual(expected);
    expect(result.total).toMatchObject({ baseline: 18, visited: 12, pending: 6, progress_pct: 66.7 });
    expect(result.total.dispositions).toEqual({
      found: 8,
      moved: 3,
      deceased: 1,
      split: 0,
      merged: 0,
      duplicate: 1,
      not_found: 0,
      new: 2,
    });
  });

  it('names regions and keeps the kecamatan of a desa', () => {
    const [row] = summarizeReconciliation(COUNTS.slice(0, 1), 'desa', NAMES).rows;
    expect(row).toMatchObject({ code: '63.11.07.2002', name: 'Batu Piring', kecamatan: '63.11.07' });
  });

  it('no households: empty rows and a zero total', () => {
    const result = summarizeReconciliation([], 'desa');
    expect(result.rows).toEqual([]);
    expect(result.total).toMatchObject({ baseline: 0, progress_pct: null });
  });
});
