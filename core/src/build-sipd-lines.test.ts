import { describe, it, expect } from 'vitest';
import { buildSipdLines, SIPD_LINE_COLUMNS } from './build-sipd-lines.ts';
import type { ExportIntervention, SubKegiatanInfo } from './allocation-types.ts';

const RTLH = '1.04.03.2.03.0002';
const PBI = '1.02.02.2.01.0001';
const catalogue = new Map<string, SubKegiatanInfo>([
  [
    RTLH,
    {
      code: RTLH,
      name: 'Perbaikan Rumah Tidak Layak Huni',
      unit: 'unit',
      strategy: 'kurangi_kantong_kemiskinan',
    },
  ],
  [PBI, { code: PBI, name: 'Pengelolaan Data Fakir Miskin', unit: 'jiwa', strategy: 'kurangi_beban' }],
]);
const agencies = new Map([
  ['disperkim', 'Dinas Perumahan Rakyat dan Kawasan Permukiman'],
  ['dinsos', 'Dinas Sosial'],
]);
const desa = new Map([
  ['63.11.07.2002', 'Lok Batu'],
  ['63.11.07.2003', 'Batu Piring'],
]);

const intervention = (o: Partial<ExportIntervention> & { household: number }): ExportIntervention => ({
  sub_kegiatan: RTLH,
  perangkat_daerah: 'disperkim',
  desa: '63.11.07.2002',
  quantity: 1,
  unit_cost: 20_000_000,
  planned_cost: 20_000_000,
  status: 'planned',
  ...o,
});

describe('buildSipdLines', () => {
  it.each<[name: string, interventions: ExportIntervention[], rows: (string | number)[][], total: number]>([
    ['nothing planned', [], [], 0],
    [
      'one line per agency (by name) and sub-kegiatan, desa names sorted, cancelled left out',
      [
        intervention({ household: 1 }),
        intervention({ household: 2, desa: '63.11.07.2003', status: 'budgeted' }),
        intervention({ household: 3, status: 'cancelled' }),
        intervention({
          household: 1,
          sub_kegiatan: PBI,
          perangkat_daerah: 'dinsos',
          quantity: 3,
          unit_cost: 504_000,
          planned_cost: 1_512_000,
        }),
        intervention({
          household: 2,
          sub_kegiatan: PBI,
          perangkat_daerah: 'dinsos',
          quantity: 2,
          unit_cost: 504_000,
          planned_cost: 1_008_000,
        }),
      ],
      [
        [
          RTLH,
          'Perbaikan Rumah Tidak Layak Huni',
          'Dinas Perumahan Rakyat dan Kawasan Permukiman',
          2,
          2,
          'unit',
          40_000_000,
          'Batu Piring, Lok Batu',
          'PKE - Mengurangi kantong kemiskinan',
        ],
        [
          PBI,
          'Pengelolaan Data Fakir Miskin',
          'Dinas Sosial',
          2,
          5,
          'jiwa',
          2_520_000,
          'Lok Batu',
          'PKE - Mengurangi beban pengeluaran',
        ],
      ],
      42_520_000,
    ],
    [
      'an unknown sub-kegiatan, agency and desa keep their codes',
      [intervention({ household: 5, sub_kegiatan: '9.99.99', perangkat_daerah: 'x', desa: '63.11.99.2001' })],
      [['9.99.99', '', 'x', 1, 1, '', 20_000_000, '63.11.99.2001', 'PKE']],
      20_000_000,
    ],
  ])('%s', (_name, interventions, rows, total) => {
    const lines = buildSipdLines(interventions, catalogue, agencies, desa);
    expect(lines.columns).toBe(SIPD_LINE_COLUMNS);
    expect(lines.columns.map((c) => c.header)).toEqual([
      'Kode Sub Kegiatan',
      'Nama Sub Kegiatan',
      'Perangkat Daerah',
      'Sasaran (KK)',
      'Volume',
      'Satuan',
      'Pagu (Rp)',
      'Lokasi',
      'Tag PKE',
    ]);
    expect(lines.rows).toEqual(rows);
    expect(lines.total).toBe(total);
  });
});

describe('buildSipdLines of a finalised run', () => {
  it('keeps cancelled interventions when asked, so the run re-exports whole', () => {
    const interventions = [
      intervention({ household: 1 }),
      intervention({ household: 2, status: 'cancelled' }),
    ];
    expect(buildSipdLines(interventions, catalogue, agencies, desa).total).toBe(20_000_000);
    expect(buildSipdLines(interventions, catalogue, agencies, desa, { keepCancelled: true }).total).toBe(
      40_000_000,
    );
  });
});
