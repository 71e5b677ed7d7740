import { describe, expect, it } from 'vitest';
import type { UnfundedIntervention, UnfundedTable } from './allocation-types.ts';
import { readUnfundedTable } from './read-unfunded-table.ts';

const RTLH = '1.04.03.2.03.0002';
const PBI = '1.02.02.2.01.0001';
const first: UnfundedIntervention = {
  household: 2,
  need: 201,
  sub_kegiatan: RTLH,
  perangkat_daerah: 'disperkim',
  cost: 20_000_000,
};
const second: UnfundedIntervention = {
  household: 3,
  need: 301,
  sub_kegiatan: PBI,
  perangkat_daerah: 'dinsos',
  cost: 1_008_000,
};
const third: UnfundedIntervention = { ...first, household: 4, need: 401 };
const table: UnfundedTable = {
  sub_kegiatan: [
    { code: RTLH, perangkat_daerah: 'disperkim' },
    { code: PBI, perangkat_daerah: 'dinsos' },
  ],
  items: {
    household: [2, 3, 4],
    need: [201, 301, 401],
    sub_kegiatan: [0, 1, 0],
    cost: [20_000_000, 1_008_000, 20_000_000],
  },
};

describe('readUnfundedTable', () => {
  it.each<[name: string, stored: unknown, expected: UnfundedIntervention[]]>([
    ['a table (what runs store)', table, [first, second, third]],
    ['the same table as JSON text', JSON.stringify(table), [first, second, third]],
    [
      'an empty table',
      { sub_kegiatan: [], items: { household: [], need: [], sub_kegiatan: [], cost: [] } },
      [],
    ],
    ['the list of objects of runs recorded before the table', [first, second], [first, second]],
    ['that list as JSON text', JSON.stringify([first, second]), [first, second]],
    ['null (no list recorded)', null, []],
    ['text that is not JSON', '{"sub_kegiatan": [', []],
    ['a table whose arrays differ in length', { ...table, items: { ...table.items, cost: [1] } }, []],
    [
      'a table whose item names a missing sub-kegiatan',
      { ...table, items: { ...table.items, sub_kegiatan: [0, 5, 0] } },
      [],
    ],
    ['a table without items', { sub_kegiatan: [] }, []],
    ['a list with a malformed object: only the well-formed ones', [first, { household: 'x' }], [first]],
  ])('%s', (_name, stored, expected) => {
    expect(readUnfundedTable(stored)).toEqual(expected);
  });
});
