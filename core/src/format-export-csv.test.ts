import { describe, it, expect } from 'vitest';
import { formatExportCsv } from './format-export-csv.ts';
import type { ExportTable } from './allocation-types.ts';

const columns: ExportTable['columns'] = [
  { header: 'NIK', kind: 'text' },
  { header: 'Nama', kind: 'text' },
  { header: 'Pagu (Rp)', kind: 'number' },
];

describe('formatExportCsv', () => {
  it.each<[name: string, rows: ExportTable['rows'], expected: string]>([
    ['header only', [], 'NIK;Nama;Pagu (Rp)\r\n'],
    [
      'a NIK stays a 16-digit text in Excel, money has no separators',
      [['6311070101800001', 'Siti', 1512000]],
      'NIK;Nama;Pagu (Rp)\r\n"=""6311070101800001""";Siti;1512000\r\n',
    ],
    [
      'a semicolon in text is quoted',
      [['1', 'Jl. A; RT 1', 0]],
      'NIK;Nama;Pagu (Rp)\r\n1;"Jl. A; RT 1";0\r\n',
    ],
    [
      'a formula-looking text is neutralised',
      [['1', '=HYPERLINK("x")', null]],
      'NIK;Nama;Pagu (Rp)\r\n1;"\'=HYPERLINK(""x"")";\r\n',
    ],
  ])('%s', (_name, rows, expected) => {
    const csv = formatExportCsv({ columns, rows });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1)).toBe(expected);
  });
});
