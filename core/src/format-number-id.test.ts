import { describe, it, expect } from 'vitest';
import { formatNumberId } from './format-number-id.ts';

describe('formatNumberId', () => {
  it.each<[string, number | null | undefined, number | undefined, string]>([
    ['zero', 0, undefined, '0'],
    ['below a thousand', 999, undefined, '999'],
    ['a thousand', 1000, undefined, '1.000'],
    ['population', 137600, undefined, '137.600'],
    ['millions', 11428450, undefined, '11.428.450'],
    ['billions', 287000000000, undefined, '287.000.000.000'],
    ['beyond 2^31', 11428450300, undefined, '11.428.450.300'],
    ['negative', -5000, undefined, '-5.000'],
    ['rounded to whole by default', 1234.5, undefined, '1.235'],
    ['rounded half away from zero when negative', -1234.5, undefined, '-1.235'],
    ['decimals with comma', 7.25, 2, '7,25'],
    ['decimals padded', 99, 1, '99,0'],
    ['percentage with one decimal', 99.14, 1, '99,1'],
    ['thousands and decimals', 1234567.891, 2, '1.234.567,89'],
    ['negative rounding to zero is not "-0"', -0.4, undefined, '0'],
    ['negative zero', -0, undefined, '0'],
    ['largest safe integer', Number.MAX_SAFE_INTEGER, undefined, '9.007.199.254.740.991'],
    ['null', null, undefined, '-'],
    ['undefined', undefined, undefined, '-'],
    ['NaN', Number.NaN, undefined, '-'],
    ['Infinity', Number.POSITIVE_INFINITY, undefined, '-'],
  ])('%s', (_name, n, decimals, expected) => {
    expect(formatNumberId(n, decimals === undefined ? {} : { decimals })).toBe(expected);
  });
});
