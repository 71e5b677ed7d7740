import { describe, it, expect } from 'vitest';
import { buildBeneficiaryRows } from './build-beneficiary-rows.ts';
import type { Beneficiary } from './allocation-types.ts';

const RTLH = '1.04.03.2.03.0002';
const names = {
  catalogue: new Map([[RTLH, { code: RTLH, name: 'Perbaikan RTLH', unit: 'unit', strategy: null }]]),
  agencies: new Map([['disperkim', 'Disperkim']]),
  desa: new Map([
    ['63.11.07.2002', 'Lok Batu'],
    ['63.11.07.2003', 'Batu Piring'],
  ]),
  kecamatan: new Map([['63.11.07', 'Paringin Selatan']]),
};

const beneficiary = (o: Partial<Beneficiary> & { household: number }): Beneficiary => ({
  head_name: 'Ahmad',
  head_nik: '6311070101800001',
  no_kk: '6311070101200001',
  address: 'Jl. Sungai; RT 2',
  rt_rw: '002/001',
  desa: '63.11.07.2002',
  kecamatan: '63.11.07',
  classification: 'ekstrem',
  sub_kegiatan: RTLH,
  perangkat_daerah: 'disperkim',
  quantity: 1,
  planned_cost: 20_000_000,
  status: 'planned',
  ...o,
});

const list = [
  beneficiary({ household: 7, head_name: 'Siti' }),
  beneficiary({ household: 3, head_name: 'Budi', desa: '63.11.07.2003' }),
  beneficiary({ household: 9, status: 'cancelled' }),
];

describe('buildBeneficiaryRows', () => {
  it.each<[name: string, withIdentity: boolean, headers: string[], rows: (string | number)[][]]>([
    [
      'with NIK and No. KK as text for a role that may read them',
      true,
      [
        'No',
        'Nama Kepala Keluarga',
        'NIK Kepala Keluarga',
        'No. KK',
        'Alamat',
        'RT/RW',
        'Desa/Kelurahan',
        'Kecamatan',
        'Klasifikasi',
        'Kode Sub Kegiatan',
        'Nama Sub Kegiatan',
        'Perangkat Daerah',
        'Volume',
        'Satuan',
        'Biaya (Rp)',
        'Status',
      ],
      [
        [
          1,
          'Budi',
          '6311070101800001',
          '6311070101200001',
          'Jl. Sungai; RT 2',
          '002/001',
          'Batu Piring',
          'Paringin Selatan',
          'Miskin ekstrem',
          RTLH,
          'Perbaikan RTLH',
          'Disperkim',
          1,
          'unit',
          20_000_000,
          'Direncanakan',
        ],
        [
          2,
          'Siti',
          '6311070101800001',
          '6311070101200001',
          'Jl. Sungai; RT 2',
          '002/001',
          'Lok Batu',
          'Paringin Selatan',
          'Miskin ekstrem',
          RTLH,
          'Perbaikan RTLH',
          'Disperkim',
          1,
          'unit',
          20_000_000,
          'Direncanakan',
        ],
      ],
    ],
    [
      'without the identity columns otherwise',
      false,
      [
        'No',
        'Nama Kepala Keluarga',
        'Alamat',
        'RT/RW',
        'Desa/Kelurahan',
        'Kecamatan',
        'Klasifikasi',
        'Kode Sub Kegiatan',
        'Nama Sub Kegiatan',
        'Perangkat Daerah',
        'Volume',
        'Satuan',
        'Biaya (Rp)',
        'Status',
      ],
      [
        [
          1,
          'Budi',
          'Jl. Sungai; RT 2',
          '002/001',
          'Batu Piring',
          'Paringin Selatan',
          'Miskin ekstrem',
          RTLH,
          'Perbaikan RTLH',
          'Disperkim',
          1,
          'unit',
          20_000_000,
          'Direncanakan',
        ],
        [
          2,
          'Siti',
          'Jl. Sungai; RT 2',
          '002/001',
          'Lok Batu',
          'Paringin Selatan',
          'Miskin ekstrem',
          RTLH,
          'Perbaikan RTLH',
          'Disperkim',
          1,
          'unit',
          20_000_000,
          'Direncanakan',
        ],
      ],
    ],
  ])('%s', (_name, withIdentity, headers, rows) => {
    const table = buildBeneficiaryRows(list, names, withIdentity);
    expect(table.columns.map((c) => c.header)).toEqual(headers);
    expect(table.rows).toEqual(rows);
    if (withIdentity)
      expect(
        table.columns.filter((c) => c.header.includes('NIK') || c.header === 'No. KK').map((c) => c.kind),
      ).toEqual(['text', 'text']);
  });
});
