import { describe, it, expect } from 'vitest';
import { selectPovertyLine } from './select-poverty-line.ts';
import type { PovertyLine } from './types.ts';

const line = (year: number, region: string, poverty_line: number): PovertyLine => ({
  year,
  region,
  poverty_line,
  extreme_poverty_line: Math.round(poverty_line * 0.7),
});

const LINES: PovertyLine[] = [
  line(2023, '63.11', 480000),
  line(2025, '63.11', 544169),
  line(2027, '63.11', 600000),
  line(2026, '63.10', 700000),
  line(2024, '63', 500000),
];

describe('selectPovertyLine', () => {
  it.each<[string, PovertyLine[], number, string, number | null]>([
    ['the row of the same year', LINES, 2025, '63.11', 2025],
    ['the latest earlier year when the year is missing', LINES, 2026, '63.11', 2025],
    ['the same year even when a later year exists', LINES, 2027, '63.11', 2027],
    ['a later year is never used for an earlier round', LINES, 2022, '63.11', null],
    ['an earlier year when only earlier years exist', LINES, 2024, '63.11', 2023],
    ['far in the future uses the latest', LINES, 2040, '63.11', 2027],
    ['another region is not used', LINES, 2026, '63.10', 2026],
    ['region match is exact (no parent region fallback)', LINES, 2025, '63.12', null],
    ['region match is exact (no prefix match)', LINES, 2025, '63.1', null],
    ['province row only for the province', LINES, 2025, '63', 2024],
    ['no lines at all', [], 2025, '63.11', null],
  ])('%s', (_name, lines, year, region, expectedYear) => {
    const selected = selectPovertyLine(lines, year, region);
    expect(selected?.year ?? null).toBe(expectedYear);
    if (selected !== null) expect(selected.region).toBe(region);
  });

  it('the order of the rows does not matter', () => {
    const reversed = [...LINES].reverse();
    expect(selectPovertyLine(reversed, 2026, '63.11')).toEqual(line(2025, '63.11', 544169));
  });

  it('returns the row itself, with its extra fields', () => {
    const rows = [{ ...line(2025, '63.11', 544169), id: 7, source: 'BPS' }];
    expect(selectPovertyLine(rows, 2025, '63.11')?.id).toBe(7);
  });
});
