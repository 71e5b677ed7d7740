import { describe, expect, it } from 'vitest';
import {
  exportEndpointParams,
  exportFileName,
  exportSearch,
  readCeilingForm,
  readDecreeForm,
  readExportRequest,
  readId,
  readYear,
} from './allocation-forms.ts';
import type { ExportRequest } from './allocation-forms.ts';

function form(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(fields);
}

describe('readId and readYear', () => {
  it.each([
    ['12', 12],
    [' 7 ', 7],
    ['0', null],
    ['-3', null],
    ['1.5', null],
    ['', null],
    [null, null],
  ])('readId(%j) -> %j', (text, id) => {
    expect(readId(text)).toBe(id);
  });

  it.each([
    ['2026', 2026],
    ['26', null],
    ['20266', null],
    [null, null],
  ])('readYear(%j) -> %j', (text, year) => {
    expect(readYear(text)).toBe(year);
  });
});

describe('readDecreeForm', () => {
  it('reads run, number and date', () => {
    expect(
      readDecreeForm(form({ run: '12', decree_number: ' 900/12/2026 ', decree_date: '2026-01-15' })),
    ).toEqual({
      ok: true,
      run: 12,
      decree_number: '900/12/2026',
      decree_date: '2026-01-15',
    });
  });

  it.each([
    [{ decree_number: 'x', decree_date: '2026-01-15' }, 'run'],
    [{ run: '12', decree_date: '2026-01-15' }, 'decree_number'],
    [{ run: '12', decree_number: 'x'.repeat(256), decree_date: '2026-01-15' }, 'decree_number'],
    [{ run: '12', decree_number: 'x' }, 'decree_date'],
    [{ run: '12', decree_number: 'x', decree_date: '2026-02-30' }, 'decree_date'],
    [{ run: '12', decree_number: 'x', decree_date: '15/01/2026' }, 'decree_date'],
  ])('refuses %j at %s', (fields, field) => {
    const result = readDecreeForm(form(fields));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.field).toBe(field);
      expect(result.message).not.toBe('');
    }
  });
});

describe('readCeilingForm', () => {
  const agencies = ['disperkim', 'dinsos'];

  it.each([
    [{ fiscal_year: '2026', perangkat_daerah: 'disperkim', amount: 'Rp 45.000.000' }, 45_000_000],
    [{ fiscal_year: '2026', perangkat_daerah: 'dinsos', amount: '' }, null],
  ])('reads %j', (fields, amount) => {
    expect(readCeilingForm(form(fields), agencies)).toEqual({
      ok: true,
      fiscal_year: 2026,
      perangkat_daerah: fields.perangkat_daerah,
      amount,
    });
  });

  it.each([
    [
      { fiscal_year: 'x', perangkat_daerah: 'dinsos', amount: '1' },
      'fiscal_year',
      'Tahun anggaran tidak valid.',
    ],
    [
      { fiscal_year: '2026', perangkat_daerah: 'lain', amount: '1' },
      'perangkat_daerah',
      'Pilih perangkat daerah dari daftar.',
    ],
    [
      { fiscal_year: '2026', perangkat_daerah: 'dinsos', amount: '-1' },
      'amount',
      'Pagu tidak boleh negatif.',
    ],
  ])('refuses %j', (fields, field, message) => {
    expect(readCeilingForm(form(fields), agencies)).toEqual({ ok: false, field, message });
  });
});

describe('export requests', () => {
  it('reads a download link and writes it back', () => {
    const params = new URLSearchParams(
      'tahun=2026&alokasi=12&jenis=penerima&format=xlsx&perangkat=disperkim',
    );
    const parsed = readExportRequest(params);
    expect(parsed).toEqual({
      ok: true,
      request: { year: 2026, run: 12, kind: 'penerima', format: 'xlsx', agency: 'disperkim' },
    });
    if (!parsed.ok) throw new Error('refused');
    expect(exportSearch(parsed.request)).toBe(
      '?tahun=2026&alokasi=12&jenis=penerima&format=xlsx&perangkat=disperkim',
    );
    expect(exportEndpointParams(parsed.request)).toEqual({
      fiscal_year: '2026',
      run: '12',
      format: 'xlsx',
      kind: 'beneficiaries',
      perangkat_daerah: 'disperkim',
    });
  });

  it('defaults to the SIPD lines as CSV of every agency', () => {
    const parsed = readExportRequest(new URLSearchParams(''));
    expect(parsed).toEqual({
      ok: true,
      request: { year: null, run: null, kind: 'baris', format: 'csv', agency: null },
    });
    if (parsed.ok) expect(exportEndpointParams(parsed.request)).toEqual({ format: 'csv', kind: 'lines' });
  });

  it.each([
    ['tahun=26', 'tahun'],
    ['alokasi=x', 'alokasi'],
    ['jenis=semua', 'jenis'],
    ['format=pdf', 'format'],
  ])('refuses %s', (query, field) => {
    const parsed = readExportRequest(new URLSearchParams(query));
    expect(parsed.ok ? null : parsed.field).toBe(field);
  });

  const request: ExportRequest = { year: 2026, run: 3, kind: 'baris', format: 'csv', agency: null };

  it.each([
    ['attachment; filename="sipd-2026-semua-baris-alokasi-3.csv"', 'sipd-2026-semua-baris-alokasi-3.csv'],
    ['attachment; filename="../../etc/passwd"', 'sipd-2026-semua-baris-alokasi-3.csv'],
    [null, 'sipd-2026-semua-baris-alokasi-3.csv'],
  ])('names the file from %j', (header, name) => {
    expect(exportFileName(header, request)).toBe(name);
  });
});
