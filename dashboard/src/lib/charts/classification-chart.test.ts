import type { TooltipItem } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { buildClassificationSummary } from '../classification-summary.ts';
import { BUCKET_COLOURS } from '../classification.ts';
import {
  buildClassificationChartConfig,
  classificationChartHeight,
  classificationChartTitle,
  CLASSIFICATION_CHART_TITLE,
} from './classification-chart.ts';

const SUMMARY = buildClassificationSummary(
  [
    { kecamatan: '63.11.01', classification: 'ekstrem', count: '1234' },
    { kecamatan: '63.11.01', classification: 'miskin', count: '20' },
    { kecamatan: '63.11.07', classification: 'miskin', count: '7' },
    { kecamatan: '63.11.07', classification: null, count: '3' },
  ],
  [
    { code: '63.11.01', name: 'Juai' },
    { code: '63.11.07', name: 'Paringin Selatan' },
  ],
);

/** WCAG relative luminance contrast of a #rrggbb colour against white. */
function contrastWithWhite(hex: string): number {
  const channels = [1, 3, 5].map((start) => {
    const value = parseInt(hex.slice(start, start + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  const [r = 0, g = 0, b = 0] = channels;
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}

describe('buildClassificationChartConfig', () => {
  const config = buildClassificationChartConfig(SUMMARY);
  const options = config.options ?? {};

  it('is a stacked horizontal bar chart with a title and axis labels', () => {
    expect(config.type).toBe('bar');
    expect(options.indexAxis).toBe('y');
    expect(options.scales?.['x']?.stacked).toBe(true);
    expect(options.scales?.['y']?.stacked).toBe(true);
    expect([options.plugins?.title?.text].flat().join(' ')).toBe(CLASSIFICATION_CHART_TITLE);
    const xTitle = options.scales?.['x'] as { title?: { text?: string } } | undefined;
    const yTitle = options.scales?.['y'] as { title?: { text?: string } } | undefined;
    expect(xTitle?.title?.text).toBe('Jumlah rumah tangga');
    expect(yTitle?.title?.text).toBe('Kecamatan');
  });

  it('labels bars with kecamatan names and has one dataset per classification present', () => {
    expect(config.data.labels).toEqual(['Juai', 'Paringin Selatan']);
    expect(config.data.datasets.map((dataset) => [dataset.label, dataset.data])).toEqual([
      ['Miskin ekstrem', [1234, 0]],
      ['Miskin', [20, 7]],
      ['Belum diklasifikasi', [0, 3]],
    ]);
  });

  it('formats axis ticks and tooltips the Indonesian way', () => {
    const ticks = (options.scales?.['x'] as { ticks?: { callback?: (value: number | string) => unknown } })
      .ticks;
    expect(ticks?.callback?.(1234)).toBe('1.234');
    expect(ticks?.callback?.(1_000_000)).toBe('1.000.000');
    const label = options.plugins?.tooltip?.callbacks?.label as unknown as (
      item: TooltipItem<'bar'>,
    ) => string;
    const item = {
      dataset: { label: 'Miskin ekstrem' },
      parsed: { x: 1234, y: 0 },
    } as unknown as TooltipItem<'bar'>;
    expect(label(item)).toBe('Miskin ekstrem: 1.234');
  });

  it.each(Object.entries(BUCKET_COLOURS))('colour of %s has AA contrast against white', (_bucket, colour) => {
    expect(contrastWithWhite(colour)).toBeGreaterThanOrEqual(4.5);
  });

  it('names another area on the axis and in the title', () => {
    const desa = buildClassificationChartConfig(SUMMARY, { areaLabel: 'Desa/kelurahan' });
    expect((desa.options?.scales?.['y'] as { title?: { text?: string } }).title?.text).toBe('Desa/kelurahan');
    expect([desa.options?.plugins?.title?.text].flat().join(' ')).toBe(
      classificationChartTitle('Desa/kelurahan'),
    );
    expect(classificationChartTitle('Desa/kelurahan')).toBe(
      'Rumah tangga per desa/kelurahan menurut klasifikasi',
    );
  });

  it('has no datasets and no labels for an empty summary', () => {
    const empty = buildClassificationChartConfig(buildClassificationSummary([], []));
    expect(empty.data.labels).toEqual([]);
    expect(empty.data.datasets).toEqual([]);
  });
});

describe('classificationChartHeight', () => {
  it.each([
    [0, 244],
    [1, 244],
    [8, 552],
  ])('gives %i kecamatan %i pixels', (rows, height) => {
    const summary = buildClassificationSummary(
      Array.from({ length: rows }, (_, index) => ({
        kecamatan: `63.11.0${index}`,
        classification: 'miskin',
        count: 1,
      })),
      [],
    );
    expect(classificationChartHeight(summary)).toBe(height);
  });
});
