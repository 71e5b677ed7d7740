import { describe, it, expect } from 'vitest';
import { buildReconciliationChangesCsv } from './build-reconciliation-changes-csv.ts';
import type { ReconciledHousehold } from './build-reconciliation-changes-csv.ts';

const BASE: ReconciledHousehold = {
  no_kk: '6311071203150001',
  head_nik: '6311071708850001',
  head_name: 'Ahmad',
  address: 'Jl. Mawar 1',
  desa: '63.11.07.2002',
  kecamatan: '63.11.07',
  source: 'p3ke',
  p3ke_id: 'P3KE-1',
  dtsen_id: null,
  disposition: 'found',
  related: null,
};
const HEADER =
  'no_kk;nik_kepala;nama_kepala;alamat;kode_desa;nama_desa;kode_kecamatan;nama_kecamatan;sumber;id_keluarga;perubahan;keterangan;no_kk_terkait;nama_kepala_terkait';

describe('buildReconciliationChangesCsv', () => {
  it.each<[name: string, households: Partial<ReconciledHousehold>[], lines: string[]]>([
    ['found and not yet visited households are not changes', [{}, { disposition: null }], []],
    [
      'a split with its related household',
      [{ disposition: 'split', related: { no_kk: '6311070101160002', head_name: 'Budi' } }],
      [
        '6311071203150001;6311071708850001;Ahmad;Jl. Mawar 1;63.11.07.2002;Batu Piring;63.11.07;Paringin Selatan;p3ke;P3KE-1;split;Pisah KK;6311070101160002;Budi',
      ],
    ],
    [
      'a household found only in the field is new',
      [{ source: 'new', p3ke_id: null, disposition: null, no_kk: null }],
      [
        ';6311071708850001;Ahmad;Jl. Mawar 1;63.11.07.2002;Batu Piring;63.11.07;Paringin Selatan;new;;new;Baru (temuan lapangan);;',
      ],
    ],
    [
      'sorted by desa, then disposition order, then No. KK',
      [
        { disposition: 'not_found', no_kk: '6311071203150003' },
        { disposition: 'deceased', no_kk: '6311071203150002', desa: '63.11.01.2001', kecamatan: '63.11.01' },
        { disposition: 'moved', no_kk: '6311071203150004', source: 'dtsen', dtsen_id: 'DT-4', p3ke_id: null },
      ],
      [
        '6311071203150002;6311071708850001;Ahmad;Jl. Mawar 1;63.11.01.2001;;63.11.01;;p3ke;P3KE-1;deceased;Meninggal;;',
        '6311071203150004;6311071708850001;Ahmad;Jl. Mawar 1;63.11.07.2002;Batu Piring;63.11.07;Paringin Selatan;dtsen;DT-4;moved;Pindah;;',
        '6311071203150003;6311071708850001;Ahmad;Jl. Mawar 1;63.11.07.2002;Batu Piring;63.11.07;Paringin Selatan;p3ke;P3KE-1;not_found;Tidak ditemukan;;',
      ],
    ],
  ])('%s', (_name, households, lines) => {
    const result = buildReconciliationChangesCsv(
      households.map((h) => ({ ...BASE, ...h })),
      {
        desa: new Map([['63.11.07.2002', 'Batu Piring']]),
        kecamatan: new Map([['63.11.07', 'Paringin Selatan']]),
      },
    );
    expect(result.count).toBe(lines.length);
    expect(result.csv).toBe(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`);
  });
});
