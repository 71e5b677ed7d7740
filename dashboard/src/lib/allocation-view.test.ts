import { describe, expect, it } from 'vitest';
import {
  agencyTableRows,
  isRunExportable,
  lineTableRows,
  linesTotal,
  missingCostRows,
  pickRun,
  readAllocationAnswer,
  readRunId,
  readRunRecord,
  readRunSummary,
  restrictToAgency,
  runLabel,
  runTableRows,
  skippedRows,
} from './allocation-view.ts';
import type { AllocationNames, AllocationRunSummary } from './allocation-view.ts';

/** The worked example of docs/sipd-export.md (core/src/allocate-budget.test.ts). */
const ANSWER = {
  fiscal_year: 2026,
  totals: { funded: 34_920_000, unfunded: 50_000_000, households_funded: 4 },
  agencies: [
    { perangkat_daerah: 'dinsos', ceiling: null, reserved: 0, funded: 4_920_000, unfunded: 0 },
    {
      perangkat_daerah: 'disperkim',
      ceiling: 45_000_000,
      reserved: 10_000_000,
      funded: 30_000_000,
      unfunded: 50_000_000,
    },
  ],
  lines: [
    {
      sub_kegiatan: '1.04.03.2.03.0002',
      perangkat_daerah: 'disperkim',
      households: 1,
      volume: 1,
      unit: 'unit',
      unit_cost: 20_000_000,
      total: 20_000_000,
    },
    {
      sub_kegiatan: '1.04.03.2.03.0012',
      perangkat_daerah: 'disperkim',
      households: 1,
      volume: 1,
      unit: null,
      unit_cost: 10_000_000,
      total: 10_000_000,
    },
    {
      sub_kegiatan: '1.06.04.2.01.0001',
      perangkat_daerah: 'dinsos',
      households: 3,
      volume: 4,
      unit: 'paket',
      unit_cost: 1_230_000,
      total: 4_920_000,
    },
  ],
  unfunded: [],
  unfunded_truncated: false,
  missing_unit_cost: [
    {
      sub_kegiatan: '1.01.02.2.01.0003',
      name: 'Beasiswa',
      perangkat_daerah: 'disdik',
      households: 2,
      needs: 2,
      volume: 3,
    },
  ],
  skipped: {
    no_sub_kegiatan: 1,
    inactive_sub_kegiatan: 0,
    unclassified: 3,
    class_excluded: 0,
    already_served: 0,
    not_verified: 7,
  },
  counts: { interventions: 5, unfunded: 3, released_interventions: 0, reopened_needs: 0 },
};

const NAMES: AllocationNames = {
  agencies: new Map([
    ['disperkim', { name: 'Dinas Perumahan Rakyat dan Kawasan Permukiman', short_name: 'Disperkim' }],
    ['dinsos', { name: 'Dinas Sosial', short_name: 'Dinsos' }],
    ['disdik', { name: 'Dinas Pendidikan', short_name: 'Disdik' }],
  ]),
  subKegiatan: new Map([
    ['1.04.03.2.03.0002', { name: 'Perbaikan Rumah Tidak Layak Huni', unit: 'unit' }],
    ['1.04.03.2.03.0012', { name: 'Pembangunan Rumah Baru', unit: 'unit' }],
  ]),
};

describe('readAllocationAnswer', () => {
  const view = readAllocationAnswer(ANSWER);

  it('reads totals, agencies, lines, missing unit costs, skipped and counts', () => {
    expect(view?.totals).toEqual({ funded: 34_920_000, unfunded: 50_000_000, households_funded: 4 });
    expect(view?.agencies).toHaveLength(2);
    expect(view?.agencies[0]).toEqual(ANSWER.agencies[0]);
    expect(view?.lines.map((line) => line.total)).toEqual([20_000_000, 10_000_000, 4_920_000]);
    expect(view?.missing_unit_cost[0]?.name).toBe('Beasiswa');
    expect(view?.skipped?.not_verified).toBe(7);
    expect(view?.interventions).toBe(5);
  });

  it('reads PostgreSQL strings as numbers', () => {
    const stringy = readAllocationAnswer({
      fiscal_year: '2026',
      totals: { funded: '100', unfunded: '0', households_funded: '1' },
      agencies: [{ perangkat_daerah: 'x', ceiling: '500', reserved: '0', funded: '100', unfunded: '0' }],
    });
    expect(stringy?.totals).toEqual({ funded: 100, unfunded: 0, households_funded: 1 });
    expect(stringy?.agencies[0]?.ceiling).toBe(500);
  });

  it.each([[null], ['teks'], [[]], [{ totals: {} }], [{ fiscal_year: 2026 }]])('gives null for %j', (raw) => {
    expect(readAllocationAnswer(raw)).toBeNull();
  });

  it('drops rows without keys instead of failing', () => {
    const view2 = readAllocationAnswer({
      ...ANSWER,
      agencies: [{ ceiling: 1 }, ...ANSWER.agencies],
      lines: [{ total: 5 }, 'x'],
    });
    expect(view2?.agencies).toHaveLength(2);
    expect(view2?.lines).toEqual([]);
  });
});

describe('readRunId', () => {
  it.each([
    [{ run: 12 }, 12],
    [{ run: '7' }, 7],
    [{ run: 0 }, null],
    [{}, null],
    [null, null],
  ])('%j -> %j', (raw, id) => {
    expect(readRunId(raw)).toBe(id);
  });
});

const ROW = {
  id: 12,
  fiscal_year: 2026,
  status: 'draft',
  decree_number: null,
  decree_date: null,
  date_created: '2026-01-14T03:00:00.000Z',
  scope: null,
  totals: ANSWER.totals,
  agencies: ANSWER.agencies,
  lines: JSON.stringify(ANSWER.lines),
  parameters: { missing_unit_cost: ANSWER.missing_unit_cost, skipped: ANSWER.skipped, interventions: 5 },
};

describe('readRunSummary and readRunRecord', () => {
  it('reads a stored run, JSON text or objects alike', () => {
    const record = readRunRecord(ROW);
    expect(record?.summary).toEqual({
      id: 12,
      fiscal_year: 2026,
      status: 'draft',
      decree_number: null,
      decree_date: null,
      created: '2026-01-14T03:00:00.000Z',
      scoped: false,
      totals: ANSWER.totals,
    });
    expect(record?.lines).toHaveLength(3);
    expect(record?.missing_unit_cost).toHaveLength(1);
    expect(record?.interventions).toBe(5);
  });

  it.each([
    [{ kecamatan: ['63.11.07'] }, true],
    [{ kecamatan: [], desa: [] }, false],
    ['{"desa":["63.11.07.2002"]}', true],
    [null, false],
  ])('scope %j is scoped: %s', (scope, scoped) => {
    expect(readRunSummary({ ...ROW, scope })?.scoped).toBe(scoped);
  });

  it('reads a finalised run and refuses a row without id', () => {
    expect(
      readRunSummary({
        ...ROW,
        status: 'ditetapkan',
        decree_number: '900/1/2026',
        decree_date: '2026-01-15',
      }),
    ).toMatchObject({ status: 'ditetapkan', decree_number: '900/1/2026', decree_date: '2026-01-15' });
    expect(readRunSummary({ ...ROW, id: null })).toBeNull();
  });
});

describe('restrictToAgency', () => {
  it("keeps one agency's rows and totals and forgets what cannot be split", () => {
    const view = readAllocationAnswer(ANSWER);
    if (view === null) throw new Error('no view');
    const own = restrictToAgency(view, 'disperkim');
    expect(own.agencies.map((row) => row.perangkat_daerah)).toEqual(['disperkim']);
    expect(own.lines).toHaveLength(2);
    expect(own.totals).toEqual({ funded: 30_000_000, unfunded: 50_000_000, households_funded: null });
    expect(own.missing_unit_cost).toEqual([]);
    expect(own.skipped).toBeNull();
    expect(restrictToAgency(view, 'lain').totals.funded).toBe(0);
  });
});

function summary(id: number, status: 'draft' | 'ditetapkan', year = 2026): AllocationRunSummary {
  return {
    id,
    fiscal_year: year,
    status,
    decree_number: null,
    decree_date: null,
    created: '2026-02-03T10:00:00Z',
    scoped: false,
    totals: { funded: 0, unfunded: 0, households_funded: 0 },
  };
}

describe('runs', () => {
  const runs = [
    summary(3, 'draft'),
    summary(5, 'ditetapkan'),
    summary(7, 'draft'),
    summary(9, 'draft', 2027),
  ];

  it.each([
    [5, 5],
    [4, 9],
    [null, 9],
  ])('pickRun(%j) -> %j', (requested, picked) => {
    expect(pickRun(runs, requested)).toBe(picked);
  });

  it('picks nothing from no runs', () => {
    expect(pickRun([], 3)).toBeNull();
  });

  it.each([
    [3, false],
    [5, true],
    [7, true],
    [9, true],
  ])('run %i exportable: %s', (id, exportable) => {
    const run = runs.find((item) => item.id === id);
    if (run === undefined) throw new Error('missing');
    expect(isRunExportable(run, runs)).toBe(exportable);
  });

  it('labels a run', () => {
    expect(runLabel(summary(12, 'ditetapkan'))).toBe('Alokasi #12 · Ditetapkan · 3 Feb 2026');
    expect(runLabel({ ...summary(4, 'draft'), created: null, scoped: true })).toBe(
      'Alokasi #4 · Draf · sebagian wilayah',
    );
  });

  it('lists runs as table rows', () => {
    expect(runTableRows([{ ...summary(3, 'draft'), scoped: true }])).toEqual([
      {
        run: '#3',
        year: 2026,
        status: 'Draf (sebagian wilayah)',
        created: '2026-02-03T10:00:00Z',
        households: 0,
        funded: 0,
        unfunded: 0,
        decree: null,
        decree_date: null,
      },
    ]);
  });
});

describe('table rows', () => {
  const view = readAllocationAnswer(ANSWER);
  if (view === null) throw new Error('no view');

  it('gives agencies by short name with what is left of the ceiling', () => {
    expect(agencyTableRows(view.agencies, NAMES)).toEqual([
      {
        agency: 'Dinsos',
        name: 'Dinas Sosial',
        ceiling: null,
        reserved: 0,
        funded: 4_920_000,
        unfunded: 0,
        remaining: null,
      },
      {
        agency: 'Disperkim',
        name: 'Dinas Perumahan Rakyat dan Kawasan Permukiman',
        ceiling: 45_000_000,
        reserved: 10_000_000,
        funded: 30_000_000,
        unfunded: 50_000_000,
        remaining: 5_000_000,
      },
    ]);
  });

  it('gives lines by agency then code, named from the catalogue, unit from it when missing', () => {
    const rows = lineTableRows(view.lines, NAMES);
    expect(rows.map((row) => [row['agency'], row['code'], row['name'], row['unit']])).toEqual([
      ['Dinsos', '1.06.04.2.01.0001', '1.06.04.2.01.0001', 'paket'],
      ['Disperkim', '1.04.03.2.03.0002', 'Perbaikan Rumah Tidak Layak Huni', 'unit'],
      ['Disperkim', '1.04.03.2.03.0012', 'Pembangunan Rumah Baru', 'unit'],
    ]);
    expect(linesTotal(view.lines)).toBe(34_920_000);
  });

  it('lists missing unit costs and skipped reasons, largest first, without zeros', () => {
    expect(missingCostRows(view.missing_unit_cost, NAMES)).toEqual([
      { code: '1.01.02.2.01.0003', name: 'Beasiswa', agency: 'Disdik', households: 2, needs: 2, volume: 3 },
    ]);
    expect(skippedRows(view.skipped)).toEqual([
      { reason: 'Survei rumah tangga belum terverifikasi', needs: 7 },
      { reason: 'Rumah tangga tidak dapat diklasifikasi', needs: 3 },
      { reason: 'Aturan tidak menautkan sub-kegiatan', needs: 1 },
    ]);
    expect(skippedRows(null)).toEqual([]);
  });
});
