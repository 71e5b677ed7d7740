import { formatRupiah } from '@siap-pd/core/format-rupiah';
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { barDataset, categoryAxis, chartOptions, valueAxis, wrapTitle } from './chart-style.ts';
import { groupedChartHeight, rupiahTick, rupiahTooltip } from './rupiah-axis.ts';

export type RupiahBarChartConfig = ChartConfiguration<'bar', number[], string>;

/** Colours with at least 4.5:1 against white, apart in lightness as well as hue. */
export const ALLOCATION_COLOURS = {
  reserved: '#4b5563',
  funded: '#1d4ed8',
  unfunded: '#b45309',
  ceiling: '#6b21a8',
  before: '#6b7280',
  after: '#1d4ed8',
} as const;

export interface RupiahDataset {
  label: string;
  data: number[];
  colour: string;
  /** bars with the same stack are stacked; without one, bars stand side by side */
  stack?: string;
}

/**
 * Horizontal rupiah bars per group (agency): grouped, or stacked where datasets share a `stack`. Axis
 * ticks in short rupiah ("Rp 1,5 M"), tooltips in full rupiah; `tooltip` may replace a bar's text.
 */
export function buildRupiahBarChart(input: {
  title: string;
  axisLabel: string;
  labels: string[];
  datasets: RupiahDataset[];
  tooltip?: (item: TooltipItem<'bar'>) => string;
}): RupiahBarChartConfig {
  const stacked = input.datasets.some((dataset) => dataset.stack !== undefined);
  return {
    type: 'bar',
    data: {
      labels: input.labels,
      datasets: input.datasets.map((dataset) => ({
        ...barDataset(dataset.label, dataset.data, dataset.colour, 22),
        ...(dataset.stack === undefined ? {} : { stack: dataset.stack }),
      })),
    },
    options: {
      indexAxis: 'y',
      ...chartOptions(wrapTitle(input.title), input.tooltip ?? rupiahTooltip),
      scales: {
        x: { stacked, ...valueAxis('Rupiah', { callback: rupiahTick, maxTicksLimit: 6 }) },
        y: { stacked, ...categoryAxis(input.axisLabel) },
      },
    },
  };
}

export interface AgencyBudgetBar {
  label: string;
  /** null = no ceiling */
  ceiling: number | null;
  reserved: number;
  funded: number;
  unfunded: number;
}

/**
 * Per agency, what is reserved, funded and left unfunded (one stacked bar: the whole cost of its
 * fundable needs) beside its ceiling (a second bar; none when the agency has no ceiling).
 */
export function buildAgencyBudgetChartConfig(
  rows: readonly AgencyBudgetBar[],
  title: string,
): RupiahBarChartConfig {
  const withReserved = rows.some((row) => row.reserved > 0);
  const withCeiling = rows.some((row) => row.ceiling !== null);
  const datasets: RupiahDataset[] = [];
  if (withReserved) {
    datasets.push({
      label: 'Dicadangkan',
      data: rows.map((row) => row.reserved),
      colour: ALLOCATION_COLOURS.reserved,
      stack: 'rencana',
    });
  }
  datasets.push(
    {
      label: 'Didanai',
      data: rows.map((row) => row.funded),
      colour: ALLOCATION_COLOURS.funded,
      stack: 'rencana',
    },
    {
      label: 'Tidak terdanai',
      data: rows.map((row) => row.unfunded),
      colour: ALLOCATION_COLOURS.unfunded,
      stack: 'rencana',
    },
  );
  if (withCeiling) {
    datasets.push({
      label: 'Pagu',
      data: rows.map((row) => row.ceiling ?? 0),
      colour: ALLOCATION_COLOURS.ceiling,
      stack: 'pagu',
    });
  }
  const tooltip = (item: TooltipItem<'bar'>): string => {
    if (item.dataset.label === 'Pagu' && rows[item.dataIndex]?.ceiling === null) return 'Pagu: tanpa pagu';
    return rupiahTooltip(item);
  };
  return buildRupiahBarChart({
    title,
    axisLabel: 'Perangkat daerah',
    labels: rows.map((row) => row.label),
    datasets,
    tooltip,
  });
}

export function agencyBudgetChartHeight(rows: readonly AgencyBudgetBar[]): number {
  return groupedChartHeight(rows.length, rows.some((row) => row.ceiling !== null) ? 2 : 1);
}

/** Text alternative of the agency chart: the largest funded agencies in words (the table has them all). */
export function describeAgencyBudget(rows: readonly AgencyBudgetBar[], title: string): string {
  const top = [...rows]
    .sort((a, b) => b.funded - a.funded)
    .slice(0, 3)
    .map((row) => `${row.label} ${formatRupiah(row.funded)}`);
  const overCeiling = rows.filter((row) => row.ceiling !== null && row.unfunded > 0).length;
  return (
    `Grafik batang: ${title}. ` +
    (top.length === 0 ? 'Belum ada yang didanai. ' : `Didanai terbesar: ${top.join('; ')}. `) +
    (overCeiling > 0 ? `${overCeiling} perangkat daerah punya kebutuhan melebihi pagu. ` : '') +
    'Angkanya ada di tabel di bawah grafik.'
  );
}

export interface ComparisonBar {
  label: string;
  before: number;
  after: number;
}

/** Two results side by side per agency (grouped bars): two runs, or the baseline and a what-if. */
export function buildComparisonChartConfig(
  rows: readonly ComparisonBar[],
  labels: { before: string; after: string },
  title: string,
): RupiahBarChartConfig {
  return buildRupiahBarChart({
    title,
    axisLabel: 'Perangkat daerah',
    labels: rows.map((row) => row.label),
    datasets: [
      { label: labels.before, data: rows.map((row) => row.before), colour: ALLOCATION_COLOURS.before },
      { label: labels.after, data: rows.map((row) => row.after), colour: ALLOCATION_COLOURS.after },
    ],
  });
}

export function comparisonChartHeight(rows: readonly ComparisonBar[]): number {
  return groupedChartHeight(rows.length, 2);
}
