import { describe, expect, it } from 'vitest';
import { idSetOf } from './id-set.ts';

describe('idSetOf', () => {
  const cases: { name: string; ids: number[]; present: number[]; absent: number[]; sorted: number[] }[] = [
    {
      name: 'dense ids',
      ids: [5, 3, 9, 3],
      present: [3, 5, 9],
      absent: [0, 4, 10, -1, 3.5],
      sorted: [3, 5, 9],
    },
    { name: 'empty', ids: [], present: [], absent: [0, 1], sorted: [] },
    { name: 'id zero', ids: [0], present: [0], absent: [1], sorted: [0] },
    // sparse: one id far beyond the count falls back to a Set
    {
      name: 'sparse ids',
      ids: [1, 50_000_000, 7],
      present: [1, 7, 50_000_000],
      absent: [2, 49_999_999],
      sorted: [1, 7, 50_000_000],
    },
    { name: 'negative id', ids: [-4, 2], present: [-4, 2], absent: [4, -2], sorted: [-4, 2] },
    { name: 'not whole', ids: [1.5, 2], present: [1.5, 2], absent: [1], sorted: [1.5, 2] },
  ];
  it.each(cases)('$name', ({ ids, present, absent, sorted }) => {
    const set = idSetOf(ids);
    for (const id of present) expect(set.has(id), `has ${id}`).toBe(true);
    for (const id of absent) expect(set.has(id), `has ${id}`).toBe(false);
    expect(set.sorted()).toEqual(sorted);
    expect(set.size).toBe(new Set(ids).size);
  });

  it('reads any iterable, once', () => {
    function* ids(): Generator<number> {
      yield 4;
      yield 2;
    }
    expect(idSetOf(ids()).sorted()).toEqual([2, 4]);
  });
});
