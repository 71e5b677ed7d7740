import type { TooltipItem } from 'chart.js';
import { describe, expect, it } from 'vitest';
import {
  agencyChartHeight,
  buildAgencyCostChart,
  buildQuarterCostChart,
  rupiahTick,
} from './monitoring-chart.ts';

const BARS = [
  { label: 'Disperkim', planned: 2_500_000_000, realized: 1_000_000_000 },
  { label: 'Dinsos', planned: 300_000_000, realized: 0 },
];

type Scale = { title?: { text?: string }; ticks?: { callback?: (value: number | string) => unknown } };

describe('rupiahTick', () => {
  it.each([
    [0, 'Rp 0'],
    [750_000, 'Rp 750.000'],
    [250_000_000, 'Rp 250 jt'],
    [1_500_000_000, 'Rp 1,5 M'],
    [12_000_000_000_000, 'Rp 12 T'],
    ['TW I', 'TW I'],
  ])('%s -> %s', (value, text) => {
    expect(rupiahTick(value)).toBe(text);
  });
});

describe('buildAgencyCostChart', () => {
  const config = buildAgencyCostChart(BARS, 'Rencana dan realisasi per perangkat daerah, 2026');
  const options = config.options ?? {};

  it('puts planned and realised side by side per agency, with titled axes', () => {
    expect(options.indexAxis).toBe('y');
    expect(config.data.labels).toEqual(['Disperkim', 'Dinsos']);
    expect(config.data.datasets.map((dataset) => [dataset.label, dataset.data])).toEqual([
      ['Rencana', [2_500_000_000, 300_000_000]],
      ['Realisasi', [1_000_000_000, 0]],
    ]);
    expect((options.scales?.['x'] as Scale).title?.text).toBe('Rupiah');
    expect((options.scales?.['y'] as Scale).title?.text).toBe('Perangkat daerah');
    expect([options.plugins?.title?.text].flat().join(' ')).toBe(
      'Rencana dan realisasi per perangkat daerah, 2026',
    );
  });

  it('formats rupiah on the axis and in tooltips', () => {
    expect((options.scales?.['x'] as Scale).ticks?.callback?.(2_000_000_000)).toBe('Rp 2 M');
    const label = options.plugins?.tooltip?.callbacks?.label as unknown as (
      item: TooltipItem<'bar'>,
    ) => string;
    expect(
      label({
        dataset: { label: 'Realisasi' },
        parsed: { x: 1_000_000_000, y: 0 },
      } as unknown as TooltipItem<'bar'>),
    ).toBe('Realisasi: Rp 1.000.000.000');
  });

  it.each([
    [0, 244],
    [2, 288],
    [20, 1080],
  ])('gives %i agencies %i pixels', (count, height) => {
    expect(agencyChartHeight(count)).toBe(height);
  });
});

describe('buildQuarterCostChart', () => {
  it('shows cumulative planned and realised per quarter', () => {
    const config = buildQuarterCostChart(
      [
        { label: 'TW I', planned: 100, realized: 50 },
        { label: 'TW II', planned: 200, realized: 150 },
      ],
      'Per triwulan',
    );
    const options = config.options ?? {};
    expect(options.indexAxis).toBeUndefined();
    expect(config.data.datasets.map((dataset) => dataset.label)).toEqual([
      'Rencana kumulatif (dibagi rata per triwulan)',
      'Realisasi kumulatif',
    ]);
    expect((options.scales?.['x'] as Scale).title?.text).toBe('Triwulan');
    expect((options.scales?.['y'] as Scale).title?.text).toBe('Rupiah');
    const label = options.plugins?.tooltip?.callbacks?.label as unknown as (
      item: TooltipItem<'bar'>,
    ) => string;
    expect(
      label({
        dataset: { label: 'Realisasi kumulatif' },
        parsed: { x: 0, y: 150 },
      } as unknown as TooltipItem<'bar'>),
    ).toBe('Realisasi kumulatif: Rp 150');
  });
});
