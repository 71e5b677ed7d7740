import { describe, it, expect } from 'vitest';
import { validateBaselineRow } from './validate-baseline-row.ts';
import type { BaselineValidationContext } from './validate-baseline-row.ts';
import type { BaselineColumn, BaselineRecord, DesaRef } from './types.ts';

const DESA: DesaRef[] = [
  { code: '63.11.07.2002', name: 'Batu Piring', kecamatan: '63.11.07' },
  { code: '63.11.07.1001', name: 'Paringin Timur', kecamatan: '63.11.07' },
  { code: '63.11.01.2001', name: 'Muara Ninian', kecamatan: '63.11.01' },
];
const CONTEXT: BaselineValidationContext = {
  desa: new Map(DESA.map((d) => [d.code, d])),
  regionPrefix: '6311',
};

const GOOD: Record<BaselineColumn, string> = {
  id_keluarga: 'P3KE-0001',
  no_kk: '6311071203150001',
  nik_kepala: '6311071708850001',
  nama_kepala: 'Ahmad  Yani',
  alamat: 'Jl. Mawar 1 RT 002',
  kode_desa: '6311072002',
  desil: '1',
  jumlah_anggota: '4',
};

function record(
  changes: Partial<Record<BaselineColumn, string>>,
  extra: Partial<BaselineRecord> = {},
): BaselineRecord {
  const values = { ...GOOD, ...changes };
  return { row: 7, values, cells: Object.values(values), overflow: [], malformed: false, ...extra };
}

type Row = [
  name: string,
  record: BaselineRecord,
  errors: [field: BaselineColumn | null, code: string][],
  warnings: [field: BaselineColumn, code: string][],
];

describe('validateBaselineRow', () => {
  it.each<Row>([
    ['a good row', record({}), [], []],
    ['desa code with dots', record({ kode_desa: '63.11.07.2002' }), [], []],
    ['a kelurahan', record({ kode_desa: '63.11.07.1001' }), [], []],
    ['optional id and desil empty', record({ id_keluarga: '', desil: '' }), [], []],
    ['woman head (day + 40)', record({ nik_kepala: '6311075708850002' }), [], []],
    [
      'NIK registered outside the kabupaten is a warning',
      record({ nik_kepala: '6302071708850001' }),
      [],
      [['nik_kepala', 'outside_region']],
    ],
    ['No. KK of another kabupaten is not even a warning', record({ no_kk: '6302071203150001' }), [], []],
    [
      'NIK ending in 0000 is a warning',
      record({ nik_kepala: '6311071708850000' }),
      [],
      [['nik_kepala', 'ends_with_0000']],
    ],
    ['empty address is a warning', record({ alamat: '' }), [], [['alamat', 'empty_address']]],
    [
      'No. KK in scientific notation',
      record({ no_kk: '6.31107E+15' }),
      [['no_kk', 'scientific_notation']],
      [],
    ],
    [
      'NIK in scientific notation',
      record({ nik_kepala: '6.3110E+15' }),
      [['nik_kepala', 'scientific_notation']],
      [],
    ],
    [
      '15-digit NIK (truncated)',
      record({ nik_kepala: '631107170885000' }),
      [['nik_kepala', 'wrong_length']],
      [],
    ],
    ['17-digit No. KK', record({ no_kk: '63110712031500011' }), [['no_kk', 'wrong_length']], []],
    [
      'NIK with an impossible date part',
      record({ nik_kepala: '6311073213850001' }),
      [['nik_kepala', 'impossible_date']],
      [],
    ],
    [
      'No. KK with day + 40 is impossible (issue date)',
      record({ no_kk: '6311075203150001' }),
      [['no_kk', 'impossible_date']],
      [],
    ],
    ['NIK with letters', record({ nik_kepala: '6311O71708850001' }), [['nik_kepala', 'not_digits']], []],
    ['No. KK missing', record({ no_kk: '' }), [['no_kk', 'required']], []],
    ['NIK missing', record({ nik_kepala: '' }), [['nik_kepala', 'required']], []],
    [
      'NIK equal to the No. KK',
      record({ nik_kepala: '6311071203150001' }),
      [['nik_kepala', 'nik_equals_no_kk']],
      [],
    ],
    ['name missing', record({ nama_kepala: '  ' }), [['nama_kepala', 'required']], []],
    ['name without letters', record({ nama_kepala: '12345' }), [['nama_kepala', 'not_a_name']], []],
    ['unknown desa code', record({ kode_desa: '6311072001' }), [['kode_desa', 'unknown_desa']], []],
    [
      'desa of another kabupaten',
      record({ kode_desa: '63.10.01.2001' }),
      [['kode_desa', 'unknown_desa']],
      [],
    ],
    [
      'desa by name is never matched',
      record({ kode_desa: 'Batu Piring' }),
      [['kode_desa', 'desa_by_name']],
      [],
    ],
    [
      'desa code in scientific notation',
      record({ kode_desa: '6.31107E+09' }),
      [['kode_desa', 'invalid_desa_code']],
      [],
    ],
    ['desa code too short', record({ kode_desa: '631107200' }), [['kode_desa', 'invalid_desa_code']], []],
    ['desa missing', record({ kode_desa: '' }), [['kode_desa', 'required']], []],
    ['desil 11', record({ desil: '11' }), [['desil', 'invalid_decile']], []],
    ['desil 0', record({ desil: '0' }), [['desil', 'invalid_decile']], []],
    ['desil with decimals', record({ desil: '2.5' }), [['desil', 'invalid_decile']], []],
    ['jumlah_anggota 0', record({ jumlah_anggota: '0' }), [['jumlah_anggota', 'below_one']], []],
    ['jumlah_anggota negative', record({ jumlah_anggota: '-2' }), [['jumlah_anggota', 'not_a_count']], []],
    ['jumlah_anggota text', record({ jumlah_anggota: 'empat' }), [['jumlah_anggota', 'not_a_count']], []],
    [
      'jumlah_anggota implausible',
      record({ jumlah_anggota: '400' }),
      [['jumlah_anggota', 'implausible_count']],
      [],
    ],
    ['jumlah_anggota missing', record({ jumlah_anggota: '' }), [['jumlah_anggota', 'required']], []],
    [
      'id_keluarga in scientific notation',
      record({ id_keluarga: '3.2E+11' }),
      [['id_keluarga', 'scientific_notation']],
      [],
    ],
    [
      'several problems in one row',
      record({ no_kk: '6.3110E+15', desil: '11', jumlah_anggota: '0' }),
      [
        ['no_kk', 'scientific_notation'],
        ['desil', 'invalid_decile'],
        ['jumlah_anggota', 'below_one'],
      ],
      [],
    ],
    ['unbalanced quotes', record({}, { malformed: true }), [[null, 'unbalanced_quotes']], []],
    ['more cells than the header', record({}, { overflow: ['RT 2'] }), [[null, 'too_many_cells']], []],
  ])('%s', (_name, input, errors, warnings) => {
    const check = validateBaselineRow(input, CONTEXT);
    expect(check.errors.map((e) => [e.field, e.code])).toEqual(errors);
    expect(check.warnings.map((w) => [w.field, w.code])).toEqual(warnings);
    expect(check.row === null).toBe(errors.length > 0);
    for (const issue of [...check.errors, ...check.warnings]) {
      expect(issue.row).toBe(7);
      expect(issue.message).toMatch(/^Baris 7/);
      if (issue.field !== null) expect(issue.message).toContain(`kolom ${issue.field}`);
    }
  });

  it('gives the row in households terms', () => {
    expect(
      validateBaselineRow(record({ kode_desa: '63.11.07.2002', nik_kepala: '6311075708850002' }), CONTEXT)
        .row,
    ).toEqual({
      row: 7,
      list_id: 'P3KE-0001',
      no_kk: '6311071203150001',
      head_nik: '6311075708850002',
      head_name: 'Ahmad Yani',
      address: 'Jl. Mawar 1 RT 002',
      desa: '63.11.07.2002',
      kecamatan: '63.11.07',
      decile: 1,
      member_count: 4,
      head_sex: 'P',
    });
  });

  it('names the value and, for a desa name, the codes of desa with that name', () => {
    const check = validateBaselineRow(record({ kode_desa: 'Desa Batu Piring' }), CONTEXT);
    expect(check.errors[0]?.message).toContain('("Desa Batu Piring")');
    expect(check.errors[0]?.message).toContain('63.11.07.2002');
    const nik = validateBaselineRow(record({ nik_kepala: '6.3110E+15' }), CONTEXT);
    expect(nik.errors[0]?.message).toContain('Baris 7, kolom nik_kepala ("6.3110E+15")');
    expect(nik.errors[0]?.message).toMatch(/Ketik ulang/);
  });
});
