import { describe, it, expect } from 'vitest';
import { parseTaggedBudget } from './parse-tagged-budget.ts';

const agencies = [
  { id: 'disperkim', name: 'Dinas Perumahan Rakyat dan Kawasan Permukiman', short_name: 'Disperkim' },
  { id: 'dinsos', name: 'Dinas Sosial', short_name: 'Dinsos' },
];
const catalogueAgency = new Map([['1.04.03.2.03.0002', 'disperkim']]);

describe('parseTaggedBudget', () => {
  it.each<
    [
      name: string,
      csv: string,
      rows: [code: string, agency: string | null, amount: number][],
      rejected: string[],
      warnings: string[],
    ]
  >([
    [
      'comma separated, agency by id, short name or name',
      'kode_sub_kegiatan,nama_sub_kegiatan,perangkat_daerah,anggaran\n1.04.03.2.03.0002,RTLH,disperkim,2000000000\n1.06.04.2.01.0002,ATENSI,Dinsos,150000000\n1.06.04.2.01.0003,X,dinas sosial,1\n',
      [
        ['1.04.03.2.03.0002', 'disperkim', 2_000_000_000],
        ['1.06.04.2.01.0002', 'dinsos', 150_000_000],
        ['1.06.04.2.01.0003', 'dinsos', 1],
      ],
      [],
      [],
    ],
    [
      'semicolons, BOM, header case and Indonesian thousands',
      '\uFEFFKode_Sub_Kegiatan;Nama_Sub_Kegiatan;Perangkat_Daerah;Anggaran\r\n1.04.03.2.03.0002;RTLH;Disperkim;Rp 1.500.000.000\r\n1.04.03.2.03.0002;RTLH;;250000000,00\r\n',
      [
        ['1.04.03.2.03.0002', 'disperkim', 1_500_000_000],
        ['1.04.03.2.03.0002', 'disperkim', 250_000_000],
      ],
      [],
      [],
    ],
    [
      'bad rows are refused with their line, unknown agencies warned',
      'kode_sub_kegiatan,nama_sub_kegiatan,perangkat_daerah,anggaran\n,Tanpa kode,dinsos,1\n1.04.03.2.03.0002,RTLH,Dinas PU,1\n1.04.03.2.03.0002,RTLH,dinsos,1.5\n9.99.99,Y,Dinas Baru,-5\n9.99.98,Y,Dinas Baru,7\n',
      [
        ['1.04.03.2.03.0002', 'disperkim', 1],
        ['9.99.98', null, 7],
      ],
      ['2:kode_sub_kegiatan', '4:anggaran', '5:anggaran'],
      ['3:perangkat_daerah', '6:perangkat_daerah'],
    ],
    ['a missing column', 'kode,anggaran\n1.04,1\n', [], ['1:kode_sub_kegiatan'], []],
  ])('%s', (_name, csv, rows, rejected, warnings) => {
    const parsed = parseTaggedBudget(csv, agencies, catalogueAgency);
    expect(parsed.rows.map((r) => [r.sub_kegiatan_code, r.perangkat_daerah, r.amount])).toEqual(rows);
    expect(parsed.rejected.map((p) => `${p.row}:${p.field}`)).toEqual(rejected);
    expect(parsed.warnings.map((p) => `${p.row}:${p.field}`)).toEqual(warnings);
  });
});
