import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildCsv, CSV_BOM } from './csv.ts';
import { buildHouseholdCsv, householdCsvFileName } from './household-csv.ts';
import { parseHouseholdListQuery, toHouseholdListRows } from './household-list.ts';
import { buildNeedCsv, NEED_CSV_HEADER } from './need-csv.ts';

describe('buildCsv', () => {
  it.each([
    ['a formula', '=SUM(A1)', '"\'=SUM(A1)"'],
    ['a quote', 'Desa "Baru"', '"Desa ""Baru"""'],
    ['a semicolon', 'Paringin; Selatan', '"Paringin; Selatan"'],
    ['null', null, ''],
    ['a number', 1234, '1234'],
    ['a NIK-like text', '6311070101010001', '6311070101010001'],
  ])('writes %s safely', (_name, cell, expected) => {
    expect(buildCsv(['a'], [[cell]])).toBe(`${CSV_BOM}a\r\n${expected}\r\n`);
  });
});

describe('buildHouseholdCsv', () => {
  const rows = toHouseholdListRows(
    [
      {
        id: 10,
        head_name: 'Siti Aminah',
        address: 'Jl. A; No. 2',
        desa: '63.11.07.2002',
        classification: 'ekstrem',
        member_count: 4,
        income_per_capita: 350000,
        need_count: 2,
      },
    ],
    new Map([['63.11.07.2002', 'Baruh Bahinu Luar']]),
    [],
  );

  it('writes one line per household without NIK or No. KK', () => {
    const parsed = Papa.parse<string[]>(buildHouseholdCsv(rows, true).slice(1), {
      delimiter: ';',
      skipEmptyLines: true,
    });
    expect(parsed.data).toEqual([
      [
        'ID',
        'Nama kepala keluarga',
        'Alamat',
        'RT/RW',
        'Kode desa',
        'Desa/kelurahan',
        'Klasifikasi',
        'Jumlah anggota',
        'Per kapita (Rp/bulan)',
        'Jumlah kebutuhan',
        'Status survei',
      ],
      [
        '10',
        'Siti Aminah',
        'Jl. A; No. 2',
        '',
        '63.11.07.2002',
        'Baruh Bahinu Luar',
        'Miskin ekstrem',
        '4',
        '350000',
        '2',
        'Belum ada survei',
      ],
    ]);
  });

  it('leaves the survey column out for roles without surveys', () => {
    expect(buildHouseholdCsv(rows, false).split('\r\n')[0]).not.toContain('Status survei');
  });

  it.each([
    ['', 'rumah-tangga.csv'],
    ['desa=63.11.07.2002', 'rumah-tangga-63.11.07.2002.csv'],
    ['kecamatan=63.11.07', 'rumah-tangga-63.11.07.csv'],
    ['desa=x"y', 'rumah-tangga-xy.csv'],
  ])('names the file for %s', (search, name) => {
    expect(householdCsvFileName(parseHouseholdListQuery(new URLSearchParams(search)))).toBe(name);
  });
});

describe('buildNeedCsv', () => {
  it('writes the header and rows', () => {
    const csv = buildNeedCsv([
      {
        id: 1,
        household: 10,
        head_name: 'Siti',
        desa: '63.11.07.2002',
        desa_name: 'Baruh',
        category: 'Perumahan',
        indicator: 'Lantai tanah',
        sub_kegiatan: '1.04 RTLH',
        perangkat_daerah: 'Disperkim',
        quantity: 1,
        status: 'Terbuka',
      },
    ]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(NEED_CSV_HEADER.join(';'));
    expect(lines[1]).toBe(
      '1;10;Siti;63.11.07.2002;Baruh;Perumahan;Lantai tanah;1.04 RTLH;Disperkim;1;Terbuka',
    );
  });
});
