import { describe, it, expect } from 'vitest';
import { createBaselineCsvReader } from './create-baseline-csv-reader.ts';
import type { BaselineRecord } from './types.ts';

const HEADER = 'id_keluarga;no_kk;nik_kepala;nama_kepala;alamat;kode_desa;desil;jumlah_anggota';

function readInPieces(text: string, size: number): { records: BaselineRecord[]; problem: string | null } {
  const reader = createBaselineCsvReader();
  const records: BaselineRecord[] = [];
  for (let i = 0; i < text.length; i += size) records.push(...reader.push(text.slice(i, i + size)));
  records.push(...reader.end());
  return { records, problem: reader.problem()?.code ?? null };
}

const TEXTS: [name: string, text: string][] = [
  [
    'CRLF with quoted newlines and escaped quotes',
    `\uFEFF${HEADER}\r\n1;6311071203150001;6311071708850001;"Yani; Ahmad";"Jl. ""Mawar""\r\nRT 1";6311072002;1;4\r\n` +
      `2;6311070101160002;6311075708850002;Siti;"";63.11.07.2002;;3\r\n`,
  ],
  [
    'LF, no final newline',
    `${HEADER}\n1;6311071203150001;6311071708850001;Ahmad;Jl. A;6311072002;1;4\n2;x;y;z;;;;`,
  ],
  [
    'stray quote mid-value',
    `${HEADER}\n1;6311071203150001;6311071708850001;Ahmad;Jl. 5";6311072002;1;4\n2;a;b;c;d;e;f;g\n`,
  ],
  ['header only', `${HEADER}\r\n`],
  ['empty', ''],
];

describe('createBaselineCsvReader', () => {
  it.each(TEXTS)('%s: the same records whatever the piece size', (_name, text) => {
    const whole = readInPieces(text, Math.max(1, text.length));
    for (const size of [1, 2, 3, 7, 64]) {
      expect(readInPieces(text, size)).toEqual(whole);
    }
  });

  it('returns complete records as soon as their line ends', () => {
    const reader = createBaselineCsvReader();
    expect(reader.push(`${HEADER}\n1;6311071203150001;6311071708850001;Ahmad;"Jl. A`)).toEqual([]);
    expect(reader.header()?.separator).toBe(';');
    const done = reader.push('\nRT 1";6311072002;1;4\n2;');
    expect(done.map((r) => [r.row, r.values.alamat])).toEqual([[2, 'Jl. A\nRT 1']]);
    expect(reader.end().map((r) => r.row)).toEqual([3]);
    expect(reader.recordCount()).toBe(2);
  });
});
