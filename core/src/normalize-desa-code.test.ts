import { describe, it, expect } from 'vitest';
import { normalizeDesaCode } from './normalize-desa-code.ts';

describe('normalizeDesaCode', () => {
  it.each<[name: string, raw: string, expected: string | null]>([
    ['dotted code', '63.11.07.2002', '63.11.07.2002'],
    ['digits only', '6311072002', '63.11.07.2002'],
    ['surrounding spaces', '  6311072002 ', '63.11.07.2002'],
    ['spaces between parts', '63 11 07 2002', '63.11.07.2002'],
    ['kelurahan code', '6311071001', '63.11.07.1001'],
    ['dots in the wrong places', '631.107.2002', null],
    ['kecamatan code only', '63.11.07', null],
    ['9 digits (leading zero lost is not possible here, but truncation is)', '631107200', null],
    ['11 digits', '63110720021', null],
    ['scientific notation', '6.31107E+09', null],
    ['a desa name', 'Batu Piring', null],
    ['name with code', '6311072002 Batu Piring', null],
    ['empty', '', null],
  ])('%s', (_name, raw, expected) => {
    expect(normalizeDesaCode(raw)).toBe(expected);
  });
});
