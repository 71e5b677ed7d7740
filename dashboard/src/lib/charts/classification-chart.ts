import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { BUCKET_COLOURS, BUCKET_LABELS, SUMMARY_BUCKETS } from '../classification.ts';
import type { ClassificationSummary } from '../classification-summary.ts';
import { formatNumberId } from '../format.ts';

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

const TEXT_COLOUR = '#1f2937'; // 14.7:1 on white
const GRID_COLOUR = '#d1d5db';

/** Pixel height that gives each kecamatan bar room for its label, plus title, legend (wrapped on phones) and axis. */
export function classificationChartHeight(summary: ClassificationSummary): number {
  return 200 + Math.max(1, summary.rows.length) * 44;
}

function tickLabel(value: string | number): string {
  return typeof value === 'number' ? formatNumberId(value) : value;
}

function tooltipLabel(item: TooltipItem<'bar'>): string {
  return `${item.dataset.label ?? ''}: ${formatNumberId(item.parsed.x ?? 0)}`;
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
  const datasets = SUMMARY_BUCKETS.filter((bucket) => summary.totals[bucket] > 0).map((bucket) => ({
    label: BUCKET_LABELS[bucket],
    data: summary.rows.map((row) => row[bucket]),
    backgroundColor: BUCKET_COLOURS[bucket],
    borderColor: '#ffffff',
    borderWidth: 1,
    maxBarThickness: 32,
  }));

  return {
    type: 'bar',
    data: { labels: summary.rows.map((row) => row.name), datasets },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: 'id-ID',
      color: TEXT_COLOUR,
      plugins: {
        title: { display: true, text: titleLines, color: TEXT_COLOUR, font: { size: 15 } },
        legend: { position: 'bottom', labels: { color: TEXT_COLOUR } },
        tooltip: { callbacks: { label: tooltipLabel } },
      },
      scales: {
        x: {
          stacked: true,
          beginAtZero: true,
          title: { display: true, text: 'Jumlah rumah tangga', color: TEXT_COLOUR },
          ticks: { color: TEXT_COLOUR, precision: 0, callback: tickLabel },
          grid: { color: GRID_COLOUR },
        },
        y: {
          stacked: true,
          title: { display: true, text: areaLabel, color: TEXT_COLOUR },
          ticks: { color: TEXT_COLOUR },
          grid: { display: false },
        },
      },
    },
  };
}
