import { describe, it, expect } from 'vitest';
import { mapBaselineColumns } from './map-baseline-columns.ts';
import type { BaselineColumn } from './types.ts';

const ALL = [
  'id_keluarga',
  'no_kk',
  'nik_kepala',
  'nama_kepala',
  'alamat',
  'kode_desa',
  'desil',
  'jumlah_anggota',
];

type Row = [
  name: string,
  headers: string[],
  columns: (BaselineColumn | null)[],
  missing: BaselineColumn[],
  extra: string[],
  duplicates: BaselineColumn[],
];

describe('mapBaselineColumns', () => {
  it.each<Row>([
    ['the documented header', ALL, ALL as BaselineColumn[], [], [], []],
    [
      'case, spaces, dots and underscores do not matter',
      [
        'ID Keluarga',
        'No. KK',
        'NIK_KEPALA',
        ' nama  kepala ',
        'Alamat',
        'kode-desa',
        'DESIL',
        'Jumlah__Anggota',
      ],
      ALL as BaselineColumn[],
      [],
      [],
      [],
    ],
    [
      'BOM left on the first cell and quotes',
      ['\uFEFFno_kk', '"nik_kepala"', 'nama_kepala', 'alamat', 'kode_desa', 'jumlah_anggota'],
      ['no_kk', 'nik_kepala', 'nama_kepala', 'alamat', 'kode_desa', 'jumlah_anggota'],
      [],
      [],
      [],
    ],
    [
      'export spellings are aliases',
      ['Nomor KK', 'NIK Kepala Keluarga', 'Nama Kepala Keluarga', 'alamat', 'kode desa', 'jumlah ART'],
      ['no_kk', 'nik_kepala', 'nama_kepala', 'alamat', 'kode_desa', 'jumlah_anggota'],
      [],
      [],
      [],
    ],
    [
      'optional columns may be absent; extra columns are reported and ignored',
      ['no_kk', 'nik_kepala', 'nama_kepala', 'alamat', 'kode_desa', 'jumlah_anggota', 'telepon', ''],
      ['no_kk', 'nik_kepala', 'nama_kepala', 'alamat', 'kode_desa', 'jumlah_anggota', null, null],
      [],
      ['telepon'],
      [],
    ],
    [
      'missing required columns',
      ['no_kk', 'nama_kepala', 'desa'],
      ['no_kk', 'nama_kepala', null],
      ['nik_kepala', 'alamat', 'kode_desa', 'jumlah_anggota'],
      ['desa'],
      [],
    ],
    [
      'a column named twice',
      ['no_kk', 'No KK', 'nik_kepala', 'nama_kepala', 'alamat', 'kode_desa', 'jumlah_anggota'],
      ['no_kk', 'no_kk', 'nik_kepala', 'nama_kepala', 'alamat', 'kode_desa', 'jumlah_anggota'],
      [],
      [],
      ['no_kk'],
    ],
  ])('%s', (_name, headers, columns, missing, extra, duplicates) => {
    const map = mapBaselineColumns(headers);
    expect(map.columns).toEqual(columns);
    expect(map.missing).toEqual(missing);
    expect(map.extra).toEqual(extra);
    expect(map.duplicates).toEqual(duplicates);
  });
});
