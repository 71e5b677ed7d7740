import type { TooltipItem } from 'chart.js';
import { describe, expect, it } from 'vitest';
import type { NeedGroupRow } from '../needs-summary.ts';
import { buildNeedsChartConfig, needsChartHeight } from './needs-chart.ts';
import { wrapTitle } from './chart-style.ts';

const ROWS: NeedGroupRow[] = [
  { key: 'perumahan', label: 'Perumahan', open: 1200, planned: 30, total: 1230, volume: 1230 },
  { key: 'pendidikan', label: 'Pendidikan', open: 5, planned: 0, total: 5, volume: 8 },
];

describe('buildNeedsChartConfig', () => {
  const config = buildNeedsChartConfig(ROWS, 'Kebutuhan aktif per kategori', 'Kategori');
  const options = config.options ?? {};

  it('stacks open and planned needs per group, with titles on both axes', () => {
    expect(config.type).toBe('bar');
    expect(options.indexAxis).toBe('y');
    expect(config.data.labels).toEqual(['Perumahan', 'Pendidikan']);
    expect(config.data.datasets.map((dataset) => [dataset.label, dataset.data])).toEqual([
      ['Terbuka', [1200, 5]],
      ['Direncanakan', [30, 0]],
    ]);
    expect((options.scales?.['x'] as { title?: { text?: string } }).title?.text).toBe('Jumlah kebutuhan');
    expect((options.scales?.['y'] as { title?: { text?: string } }).title?.text).toBe('Kategori');
    expect([options.plugins?.title?.text].flat().join(' ')).toBe('Kebutuhan aktif per kategori');
  });

  it('formats numbers the Indonesian way', () => {
    const ticks = (options.scales?.['x'] as { ticks?: { callback?: (value: number | string) => unknown } })
      .ticks;
    expect(ticks?.callback?.(1230)).toBe('1.230');
    const label = options.plugins?.tooltip?.callbacks?.label as unknown as (
      item: TooltipItem<'bar'>,
    ) => string;
    expect(
      label({ dataset: { label: 'Terbuka' }, parsed: { x: 1200, y: 0 } } as unknown as TooltipItem<'bar'>),
    ).toBe('Terbuka: 1.200');
  });

  it.each([
    [0, 226],
    [2, 262],
    [13, 658],
  ])('gives %i bars %i pixels', (count, height) => {
    expect(
      needsChartHeight(ROWS.slice(0, 1).flatMap((row) => Array.from({ length: count }, () => row))),
    ).toBe(height);
  });
});

describe('wrapTitle', () => {
  it.each([
    ['Kemajuan survei', ['Kemajuan survei']],
    [
      'Kebutuhan aktif per perangkat daerah di kabupaten',
      ['Kebutuhan aktif per perangkat', 'daerah di kabupaten'],
    ],
  ])('wraps %s', (title, lines) => {
    expect(wrapTitle(title, 30)).toEqual(lines);
  });
});
