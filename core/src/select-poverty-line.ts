import type { PovertyLine } from './types.ts';

/**
 * The poverty line that applies to a survey round: the row of that year for the region, else the
 * row of the latest earlier year; null when there is none. Regions match exactly ('63.11').
 * Later years never apply to an earlier round. If a year has two rows, the first one wins.
 */
export function selectPovertyLine<L extends PovertyLine>(
  lines: readonly L[],
  year: number,
  region: string,
): L | null {
  let best: L | null = null;
  for (const line of lines) {
    if (line.region !== region || line.year > year) continue;
    if (best === null || line.year > best.year) best = line;
  }
  return best;
}
