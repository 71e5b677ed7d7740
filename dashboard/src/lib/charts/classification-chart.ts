import type { ChartConfiguration } from 'chart.js';
import { BUCKET_COLOURS, BUCKET_LABELS, SUMMARY_BUCKETS } from '../classification.ts';
import type { ClassificationSummary } from '../classification-summary.ts';
import { formatNumberId } from '../format.ts';
import { barDataset, categoryAxis, chartOptions, tickLabel, valueAxis, valueTooltip } from './chart-style.ts';

export type ClassificationChartConfig = ChartConfiguration<'bar', number[], string>;

export const CLASSIFICATION_CHART_TITLE = 'Rumah tangga per kecamatan menurut klasifikasi';

export interface ClassificationChartOptions {
  /** What the bars are: 'Kecamatan' (default) or 'Desa/kelurahan'. */
  areaLabel?: string;
}

/** The chart title for an area label: "Rumah tangga per desa/kelurahan menurut klasifikasi". */
export function classificationChartTitle(areaLabel = 'Kecamatan'): string {
  return `Rumah tangga per ${areaLabel.toLowerCase()} menurut klasifikasi`;
}

/** Pixel height that gives each kecamatan bar room for its label, plus title, legend (wrapped on phones) and axis. */
export function classificationChartHeight(summary: ClassificationSummary): number {
  return 200 + Math.max(1, summary.rows.length) * 44;
}

/**
 * Stacked horizontal bar chart of households per kecamatan, one segment per classification.
 * Pure: returns a Chart.js configuration for the component in Chart.svelte.
 */
export function buildClassificationChartConfig(
  summary: ClassificationSummary,
  options: ClassificationChartOptions = {},
): ClassificationChartConfig {
  const areaLabel = options.areaLabel ?? 'Kecamatan';
  // The title on two lines, so it fits a 390px wide phone.
  const titleLines = [`Rumah tangga per ${areaLabel.toLowerCase()}`, 'menurut klasifikasi'];
  const datasets = SUMMARY_BUCKETS.filter((bucket) => summary.totals[bucket] > 0).map((bucket) =>
    barDataset(
      BUCKET_LABELS[bucket],
      summary.rows.map((row) => row[bucket]),
      BUCKET_COLOURS[bucket],
      32,
    ),
  );

  return {
    type: 'bar',
    data: { labels: summary.rows.map((row) => row.name), datasets },
    options: {
      indexAxis: 'y',
      ...chartOptions(titleLines, valueTooltip(formatNumberId, 'x')),
      scales: {
        x: { stacked: true, ...valueAxis('Jumlah rumah tangga', { precision: 0, callback: tickLabel }) },
        y: { stacked: true, ...categoryAxis(areaLabel) },
      },
    },
  };
}
