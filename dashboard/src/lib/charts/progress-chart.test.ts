import type { TooltipItem } from 'chart.js';
import { describe, expect, it } from 'vitest';
import type { SurveyProgress } from '../survey-progress.ts';
import { buildProgressChartConfig, PROGRESS_CHART_TITLE } from './progress-chart.ts';

const PROGRESS: SurveyProgress = {
  granularity: 'week',
  points: [
    {
      start: '2025-08-04',
      label: '4 Agu 2025',
      surveyed: 1200,
      verified: 0,
      surveyedTotal: 1200,
      verifiedTotal: 0,
    },
    {
      start: '2025-08-11',
      label: '11 Agu 2025',
      surveyed: 300,
      verified: 900,
      surveyedTotal: 1500,
      verifiedTotal: 900,
    },
  ],
};

describe('buildProgressChartConfig', () => {
  const config = buildProgressChartConfig(PROGRESS);
  const options = config.options ?? {};

  it('is a line chart of running totals with a title and axis labels', () => {
    expect(config.type).toBe('line');
    expect([options.plugins?.title?.text].flat().join(' ')).toBe(PROGRESS_CHART_TITLE);
    const x = options.scales?.['x'] as { title?: { text?: string } };
    const y = options.scales?.['y'] as { title?: { text?: string } };
    expect(x.title?.text).toBe('Minggu (mulai Senin)');
    expect(y.title?.text).toBe('Jumlah survei');
    expect(config.data.labels).toEqual(['4 Agu 2025', '11 Agu 2025']);
    expect(config.data.datasets.map((dataset) => [dataset.label, dataset.data])).toEqual([
      ['Disurvei (diajukan atau terverifikasi)', [1200, 1500]],
      ['Terverifikasi (menurut tanggal survei)', [0, 900]],
    ]);
  });

  it('tells the lines apart without colour (dashes, point styles)', () => {
    const [surveyed, verified] = config.data.datasets;
    expect(surveyed?.borderDash).toBeUndefined();
    expect(verified?.borderDash).toEqual([6, 4]);
    expect(surveyed?.pointStyle).not.toBe(verified?.pointStyle);
  });

  it('formats ticks and tooltips the Indonesian way', () => {
    const ticks = (options.scales?.['y'] as { ticks?: { callback?: (value: number | string) => unknown } })
      .ticks;
    expect(ticks?.callback?.(1500)).toBe('1.500');
    const label = options.plugins?.tooltip?.callbacks?.label as unknown as (
      item: TooltipItem<'line'>,
    ) => string;
    expect(
      label({
        dataset: { label: 'Terverifikasi' },
        parsed: { x: 1, y: 1234 },
      } as unknown as TooltipItem<'line'>),
    ).toBe('Terverifikasi: 1.234');
  });

  it('names months on the axis for monthly progress', () => {
    const monthly = buildProgressChartConfig({ granularity: 'month', points: [] });
    expect((monthly.options?.scales?.['x'] as { title?: { text?: string } }).title?.text).toBe('Bulan');
  });
});
