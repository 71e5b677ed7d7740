import { describe, it, expect } from 'vitest';
import { formatRupiah } from './format-rupiah.ts';

describe('formatRupiah', () => {
  it.each<[string, number | null | undefined, string]>([
    ['budget', 11428450300, 'Rp 11.428.450.300'],
    ['poverty line', 544169, 'Rp 544.169'],
    ['small', 500, 'Rp 500'],
    ['zero', 0, 'Rp 0'],
    ['negative', -5000, '-Rp 5.000'],
    ['rounded to whole rupiah', 391000.6, 'Rp 391.001'],
    ['tiny negative rounds to zero, no minus', -0.2, 'Rp 0'],
    ['tagged budget', 287000000000, 'Rp 287.000.000.000'],
    ['null', null, '-'],
    ['undefined', undefined, '-'],
    ['NaN', Number.NaN, '-'],
  ])('%s', (_name, n, expected) => {
    expect(formatRupiah(n)).toBe(expected);
  });
});
