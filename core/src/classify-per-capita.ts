import type { PovertyClass } from './types.ts';

/**
 * The class of a whole-rupiah per capita against the two lines: `ekstrem` below the extreme line,
 * `miskin` below the poverty line, else `tidak_miskin`. Exactly on a line is not below it.
 */
export function classifyPerCapita(perCapita: number, povertyLine: number, extremeLine: number): PovertyClass {
  if (perCapita < extremeLine) return 'ekstrem';
  if (perCapita < povertyLine) return 'miskin';
  return 'tidak_miskin';
}
