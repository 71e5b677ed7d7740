import { describe, expect, it } from 'vitest';
import { buildNeedsSummary, categoryLabel, NO_AGENCY_LABEL } from './needs-summary.ts';

describe('categoryLabel', () => {
  it.each([
    ['perumahan', 'Perumahan'],
    ['air_minum', 'Air minum'],
    ['adminduk', 'Administrasi kependudukan'],
    ['gizi_balita', 'Gizi balita'],
    [null, 'Tanpa kategori'],
  ])('%s -> %s', (category, label) => {
    expect(categoryLabel(category)).toBe(label);
  });
});

describe('buildNeedsSummary', () => {
  const summary = buildNeedsSummary(
    [
      { category: 'perumahan', status: 'open', count: { id: '4' }, sum: { quantity: '4' } },
      { category: 'perumahan', status: 'planned', count: { id: 2 }, sum: { quantity: 2 } },
      { category: 'pendidikan', status: 'open', count: { id: 3 }, sum: { quantity: 5 } },
      { category: 'sanitasi', status: 'addressed', count: { id: 9 }, sum: { quantity: 9 } },
    ],
    [
      { perangkat_daerah: 'disperkim', status: 'open', count: { id: 4 }, sum: { quantity: 4 } },
      { perangkat_daerah: 'disperkim', status: 'planned', count: { id: 2 }, sum: { quantity: 2 } },
      { perangkat_daerah: null, status: 'open', count: { id: 3 }, sum: { quantity: 5 } },
    ],
    [{ id: 'disperkim', name: 'Dinas Perumahan Rakyat dan Kawasan Permukiman', short_name: 'Disperkim' }],
  );

  it('counts open and planned needs per category, most first, and skips other statuses', () => {
    expect(summary.byCategory).toEqual([
      { key: 'perumahan', label: 'Perumahan', open: 4, planned: 2, total: 6, volume: 6 },
      { key: 'pendidikan', label: 'Pendidikan', open: 3, planned: 0, total: 3, volume: 5 },
    ]);
  });

  it('names agencies by short name and says when a need has none', () => {
    expect(summary.byAgency.map((row) => [row.label, row.total])).toEqual([
      ['Disperkim', 6],
      [NO_AGENCY_LABEL, 3],
    ]);
  });

  it('totals the active needs', () => {
    expect(summary.totals).toEqual({ open: 7, planned: 2, total: 9, volume: 11 });
  });

  it('is empty without needs', () => {
    expect(buildNeedsSummary([], [], [])).toEqual({
      byCategory: [],
      byAgency: [],
      totals: { open: 0, planned: 0, total: 0, volume: 0 },
    });
  });
});

describe('buildNeedsSummary from one aggregate', () => {
  it('serves both breakdowns from groups by category, agency and status', () => {
    const groups = [
      {
        category: 'perumahan',
        perangkat_daerah: 'disperkim',
        status: 'open',
        count: { id: 2 },
        sum: { quantity: 2 },
      },
      {
        category: 'perumahan',
        perangkat_daerah: 'dpupr',
        status: 'planned',
        count: { id: 1 },
        sum: { quantity: 1 },
      },
      {
        category: 'sanitasi',
        perangkat_daerah: 'dpupr',
        status: 'open',
        count: { id: 4 },
        sum: { quantity: 4 },
      },
    ];
    const summary = buildNeedsSummary(groups, groups, []);
    expect(summary.byCategory.map((row) => [row.key, row.open, row.planned])).toEqual([
      ['sanitasi', 4, 0],
      ['perumahan', 2, 1],
    ]);
    expect(summary.byAgency.map((row) => [row.key, row.total])).toEqual([
      ['dpupr', 5],
      ['disperkim', 2],
    ]);
    expect(summary.totals.total).toBe(7);
  });
});
