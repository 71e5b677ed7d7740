import { describe, expect, it } from 'vitest';
import { importTaggedBudget, readEffectivenessPage } from './effectiveness-page.ts';
import { directusError, fakeDirectus } from './fake-directus.ts';
import type { FakeCall } from './fake-directus.ts';

const REPORT = {
  fiscal_year: 2025,
  totals: { tagged_amount: 10, linked_amount: 5, share_linked: 0.5 },
  sub_kegiatan: [],
  untagged_with_needs: [],
};

function directus(effectiveness: (call: FakeCall) => unknown) {
  return fakeDirectus((call) => {
    if (call.path === '/items/planning_settings') return { active_fiscal_year: 2026 };
    if (call.path === '/items/perangkat_daerah' || call.path === '/items/sub_kegiatan') return [];
    if (call.path === '/siap-pd/effectiveness') return effectiveness(call);
    throw new Error(`unexpected ${call.path}`);
  });
}

describe('readEffectivenessPage', () => {
  it.each([
    ['', 2026],
    ['tahun=2025', 2025],
    ['tahun=x', 2026],
  ])('asks the report of %j for %i', async (query, year) => {
    const { directus: client, calls } = directus(() => REPORT);
    const page = await readEffectivenessPage(client, new URLSearchParams(query));
    expect(page.year).toBe(year);
    expect(calls.find((call) => call.path === '/siap-pd/effectiveness')?.params).toEqual({
      fiscal_year: year,
    });
    expect(page.report).toMatchObject({ totals: { share_linked: 0.5 } });
  });

  it('shows the refusal of a role that may not read it', async () => {
    const { directus: client } = directus(() => {
      throw directusError(403, 'Laporan efektivitas hanya untuk perencana, pimpinan, dan administrator.');
    });
    const page = await readEffectivenessPage(client, new URLSearchParams());
    expect(page.report).toMatchObject({
      ok: false,
      message: 'Laporan efektivitas hanya untuk perencana, pimpinan, dan administrator.',
    });
  });
});

describe('importTaggedBudget', () => {
  it('posts the CSV as JSON with the year and file name', async () => {
    const { directus: client, calls } = fakeDirectus(() => ({
      fiscal_year: 2026,
      counts: { inserted: 2, replaced: 0, rejected: 0, warnings: 0, total_amount: 30 },
      rejected: [],
      warnings: [],
    }));
    const result = await importTaggedBudget(client, { year: 2026, csv: 'a;b', fileName: 'anggaran.csv' });
    expect(result).toMatchObject({ inserted: 2, total_amount: 30 });
    expect(calls[0]).toEqual({
      path: '/siap-pd/tagged-budget/import',
      method: 'POST',
      params: { fiscal_year: 2026, file_name: 'anggaran.csv' },
      body: { csv: 'a;b' },
    });
  });

  it('gives the refused rows of a file that has none to import', async () => {
    const { directus: client } = fakeDirectus(() => {
      throw directusError(400, 'Tidak ada baris yang dapat diimpor; periksa kolom dan isinya.', {
        code: 'INVALID_PAYLOAD',
        rejected: [{ row: 1, field: 'anggaran', message: 'Kolom anggaran tidak ada.' }],
      });
    });
    const result = await importTaggedBudget(client, { year: 2026, csv: 'x', fileName: null });
    expect(result).toMatchObject({
      ok: false,
      status: 400,
      message: 'Tidak ada baris yang dapat diimpor; periksa kolom dan isinya.',
      problems: [{ row: 1, field: 'anggaran', message: 'Kolom anggaran tidak ada.' }],
    });
  });
});
