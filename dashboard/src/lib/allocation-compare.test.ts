import { describe, expect, it } from 'vitest';
import {
  changeSign,
  compareAllocations,
  comparisonFooter,
  comparisonTableRows,
} from './allocation-compare.ts';
import type { AgencyAllocation, AllocationNames } from './allocation-view.ts';

const NAMES: AllocationNames = {
  agencies: new Map([
    ['disperkim', { name: 'Dinas Perumahan', short_name: 'Disperkim' }],
    ['dinsos', { name: 'Dinas Sosial', short_name: 'Dinsos' }],
    ['dinkes', { name: 'Dinas Kesehatan', short_name: 'Dinkes' }],
  ]),
  subKegiatan: new Map(),
};

const agency = (
  id: string,
  funded: number,
  unfunded = 0,
  ceiling: number | null = null,
): AgencyAllocation => ({
  perangkat_daerah: id,
  ceiling,
  reserved: 0,
  funded,
  unfunded,
});

describe('compareAllocations', () => {
  const before = {
    agencies: [agency('disperkim', 30, 50, 45), agency('dinsos', 5)],
    totals: { funded: 35, unfunded: 50, households_funded: 4 },
  };
  const after = {
    agencies: [agency('disperkim', 45, 35, 60), agency('dinkes', 10)],
    totals: { funded: 55, unfunded: 35, households_funded: 6 },
  };
  const comparison = compareAllocations(before, after, NAMES);

  it('lists every agency of either side by short name, with the changes', () => {
    expect(
      comparison.agencies.map((row) => [
        row.agency,
        row.before?.funded ?? null,
        row.after?.funded ?? null,
        row.funded_change,
      ]),
    ).toEqual([
      ['Dinkes', null, 10, 10],
      ['Dinsos', 5, null, -5],
      ['Disperkim', 30, 45, 15],
    ]);
    expect(comparison.changed).toBe(3);
  });

  it('compares the totals', () => {
    expect(comparison.totals).toEqual({
      funded: { before: 35, after: 55, change: 20 },
      unfunded: { before: 50, after: 35, change: -15 },
      households_funded: { before: 4, after: 6, change: 2 },
    });
  });

  it('says nothing changed when both sides are equal, and households unknown stay unknown', () => {
    const same = compareAllocations(
      before,
      { ...before, totals: { ...before.totals, households_funded: null } },
      NAMES,
    );
    expect(same.changed).toBe(0);
    expect(same.totals.households_funded.change).toBeNull();
  });

  it('counts a changed ceiling as a change', () => {
    const ceilingOnly = compareAllocations(
      { agencies: [agency('dinsos', 5, 0, null)], totals: before.totals },
      { agencies: [agency('dinsos', 5, 0, 100)], totals: before.totals },
      NAMES,
    );
    expect(ceilingOnly.changed).toBe(1);
  });

  it('gives table rows and a totals footer', () => {
    expect(comparisonTableRows(comparison)[2]).toEqual({
      agency: 'Disperkim',
      before_ceiling: 45,
      after_ceiling: 60,
      before_funded: 30,
      after_funded: 45,
      funded_change: 15,
      before_unfunded: 50,
      after_unfunded: 35,
    });
    expect(comparisonFooter(comparison)).toMatchObject({
      agency: 'Jumlah',
      before_funded: 35,
      after_funded: 55,
    });
  });
});

describe('changeSign', () => {
  it.each([
    [5, '+'],
    [-5, '-'],
    [0, ''],
  ])('%i -> %j', (change, sign) => {
    expect(changeSign(change)).toBe(sign);
  });
});
