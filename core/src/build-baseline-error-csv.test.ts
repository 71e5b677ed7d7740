import { describe, it, expect } from 'vitest';
import { buildBaselineErrorCsv } from './build-baseline-error-csv.ts';
import { parseBaselineCsv } from './parse-baseline-csv.ts';
import type { RejectedBaselineRow } from './build-baseline-error-csv.ts';

const HEADER = ['no_kk', 'nik_kepala', 'nama_kepala', 'alamat', 'kode_desa', 'jumlah_anggota'];

describe('buildBaselineErrorCsv', () => {
  it.each<[name: string, rejected: RejectedBaselineRow[], lines: string[]]>([
    [
      'no rejected rows: the header only',
      [],
      ['no_kk;nik_kepala;nama_kepala;alamat;kode_desa;jumlah_anggota;keterangan'],
    ],
    [
      'rows in file order, with the file cells and the message',
      [
        {
          row: 9,
          message: 'Baris 9, kolom jumlah_anggota ("0"): minimal 1.',
          cells: ['6311071203150001', '6311071708850001', 'Ahmad', 'Jl. A; RT 1', '6311072002', '0'],
        },
        {
          row: 3,
          message: 'Baris 3, kolom no_kk ("6.3110E+15"): angka ilmiah.',
          cells: ['6.3110E+15', '6311075708850002', 'Siti', '', '6311072002'],
        },
      ],
      [
        'no_kk;nik_kepala;nama_kepala;alamat;kode_desa;jumlah_anggota;keterangan',
        '6.3110E+15;"=""6311075708850002""";Siti;;6311072002;;"Baris 3, kolom no_kk (""6.3110E+15""): angka ilmiah."',
        '"=""6311071203150001""";"=""6311071708850001""";Ahmad;"Jl. A; RT 1";6311072002;0;"Baris 9, kolom jumlah_anggota (""0""): minimal 1."',
      ],
    ],
  ])('%s', (_name, rejected, lines) => {
    expect(buildBaselineErrorCsv(HEADER, rejected)).toBe(`\uFEFF${lines.join('\r\n')}\r\n`);
  });

  it('can be read back by the baseline reader with all 16 digits', () => {
    const csv = buildBaselineErrorCsv(HEADER, [
      {
        row: 4,
        message: 'x',
        cells: ['6311071203150001', '6311071708850001', 'Ahmad', 'Jl. A', '6311072002', '0'],
      },
    ]);
    const parsed = parseBaselineCsv(csv);
    expect(parsed.problem).toBeNull();
    expect(parsed.header?.map.extra).toEqual(['keterangan']);
    expect(parsed.records[0]?.values).toMatchObject({
      no_kk: '6311071203150001',
      nik_kepala: '6311071708850001',
    });
  });
});
