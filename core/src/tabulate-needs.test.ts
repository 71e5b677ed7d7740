import { describe, expect, it } from 'vitest';
import type { AllocationNeed, AllocationNeedTable } from './allocation-types.ts';
import { tabulateNeeds } from './tabulate-needs.ts';

const RTLH = '1.04.03.2.03.0002';

describe('tabulateNeeds', () => {
  it.each<[name: string, needs: AllocationNeed[], table: AllocationNeedTable]>([
    ['no needs', [], { id: [], household: [], indicator: [], sub_kegiatan: [], quantity: [], status: [] }],
    [
      'each field in its own array, in order',
      [
        {
          id: 7,
          household: 1,
          indicator: 'floor_type_unfit',
          sub_kegiatan: RTLH,
          quantity: 2,
          status: 'open',
        },
        {
          id: 3,
          household: 2,
          indicator: 'unlinked_rule',
          sub_kegiatan: null,
          quantity: null,
          status: 'planned',
        },
      ],
      {
        id: [7, 3],
        household: [1, 2],
        indicator: ['floor_type_unfit', 'unlinked_rule'],
        sub_kegiatan: [RTLH, null],
        quantity: [2, null],
        status: ['open', 'planned'],
      },
    ],
  ])('%s', (_name, needs, table) => {
    expect(tabulateNeeds(needs)).toEqual(table);
    // a table is already one
    expect(tabulateNeeds(table)).toBe(table);
  });
});
