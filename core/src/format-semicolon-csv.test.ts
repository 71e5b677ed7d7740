import { describe, it, expect } from 'vitest';
import { formatSemicolonCsv } from './format-semicolon-csv.ts';
import type { CsvCell } from './format-semicolon-csv.ts';

describe('formatSemicolonCsv', () => {
  it.each<[name: string, cells: CsvCell[], protect: boolean, expected: string]>([
    ['plain values', ['Ahmad', 4, null, true], false, 'Ahmad;4;;true'],
    [
      'a semicolon, a quote and a newline are quoted',
      ['a;b', 'Jl. "Mawar"', 'RT 1\nRW 2'],
      false,
      '"a;b";"Jl. ""Mawar""";"RT 1\nRW 2"',
    ],
    ['leading or trailing spaces are kept by quoting', [' x', 'y '], false, '" x";"y "'],
    ['a 16-digit number as text, unprotected', ['6311071708850001'], false, '6311071708850001'],
    ['a 16-digit number protected for Excel', ['6311071708850001'], true, '"=""6311071708850001"""'],
    ['short numbers are not protected', ['6311072002', '4'], true, '6311072002;4'],
    [
      'formula-like text is defused',
      ['=HYPERLINK("x")', '+1', '@SUM', '-x'],
      false,
      `"'=HYPERLINK(""x"")";'+1;'@SUM;'-x`,
    ],
    ['negative numbers stay numbers', ['-2.45', -2.45], false, '-2.45;-2.45'],
  ])('%s', (_name, cells, protect, expected) => {
    const text = formatSemicolonCsv(['h'], [cells], { protectLongNumbers: protect });
    expect(text).toBe(`\uFEFFh\r\n${expected}\r\n`);
  });

  it('starts with a BOM and ends every line with CRLF', () => {
    expect(formatSemicolonCsv(['a', 'b'], [])).toBe('\uFEFFa;b\r\n');
  });
});
