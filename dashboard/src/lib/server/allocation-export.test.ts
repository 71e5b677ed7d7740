import { describe, expect, it } from 'vitest';
import { readAllocationExport } from './allocation-export.ts';
import { directusError, fakeDirectus } from './fake-directus.ts';

const REQUEST = { year: 2026, run: 12, kind: 'baris', format: 'csv', agency: 'disperkim' } as const;

describe('readAllocationExport', () => {
  it("passes Directus's file through with its name and total", async () => {
    const { directus, calls } = fakeDirectus(
      () =>
        new Response('\uFEFFKode;Pagu (Rp)\r\n', {
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': 'attachment; filename="sipd-2026-disperkim-baris-alokasi-12.csv"',
            'x-siap-total-pagu': '40000000',
          },
        }),
    );
    const file = await readAllocationExport(directus, REQUEST);
    expect(calls[0]).toMatchObject({
      path: '/siap-pd/allocations/export',
      params: { fiscal_year: '2026', run: '12', perangkat_daerah: 'disperkim', kind: 'lines', format: 'csv' },
    });
    if (!file.ok) throw new Error(file.message);
    expect(file.fileName).toBe('sipd-2026-disperkim-baris-alokasi-12.csv');
    expect(file.totalPagu).toBe('40000000');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.body)).toBe('\uFEFFKode;Pagu (Rp)\r\n');
  });

  it('gives the refusal (e.g. an operator) and refuses a non-file answer', async () => {
    const refused = fakeDirectus(() => {
      throw directusError(
        403,
        'Ekspor SIPD hanya untuk perencana, pimpinan, perangkat daerah, dan administrator.',
      );
    });
    expect(await readAllocationExport(refused.directus, REQUEST)).toMatchObject({ ok: false, status: 403 });
    const json = fakeDirectus(() => ({ data: [] }));
    expect(await readAllocationExport(json.directus, REQUEST)).toMatchObject({ ok: false, status: 502 });
  });
});
