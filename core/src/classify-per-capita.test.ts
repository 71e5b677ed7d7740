import { describe, expect, it } from 'vitest';
import { classifyPerCapita } from './classify-per-capita.ts';

describe('classifyPerCapita', () => {
  it.each<[perCapita: number, expected: string]>([
    [0, 'ekstrem'],
    [390_999, 'ekstrem'],
    [391_000, 'miskin'], // exactly on the extreme line is not below it
    [544_168, 'miskin'],
    [544_169, 'tidak_miskin'], // exactly on the poverty line is not below it
    [2_000_000, 'tidak_miskin'],
  ])('%i per capita -> %s (lines 544,169 and 391,000)', (perCapita, expected) => {
    expect(classifyPerCapita(perCapita, 544_169, 391_000)).toBe(expected);
  });
});
