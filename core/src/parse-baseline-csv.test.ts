import { describe, it, expect } from 'vitest';
import { parseBaselineCsv } from './parse-baseline-csv.ts';

const HEADER = 'id_keluarga,no_kk,nik_kepala,nama_kepala,alamat,kode_desa,desil,jumlah_anggota';
const ROW_A = 'P3KE-1,6311071203150001,6311071708850001,Ahmad Yani,Jl. Mawar 1,6311072002,1,4';
const ROW_B = 'P3KE-2,6311070101160002,6311075708850002,Siti Aminah,Jl. Melati 2,63.11.07.2002,2,3';

type Expected = {
  separator?: string;
  problem?: string;
  /** [row, no_kk, nama_kepala, alamat] */
  rows?: [number, string, string, string][];
  malformed?: number[];
  overflow?: number[];
};

describe('parseBaselineCsv', () => {
  it.each<[name: string, text: string, expected: Expected]>([
    [
      'comma, LF',
      `${HEADER}\n${ROW_A}\n${ROW_B}\n`,
      {
        separator: ',',
        rows: [
          [2, '6311071203150001', 'Ahmad Yani', 'Jl. Mawar 1'],
          [3, '6311070101160002', 'Siti Aminah', 'Jl. Melati 2'],
        ],
      },
    ],
    [
      'semicolon, CRLF, BOM, no final newline',
      `\uFEFF${HEADER.replaceAll(',', ';')}\r\n${ROW_A.replaceAll(',', ';')}\r\n${ROW_B.replaceAll(',', ';')}`,
      {
        separator: ';',
        rows: [
          [2, '6311071203150001', 'Ahmad Yani', 'Jl. Mawar 1'],
          [3, '6311070101160002', 'Siti Aminah', 'Jl. Melati 2'],
        ],
      },
    ],
    [
      'quoted separators, quotes and newlines keep one spreadsheet row',
      `${HEADER}\r\nP3KE-1,6311071203150001,6311071708850001,"Yani, Ahmad","Jl. Mawar 1\r\nRT 002 ""Gang Buntu""",6311072002,1,4\r\n${ROW_B}\r\n`,
      {
        rows: [
          [2, '6311071203150001', 'Yani, Ahmad', 'Jl. Mawar 1\r\nRT 002 "Gang Buntu"'],
          [3, '6311070101160002', 'Siti Aminah', 'Jl. Melati 2'],
        ],
      },
    ],
    [
      'blank rows are skipped but keep their numbers',
      `${HEADER}\n${ROW_A}\n\n,,,,,,,\n${ROW_B}\n\n`,
      {
        rows: [
          [2, '6311071203150001', 'Ahmad Yani', 'Jl. Mawar 1'],
          [5, '6311070101160002', 'Siti Aminah', 'Jl. Melati 2'],
        ],
      },
    ],
    [
      'columns in another order, extra columns and Excel text form',
      `telepon;JUMLAH ANGGOTA;Kode Desa;Alamat;Nama Kepala;NIK Kepala;No. KK\n0812;4;6311072002;Jl. Mawar 1;Ahmad Yani;="6311071708850001";="6311071203150001"\n`,
      { separator: ';', rows: [[2, '6311071203150001', 'Ahmad Yani', 'Jl. Mawar 1']] },
    ],
    [
      'a stray quote inside an unquoted value does not swallow the next rows',
      `${HEADER}\nP3KE-1,6311071203150001,6311071708850001,Ahmad Yani,Jl. Mawar 5",6311072002,1,4\n${ROW_B}\n`,
      {
        rows: [
          [2, '6311071203150001', 'Ahmad Yani', 'Jl. Mawar 5"'],
          [3, '6311070101160002', 'Siti Aminah', 'Jl. Melati 2'],
        ],
      },
    ],
    [
      'an unquoted separator inside a value overflows the header',
      `${HEADER}\nP3KE-1,6311071203150001,6311071708850001,Ahmad Yani,Jl. Mawar, RT 2,6311072002,1,4\n`,
      { overflow: [2] },
    ],
    [
      'an unclosed quote at the end is malformed',
      `${HEADER}\n${ROW_A}\nP3KE-2,6311070101160002,6311075708850002,"Siti Aminah,Jl. Melati 2,6311072002,2,3\n`,
      { malformed: [3] },
    ],
    [
      'old Mac line ends (CR only)',
      `${HEADER.replaceAll(',', ';')}\r${ROW_A.replaceAll(',', ';')}\r${ROW_B.replaceAll(',', ';')}\r`,
      {
        separator: ';',
        rows: [
          [2, '6311071203150001', 'Ahmad Yani', 'Jl. Mawar 1'],
          [3, '6311070101160002', 'Siti Aminah', 'Jl. Melati 2'],
        ],
      },
    ],
    ['empty text', '', { problem: 'empty_file' }],
    ['only a BOM and newlines', '\uFEFF\r\n\r\n', { problem: 'empty_file' }],
    ['header only', `${HEADER}\r\n`, { problem: 'no_data' }],
    [
      'required columns missing',
      'no_kk;nama;desa\n6311071203150001;Ahmad;Batu Piring\n',
      { problem: 'missing_columns' },
    ],
    ['a column twice', `no_kk,${HEADER}\n6311071203150001,${ROW_A}\n`, { problem: 'duplicate_columns' }],
    ['an Excel workbook', 'PK\u0003\u0004\u0014\u0000\u0006\u0000', { problem: 'not_csv' }],
  ])('%s', (_name, text, expected) => {
    const parsed = parseBaselineCsv(text);
    if (expected.separator !== undefined) expect(parsed.header?.separator).toBe(expected.separator);
    expect(parsed.problem?.code ?? null).toBe(expected.problem ?? null);
    if (expected.rows !== undefined) {
      expect(
        parsed.records.map((r) => [r.row, r.values.no_kk, r.values.nama_kepala, r.values.alamat]),
      ).toEqual(expected.rows);
    }
    if (expected.malformed !== undefined) {
      expect(parsed.records.filter((r) => r.malformed).map((r) => r.row)).toEqual(expected.malformed);
    }
    if (expected.overflow !== undefined) {
      expect(parsed.records.filter((r) => r.overflow.length > 0).map((r) => r.row)).toEqual(
        expected.overflow,
      );
    }
  });

  it('keeps only the first records with a limit', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ROW_A.replace('P3KE-1', `P3KE-${i}`));
    const parsed = parseBaselineCsv(`${HEADER}\n${rows.join('\n')}\n`, { limit: 20 });
    expect(parsed.records).toHaveLength(20);
    expect(parsed.records[19]?.row).toBe(21);
  });
});
