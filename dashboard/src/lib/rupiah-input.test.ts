import { describe, expect, it } from 'vitest';
import { parseRupiahInput, wholeRupiah } from './rupiah-input.ts';

describe('parseRupiahInput', () => {
  it.each([
    ['45000000', 45_000_000],
    ['45.000.000', 45_000_000],
    ['Rp 45.000.000', 45_000_000],
    ['rp.45.000.000', 45_000_000],
    ['45.000.000,00', 45_000_000],
    ['45 000 000', 45_000_000],
    ['0', 0],
    ['  1.500 ', 1_500],
  ])('reads %j as %i', (text, value) => {
    expect(parseRupiahInput(text)).toEqual({ ok: true, value });
  });

  it.each([[''], ['   '], [null], [undefined]])('reads %j as no amount', (text) => {
    expect(parseRupiahInput(text)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['-5000', 'Pagu tidak boleh negatif.'],
    ['Rp -5.000', 'Pagu tidak boleh negatif.'],
    ['45,5', 'Pagu harus berupa rupiah bulat, mis. 45000000 atau 45.000.000.'],
    ['4.50', 'Pagu harus berupa rupiah bulat, mis. 45000000 atau 45.000.000.'],
    ['empat juta', 'Pagu harus berupa rupiah bulat, mis. 45000000 atau 45.000.000.'],
    ['99999999999999999999', 'Pagu terlalu besar.'],
  ])('refuses %j: %s', (text, message) => {
    expect(parseRupiahInput(text, 'Pagu')).toEqual({ ok: false, message });
  });
});

describe('wholeRupiah', () => {
  it.each([
    [1500, 1500],
    [1500.4, 1500],
    ['2000', 2000],
    [-1, null],
    [Number.NaN, null],
    ['', null],
    [null, null],
  ])('%j -> %j', (value, expected) => {
    expect(wholeRupiah(value)).toBe(expected);
  });
});
