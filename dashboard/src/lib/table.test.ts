import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_BOM } from './csv.ts';
import {
  buildTableCsv,
  csvFileName,
  filterRows,
  formatCell,
  formatDateId,
  nextSort,
  sortRows,
} from './table.ts';
import type { Column } from './table.ts';

const COLUMNS: Column[] = [
  { key: 'name', label: 'Desa', kind: 'text' },
  { key: 'code', label: 'Kode', kind: 'code' },
  { key: 'count', label: 'Rumah tangga', kind: 'number' },
  { key: 'cost', label: 'Biaya', kind: 'rupiah' },
];

const ROWS = [
  { name: 'Lok Batu', code: '63.11.07.2010', count: 1200, cost: 11_428_450_300 },
  { name: 'Ázam', code: '63.11.07.2002', count: 15, cost: null },
  { name: 'baruh', code: '63.11.07.2009', count: 300, cost: 5000 },
];

describe('formatCell', () => {
  it.each([
    [1234, 'number', '1.234'],
    [11_428_450_300, 'rupiah', 'Rp 11.428.450.300'],
    [98.46, 'percent', '98,5%'],
    ['2025-03-14', 'date', '14 Mar 2025'],
    ['2025-08-26T01:21:00.000Z', 'date', '26 Agu 2025'],
    [null, 'number', '-'],
    ['', 'text', '-'],
    ['Lok Batu', 'text', 'Lok Batu'],
  ] as const)('%j as %s -> %s', (value, kind, expected) => {
    expect(formatCell(value, kind)).toBe(expected);
  });

  it('keeps text that is not a date', () => {
    expect(formatDateId('kemarin')).toBe('kemarin');
  });
});

describe('sortRows', () => {
  it.each([
    ['name', 'asc', ['Ázam', 'baruh', 'Lok Batu']],
    ['name', 'desc', ['Lok Batu', 'baruh', 'Ázam']],
    ['count', 'asc', ['Ázam', 'baruh', 'Lok Batu']],
    ['count', 'desc', ['Lok Batu', 'baruh', 'Ázam']],
    ['code', 'asc', ['Ázam', 'baruh', 'Lok Batu']],
    ['cost', 'asc', ['baruh', 'Lok Batu', 'Ázam']],
    ['cost', 'desc', ['Lok Batu', 'baruh', 'Ázam']],
  ] as const)('by %s %s (empty cells last)', (key, direction, expected) => {
    expect(sortRows(ROWS, COLUMNS, { key, direction }).map((row) => row.name)).toEqual(expected);
  });

  it('keeps the order without a sort and for an unknown column', () => {
    expect(sortRows(ROWS, COLUMNS, null)).toEqual(ROWS);
    expect(sortRows(ROWS, COLUMNS, { key: 'x', direction: 'asc' })).toEqual(ROWS);
  });
});

describe('filterRows', () => {
  it.each([
    ['', 3],
    ['lok', 1],
    ['azam', 1],
    ['1.200', 1],
    ['63.11.07', 3],
    ['lok 1200', 1],
    ['tidak ada', 0],
  ])('"%s" keeps %i rows', (query, count) => {
    expect(filterRows(ROWS, COLUMNS, query)).toHaveLength(count);
  });
});

describe('nextSort', () => {
  it('goes ascending, then descending, and starts ascending on another column', () => {
    const first = nextSort(null, 'name');
    const second = nextSort(first, 'name');
    expect([first, second, nextSort(second, 'name'), nextSort(second, 'count')]).toEqual([
      { key: 'name', direction: 'asc' },
      { key: 'name', direction: 'desc' },
      { key: 'name', direction: 'asc' },
      { key: 'count', direction: 'asc' },
    ]);
  });
});

describe('buildTableCsv', () => {
  it('writes labels, plain numbers and the footer, readable back with papaparse', () => {
    const csv = buildTableCsv(COLUMNS, ROWS, {
      name: 'Jumlah',
      code: null,
      count: 1515,
      cost: 11_428_455_300,
    });
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(CSV_BOM.length), { delimiter: ';', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      ['Desa', 'Kode', 'Rumah tangga', 'Biaya'],
      ['Lok Batu', '63.11.07.2010', '1200', '11428450300'],
      ['Ázam', '63.11.07.2002', '15', ''],
      ['baruh', '63.11.07.2009', '300', '5000'],
      ['Jumlah', '', '1515', '11428455300'],
    ]);
  });
});

describe('csvFileName', () => {
  it.each([
    [
      ['angka per', 'Desa/kelurahan', 'Kecamatan Paringin Selatan'],
      'angka-per-desa-kelurahan-kecamatan-paringin-selatan.csv',
    ],
    [['kebutuhan per kategori', ''], 'kebutuhan-per-kategori.csv'],
    [['', ''], 'data.csv'],
  ])('%j -> %s', (parts, expected) => {
    expect(csvFileName(...parts)).toBe(expected);
  });
});
