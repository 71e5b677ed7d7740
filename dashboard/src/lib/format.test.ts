import { describe, expect, it } from 'vitest';
import { formatNumberId, formatShareId } from './format.ts';

describe('formatShareId', () => {
  it.each([
    [1234, 8654, '14,3%'],
    [1, 3, '33,3%'],
    [5, 5, '100,0%'],
    [0, 0, '0,0%'],
    [0, 10, '0,0%'],
  ])('%i of %i -> %s', (part, total, expected) => {
    expect(formatShareId(part, total)).toBe(expected);
  });
});

describe('formatNumberId (from core)', () => {
  it.each([
    [1234, '1.234'],
    [8654, '8.654'],
    [0, '0'],
  ])('%i -> %s', (value, expected) => {
    expect(formatNumberId(value)).toBe(expected);
  });
});
