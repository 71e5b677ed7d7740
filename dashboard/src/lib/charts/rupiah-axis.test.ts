import type { TooltipItem } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { formatRupiahShort, groupedChartHeight, rupiahTick, rupiahTooltip } from './rupiah-axis.ts';

describe('formatRupiahShort', () => {
  it.each([
    [0, 'Rp 0'],
    [500, 'Rp 500'],
    [12_000, 'Rp 12 rb'],
    [1_500_000, 'Rp 1,5 jt'],
    [450_000_000, 'Rp 450 jt'],
    [2_000_000_000, 'Rp 2 M'],
    [2_500_000_000, 'Rp 2,5 M'],
    [287_000_000_000, 'Rp 287 M'],
    [1_200_000_000_000, 'Rp 1,2 T'],
    [-3_000_000, '-Rp 3 jt'],
  ])('%i -> %s', (value, text) => {
    expect(formatRupiahShort(value)).toBe(text);
  });
});

describe('rupiahTick and rupiahTooltip', () => {
  it('formats numbers and passes labels through', () => {
    expect(rupiahTick(45_000_000)).toBe('Rp 45 jt');
    expect(rupiahTick('Disperkim')).toBe('Disperkim');
  });

  it('gives the full rupiah in a tooltip', () => {
    expect(
      rupiahTooltip({
        dataset: { label: 'Didanai' },
        parsed: { x: 45_000_000, y: 0 },
      } as unknown as TooltipItem<'bar'>),
    ).toBe('Didanai: Rp 45.000.000');
  });
});

describe('groupedChartHeight', () => {
  it.each([
    [0, 2, 246],
    [3, 1, 290],
    [10, 2, 660],
  ])('%i groups of %i bars: %i px', (groups, bars, height) => {
    expect(groupedChartHeight(groups, bars)).toBe(height);
  });
});
