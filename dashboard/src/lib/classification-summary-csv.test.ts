import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  buildClassificationSummaryCsv,
  CLASSIFICATION_SUMMARY_CSV_FILE,
} from './classification-summary-csv.ts';
import { buildClassificationSummary } from './classification-summary.ts';
import { buildCsv, CSV_BOM } from './csv.ts';

describe('buildClassificationSummaryCsv', () => {
  const summary = buildClassificationSummary(
    [
      { kecamatan: '63.11.01', classification: 'ekstrem', count: '1234' },
      { kecamatan: '63.11.07', classification: 'miskin', count: 7 },
      { kecamatan: null, classification: null, count: 2 },
    ],
    [
      { code: '63.11.01', name: 'Juai' },
      { code: '63.11.07', name: 'Paringin; Selatan' },
    ],
  );
  const csv = buildClassificationSummaryCsv(summary);

  it('starts with a BOM and separates cells with semicolons', () => {
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(
      `${CSV_BOM}Kode kecamatan;Kecamatan;Miskin ekstrem;Miskin;Tidak miskin;Tidak dapat diklasifikasi;Belum diklasifikasi;Jumlah`,
    );
  });

  it('has one line per kecamatan and a totals line, with plain numbers and quoted semicolons', () => {
    expect(csv.slice(CSV_BOM.length).split('\r\n')).toEqual([
      'Kode kecamatan;Kecamatan;Miskin ekstrem;Miskin;Tidak miskin;Tidak dapat diklasifikasi;Belum diklasifikasi;Jumlah',
      '63.11.01;Juai;1234;0;0;0;0;1234',
      '63.11.07;"Paringin; Selatan";0;7;0;0;0;7',
      ';Tanpa kecamatan;0;0;0;0;2;2',
      ';Jumlah;1234;7;0;0;2;1243',
      '',
    ]);
  });

  it('reads back to the same table', () => {
    const parsed = Papa.parse<string[]>(csv.slice(CSV_BOM.length), { delimiter: ';', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[2]).toEqual(['63.11.07', 'Paringin; Selatan', '0', '7', '0', '0', '0', '7']);
  });

  it('is named ringkasan-klasifikasi.csv', () => {
    expect(CLASSIFICATION_SUMMARY_CSV_FILE).toBe('ringkasan-klasifikasi.csv');
  });
});

describe('buildCsv', () => {
  it.each([
    ['a formula', '=SUM(A1)', '"\'=SUM(A1)"'],
    ['a quote', 'Desa "Baru"', '"Desa ""Baru"""'],
    ['null', null, ''],
    ['a number', 1234, '1234'],
    ['a NIK-like text', '6311070101010001', '6311070101010001'],
  ])('writes %s safely', (_name, cell, expected) => {
    expect(buildCsv(['a'], [[cell]])).toBe(`${CSV_BOM}a\r\n${expected}\r\n`);
  });
});
