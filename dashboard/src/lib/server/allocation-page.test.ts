import { describe, expect, it } from 'vitest';
import { allocationAccess } from '../allocation-access.ts';
import type { SessionUser } from '../session-user.ts';
import { finaliseRun, readAllocationPage, runAllocation, saveCeiling } from './allocation-page.ts';
import { directusError, fakeDirectus } from './fake-directus.ts';
import type { FakeCall } from './fake-directus.ts';

const AGENCIES = [
  { id: 'disperkim', name: 'Dinas Perumahan Rakyat dan Kawasan Permukiman', short_name: 'Disperkim' },
  { id: 'dinsos', name: 'Dinas Sosial', short_name: 'Dinsos' },
];
const AGENCY_ROWS = [
  { perangkat_daerah: 'dinsos', ceiling: null, reserved: 0, funded: 4_920_000, unfunded: 0 },
  {
    perangkat_daerah: 'disperkim',
    ceiling: 45_000_000,
    reserved: 0,
    funded: 40_000_000,
    unfunded: 20_000_000,
  },
];
const LINES = [
  {
    sub_kegiatan: '1.04.03.2.03.0002',
    perangkat_daerah: 'disperkim',
    households: 2,
    volume: 2,
    unit: 'unit',
    unit_cost: 20_000_000,
    total: 40_000_000,
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
];
const run = (id: number, status = 'draft') => ({
  id,
  fiscal_year: 2026,
  status,
  decree_number: status === 'ditetapkan' ? '900/1/2026' : null,
  decree_date: status === 'ditetapkan' ? '2026-01-15' : null,
  date_created: '2026-01-10T00:00:00Z',
  scope: null,
  totals: { funded: 44_920_000 + id, unfunded: 20_000_000, households_funded: 5 },
  agencies: AGENCY_ROWS,
  lines: LINES,
  parameters: { missing_unit_cost: [], skipped: null, interventions: 5 },
});

/** Directus with settings (active year 2026), two agencies, runs #3 (finalised) and #5, one ceiling. */
function directus(runs = [run(3, 'ditetapkan'), run(5)]) {
  return fakeDirectus((call: FakeCall) => {
    if (call.path === '/items/planning_settings') return { active_fiscal_year: 2026, survey_round: 2025 };
    if (call.path === '/items/perangkat_daerah') return AGENCIES;
    if (call.path === '/items/sub_kegiatan') {
      return [
        {
          code: '1.04.03.2.03.0002',
          name: 'Perbaikan RTLH',
          unit: 'unit',
          perangkat_daerah: 'disperkim',
          unit_cost: 20_000_000,
          active: true,
        },
      ];
    }
    if (call.path === '/items/allocation_runs') {
      if (call.params['groupBy'] !== undefined)
        return [
          { fiscal_year: 2026, count: { id: runs.length } },
          { fiscal_year: 2025, count: { id: 1 } },
        ];
      return [...runs].sort((a, b) => b.id - a.id);
    }
    const single = /^\/items\/allocation_runs\/(\d+)$/.exec(call.path);
    if (single !== null) {
      const found = runs.find((item) => item.id === Number(single[1]));
      if (found === undefined) throw directusError(403, "You don't have permission to access this.");
      return found;
    }
    if (call.path === '/items/budget_ceilings') {
      if (call.method !== 'GET') return null;
      return [
        { id: 1, perangkat_daerah: 'disperkim', amount: 40_000_000 },
        { id: 4, perangkat_daerah: 'disperkim', amount: '45000000' },
      ];
    }
    if (call.path.startsWith('/items/budget_ceilings/')) return { id: 4 };
    throw new Error(`unexpected ${call.method} ${call.path}`);
  });
}

const user = (role: string, perangkat_daerah: string | null = null): SessionUser => ({
  id: 'u',
  email: null,
  first_name: null,
  last_name: null,
  role,
  desa: null,
  kecamatan: null,
  perangkat_daerah,
});

describe('readAllocationPage', () => {
  it('shows a planner the newest run of the active year, its export, every ceiling (the latest row counts)', async () => {
    const { directus: client } = directus();
    const page = await readAllocationPage(
      client,
      user('Perencana'),
      allocationAccess('perencana'),
      new URLSearchParams(),
    );
    expect(page.year).toBe(2026);
    expect(page.years).toEqual([2026, 2025]);
    expect(page.runs.map((item) => item.id)).toEqual([5, 3]);
    expect(page.run?.summary.id).toBe(5);
    expect(page.run?.lines).toHaveLength(2);
    expect(page.runExportable).toBe(true);
    expect(page.compare).toBeNull();
    expect(page.ceilings).toEqual([
      { perangkat_daerah: 'disperkim', amount: 45_000_000 },
      { perangkat_daerah: 'dinsos', amount: null },
    ]);
    expect(page.names.agencies.get('dinsos')?.short_name).toBe('Dinsos');
  });

  it('opens the run and the comparison asked for; a superseded draft is not exportable', async () => {
    const { directus: client } = directus([run(3), run(5), run(7)]);
    const page = await readAllocationPage(
      client,
      user('Pimpinan'),
      allocationAccess('pimpinan'),
      new URLSearchParams('tahun=2026&alokasi=3&banding=7'),
    );
    expect(page.run?.summary.id).toBe(3);
    expect(page.compare?.summary.id).toBe(7);
    expect(page.runExportable).toBe(false);
  });

  it('ignores a comparison with itself or with a run of another year', async () => {
    const { directus: client } = directus();
    const params = new URLSearchParams('alokasi=5&banding=5');
    expect(
      (await readAllocationPage(client, user('Perencana'), allocationAccess('perencana'), params)).compare,
    ).toBeNull();
    const other = new URLSearchParams('alokasi=5&banding=99');
    expect(
      (await readAllocationPage(client, user('Perencana'), allocationAccess('perencana'), other)).compare,
    ).toBeNull();
  });

  it('shows an agency only its own part of a run and its own ceiling', async () => {
    const { directus: client } = directus();
    const page = await readAllocationPage(
      client,
      user('Perangkat daerah', 'disperkim'),
      allocationAccess('perangkat_daerah'),
      new URLSearchParams(),
    );
    expect(page.agency).toBe('disperkim');
    expect(page.run?.agencies.map((row) => row.perangkat_daerah)).toEqual(['disperkim']);
    expect(page.run?.lines.map((line) => line.perangkat_daerah)).toEqual(['disperkim']);
    expect(page.run?.totals).toEqual({ funded: 40_000_000, unfunded: 20_000_000, households_funded: null });
    expect(page.ceilings).toEqual([{ perangkat_daerah: 'disperkim', amount: 45_000_000 }]);
    expect(page.agencies.map((agency) => agency.id)).toEqual(['disperkim']);
  });

  it('reads no runs for an agency user whose account names no agency', async () => {
    const { directus: client, calls } = directus();
    const page = await readAllocationPage(
      client,
      user('Perangkat daerah'),
      allocationAccess('perangkat_daerah'),
      new URLSearchParams(),
    );
    expect(page.agencyMissing).toBe(true);
    expect(page.run).toBeNull();
    expect(calls.some((call) => call.path.startsWith('/items/allocation_runs/'))).toBe(false);
  });

  it('shows an empty year when it has no runs', async () => {
    const { directus: client } = directus([]);
    const page = await readAllocationPage(
      client,
      user('Perencana'),
      allocationAccess('perencana'),
      new URLSearchParams(),
    );
    expect(page.runs).toEqual([]);
    expect(page.run).toBeNull();
    expect(page.runExportable).toBe(false);
  });
});

describe('runAllocation', () => {
  it('posts the year and gives the new run', async () => {
    const { directus: client, calls } = fakeDirectus(() => ({ run: 12, fiscal_year: 2026, totals: {} }));
    expect(await runAllocation(client, 2026)).toEqual({ ok: true, run: 12 });
    expect(calls[0]).toMatchObject({
      path: '/siap-pd/allocations/run',
      method: 'POST',
      body: { fiscal_year: 2026, unfunded_limit: 0 },
    });
  });

  it("passes Directus's message on", async () => {
    const { directus: client } = fakeDirectus(() => {
      throw directusError(403, 'Hanya perencana dan administrator yang dapat menjalankan alokasi anggaran.');
    });
    expect(await runAllocation(client, 2026)).toMatchObject({
      ok: false,
      status: 403,
      message: 'Hanya perencana dan administrator yang dapat menjalankan alokasi anggaran.',
    });
  });
});

describe('finaliseRun', () => {
  it('patches status, decree number and date', async () => {
    const { directus: client, calls } = fakeDirectus(() => ({ id: 5 }));
    const result = await finaliseRun(client, {
      ok: true,
      run: 5,
      decree_number: '900/5/2026',
      decree_date: '2026-02-01',
    });
    expect(result).toEqual({ ok: true });
    expect(calls[0]).toEqual({
      path: '/items/allocation_runs/5',
      method: 'PATCH',
      params: {},
      body: { status: 'ditetapkan', decree_number: '900/5/2026', decree_date: '2026-02-01' },
    });
  });

  it('reports a finalised run', async () => {
    const { directus: client } = fakeDirectus(() => {
      throw directusError(
        403,
        'Alokasi ini sudah ditetapkan dan tidak dapat diubah atau dihapus; jalankan alokasi baru bila perlu.',
      );
    });
    const result = await finaliseRun(client, {
      ok: true,
      run: 3,
      decree_number: 'x',
      decree_date: '2026-02-01',
    });
    expect(result.ok ? '' : result.message).toContain('sudah ditetapkan');
  });
});

describe('saveCeiling', () => {
  const writes = (calls: FakeCall[]) =>
    calls.filter((call) => call.method !== 'GET').map((call) => [call.method, call.path, call.body]);

  it.each<[string, number | null, string, unknown[][]]>([
    [
      'updates the row that counts',
      50_000_000,
      'disperkim',
      [['PATCH', '/items/budget_ceilings/4', { amount: 50_000_000 }]],
    ],
    [
      'creates a ceiling where there is none',
      10_000_000,
      'dinsos',
      [
        [
          'POST',
          '/items/budget_ceilings',
          { fiscal_year: 2026, perangkat_daerah: 'dinsos', amount: 10_000_000 },
        ],
      ],
    ],
    [
      'removes every row of the agency and year',
      null,
      'disperkim',
      [['DELETE', '/items/budget_ceilings', [1, 4]]],
    ],
    ['does nothing to remove a ceiling that is not there', null, 'dinsos', []],
  ])('%s', async (_name, amount, agency, expected) => {
    const { directus: client, calls } = directus();
    const result = await saveCeiling(client, {
      ok: true,
      fiscal_year: 2026,
      perangkat_daerah: agency,
      amount,
    });
    expect(result).toEqual({ ok: true });
    expect(writes(calls)).toEqual(expected);
  });
});
