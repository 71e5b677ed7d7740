import { describe, it, expect } from 'vitest';
import { readNumber } from './read-number.ts';

describe('readNumber', () => {
  it.each<[string, unknown, number | null]>([
    ['integer', 1500000, 1500000],
    ['zero', 0, 0],
    ['negative', -5000, -5000],
    ['decimal', 7.25, 7.25],
    ['bigint', 12n, 12],
    ['numeric text (PostgreSQL bigInteger)', '1500000', 1500000],
    ['numeric text with spaces', ' 42 ', 42],
    ['negative text', '-3', -3],
    ['decimal text', '7.5', 7.5],
    ['empty text', '', null],
    ['blank text', '   ', null],
    ['null', null, null],
    ['undefined', undefined, null],
    ['boolean true', true, null],
    ['boolean false', false, null],
    ['dotted thousands', '1.500.000', null],
    ['scientific notation text', '6.3110E+15', null],
    ['words', 'satu', null],
    ['NaN', Number.NaN, null],
    ['Infinity', Number.POSITIVE_INFINITY, null],
    ['array', [1], null],
    ['object', { value: 1 }, null],
  ])('%s', (_name, input, expected) => {
    expect(readNumber(input)).toBe(expected);
  });
});
