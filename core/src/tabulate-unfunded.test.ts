import { describe, expect, it } from 'vitest';
import type { UnfundedIntervention } from './allocation-types.ts';
import { readUnfundedTable } from './read-unfunded-table.ts';
import { tabulateUnfunded } from './tabulate-unfunded.ts';

const RTLH = '1.04.03.2.03.0002';
const PBI = '1.02.02.2.01.0001';
const item = (
  household: number,
  need: number,
  sub: string,
  agency: string,
  cost: number,
): UnfundedIntervention => ({
  household,
  need,
  sub_kegiatan: sub,
  perangkat_daerah: agency,
  cost,
});

describe('tabulateUnfunded', () => {
  it.each<[name: string, items: UnfundedIntervention[], subs: { code: string; perangkat_daerah: string }[]]>([
    ['nothing', [], []],
    [
      'one item',
      [item(2, 201, RTLH, 'disperkim', 20_000_000)],
      [{ code: RTLH, perangkat_daerah: 'disperkim' }],
    ],
    [
      'each sub-kegiatan once, in order of first appearance',
      [
        item(2, 201, RTLH, 'disperkim', 20_000_000),
        item(3, 301, PBI, 'dinsos', 1_008_000),
        item(4, 401, RTLH, 'disperkim', 20_000_000),
      ],
      [
        { code: RTLH, perangkat_daerah: 'disperkim' },
        { code: PBI, perangkat_daerah: 'dinsos' },
      ],
    ],
    [
      'a code under two agencies is two entries',
      [item(2, 201, RTLH, 'disperkim', 1), item(3, 301, RTLH, 'dinsos', 2)],
      [
        { code: RTLH, perangkat_daerah: 'disperkim' },
        { code: RTLH, perangkat_daerah: 'dinsos' },
      ],
    ],
  ])('%s: reads back as the same items in the same order', (_name, items, subs) => {
    const table = tabulateUnfunded(items);
    expect(table.sub_kegiatan).toEqual(subs);
    expect(table.items.household).toEqual(items.map((entry) => entry.household));
    expect(readUnfundedTable(table)).toEqual(items);
    expect(readUnfundedTable(JSON.stringify(table))).toEqual(items);
  });
});

describe('readUnfundedTable', () => {
  const first = item(2, 201, RTLH, 'disperkim', 20_000_000);
  const items = [first, item(3, 301, PBI, 'dinsos', 1_008_000)];
  const table = tabulateUnfunded(items);

  it.each<[name: string, stored: unknown, expected: UnfundedIntervention[]]>([
    ['the list of objects of runs recorded before the table', items, items],
    ['that list as JSON text', JSON.stringify(items), items],
    ['null (no list recorded)', null, []],
    ['text that is not JSON', '{"sub_kegiatan": [', []],
    ['a table whose arrays differ in length', { ...table, items: { ...table.items, cost: [1] } }, []],
    [
      'a table whose item names a missing sub-kegiatan',
      { ...table, items: { ...table.items, sub_kegiatan: [0, 5] } },
      [],
    ],
    ['a table without items', { sub_kegiatan: [] }, []],
    ['a list with a malformed object: only the well-formed ones', [first, { household: 'x' }], [first]],
  ])('%s', (_name, stored, expected) => {
    expect(readUnfundedTable(stored)).toEqual(expected);
  });
});
