import { describe, it, expect } from 'vitest';
import { detectCsvSeparator } from './detect-csv-separator.ts';
import type { CsvSeparator } from './types.ts';

describe('detectCsvSeparator', () => {
  it.each<[name: string, header: string, expected: CsvSeparator]>([
    ['comma', 'id_keluarga,no_kk,nik_kepala,nama_kepala,alamat,kode_desa,desil,jumlah_anggota', ','],
    ['semicolon', 'id_keluarga;no_kk;nik_kepala;nama_kepala;alamat;kode_desa;desil;jumlah_anggota', ';'],
    ['tab', 'no_kk\tnik_kepala\tnama_kepala\talamat\tkode_desa\tjumlah_anggota', '\t'],
    ['semicolon header with a comma inside a quoted name', '"no_kk";"nik_kepala";"Nama, kepala";alamat', ';'],
    ['comma header with semicolons inside quotes', '"no;kk",nik_kepala,nama_kepala,alamat', ','],
    ['CRLF left at the end', 'no_kk;nik_kepala;nama_kepala\r', ';'],
    ['unknown names: the most frequent separator', 'a;b;c;d', ';'],
    ['unknown names with commas', 'a,b,c', ','],
    ['a single column', 'no_kk', ','],
    ['empty', '', ','],
  ])('%s', (_name, header, expected) => {
    expect(detectCsvSeparator(header)).toBe(expected);
  });
});
