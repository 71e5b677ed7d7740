import { describe, expect, it } from 'vitest';
import { directusError, fakeDirectus } from './fake-directus.ts';
import type { FakeCall } from './fake-directus.ts';
import { previewAllocation, readWhatIfPage } from './what-if-page.ts';

const PREVIEW = {
  fiscal_year: 2026,
  totals: { funded: 60_000_000, unfunded: 0, households_funded: 3 },
  agencies: [{ perangkat_daerah: 'dinkes', ceiling: null, reserved: 0, funded: 0, unfunded: 0 }],
  lines: [],
  missing_unit_cost: [],
  skipped: null,
  counts: { interventions: 3 },
};

function directus(
  settings: Record<string, unknown> = { active_fiscal_year: 2026, survey_round: 2025, region_code: '63.11' },
) {
  return fakeDirectus((call: FakeCall) => {
    switch (call.path) {
      case '/items/planning_settings':
        return settings;
      case '/items/perangkat_daerah':
        return [
          { id: 'disperkim', name: 'Dinas Perumahan', short_name: 'Disperkim' },
          { id: 'disdik', name: 'Dinas Pendidikan', short_name: 'Disdik' },
          { id: 'dinkes', name: 'Dinas Kesehatan', short_name: 'Dinkes' },
          { id: 'dinsos', name: 'Dinas Sosial', short_name: 'Dinsos' },
        ];
      case '/items/sub_kegiatan':
        return [
          {
            code: '1.04.03.2.03.0002',
            name: 'RTLH',
            unit: 'unit',
            perangkat_daerah: 'disperkim',
            unit_cost: 20_000_000,
            active: true,
          },
          {
            code: '1.01.02.2.01.0003',
            name: 'Beasiswa',
            unit: null,
            perangkat_daerah: 'disdik',
            unit_cost: null,
            active: true,
          },
          {
            code: '1.04.02.2.03.0001',
            name: 'Tidak dipakai',
            unit: null,
            perangkat_daerah: 'disperkim',
            unit_cost: 1,
            active: true,
          },
          {
            code: '1.02.02.2.02.0026',
            name: 'Nonaktif',
            unit: null,
            perangkat_daerah: 'dinkes',
            unit_cost: 1,
            active: false,
          },
        ];
      case '/items/poverty_lines':
        return [
          { year: 2023, region: '63.11', poverty_line: 480_000, extreme_poverty_line: 350_000 },
          { year: 2025, region: '63.11', poverty_line: '544169', extreme_poverty_line: 391_000 },
          { year: 2025, region: '63.12', poverty_line: 1, extreme_poverty_line: 1 },
          { year: 2027, region: '63.11', poverty_line: 600_000, extreme_poverty_line: 420_000 },
        ];
      case '/items/indicators':
        return [
          { sub_kegiatan: '1.04.03.2.03.0002' },
          { sub_kegiatan: '1.01.02.2.01.0003' },
          { sub_kegiatan: '1.02.02.2.02.0026' },
        ];
      case '/items/budget_ceilings':
        return [{ id: 2, perangkat_daerah: 'dinsos', amount: 10_000_000 }];
      case '/siap-pd/allocations/preview':
        return PREVIEW;
      default:
        throw new Error(`unexpected ${call.path}`);
    }
  });
}

describe('readWhatIfPage', () => {
  it('starts from the survey round line of the region, the ceilings and the unit costs in use', async () => {
    const { directus: client, calls } = directus();
    const page = await readWhatIfPage(client);
    expect(page.defaults).toEqual({
      fiscal_year: 2026,
      poverty_line: 544_169,
      extreme_poverty_line: 391_000,
      poverty_line_year: 2025,
      ceilings: { dinsos: 10_000_000 },
      unit_costs: [
        {
          code: '1.01.02.2.01.0003',
          name: 'Beasiswa',
          perangkat_daerah: 'disdik',
          unit: null,
          unit_cost: null,
        },
        {
          code: '1.04.03.2.03.0002',
          name: 'RTLH',
          perangkat_daerah: 'disperkim',
          unit: 'unit',
          unit_cost: 20_000_000,
        },
      ],
    });
    expect(page.agencies.map((agency) => agency.short_name)).toEqual([
      'Dinkes',
      'Dinsos',
      'Disdik',
      'Disperkim',
    ]);
    expect(page.baseline).toMatchObject({ totals: { households_funded: 3 } });
    expect(calls.find((call) => call.path === '/siap-pd/allocations/preview')?.body).toEqual({
      fiscal_year: 2026,
      unfunded_limit: 0,
    });
  });

  it('falls back to the latest earlier line', async () => {
    const { directus: client } = directus({
      active_fiscal_year: 2026,
      survey_round: 2024,
      region_code: '63.11',
    });
    const page = await readWhatIfPage(client);
    expect(page.defaults).toMatchObject({
      poverty_line: 480_000,
      extreme_poverty_line: 350_000,
      poverty_line_year: 2023,
    });
  });

  it('cannot simulate without an active fiscal year', async () => {
    const { directus: client, calls } = directus({ survey_round: 2025, region_code: '63.11' });
    const page = await readWhatIfPage(client);
    expect(page.defaults).toBeNull();
    expect(page.baseline).toBeNull();
    expect(calls.some((call) => call.path === '/siap-pd/allocations/preview')).toBe(false);
  });
});

describe('previewAllocation', () => {
  it('sends the overrides and reads the answer', async () => {
    const { directus: client, calls } = fakeDirectus(() => PREVIEW);
    const result = await previewAllocation(client, {
      fiscal_year: 2026,
      overrides: { poverty_line: 600_000 },
    });
    expect(result).toMatchObject({ totals: { funded: 60_000_000 } });
    expect(calls[0]?.body).toEqual({
      fiscal_year: 2026,
      overrides: { poverty_line: 600_000 },
      unfunded_limit: 0,
    });
  });

  it('passes a refusal on, and reports an answer it cannot read', async () => {
    const refused = fakeDirectus(() => {
      throw directusError(400, 'Garis kemiskinan ekstrem tidak boleh lebih tinggi dari garis kemiskinan.');
    });
    expect(await previewAllocation(refused.directus, { fiscal_year: 2026 })).toMatchObject({
      ok: false,
      status: 400,
    });
    const garbled = fakeDirectus(() => 'teks');
    expect(await previewAllocation(garbled.directus, { fiscal_year: 2026 })).toMatchObject({
      ok: false,
      status: 502,
    });
  });
});
