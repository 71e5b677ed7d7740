import type { ChartConfiguration } from 'chart.js';
import { formatRupiah } from '@siap-pd/core/format-rupiah';
import { formatNumberId } from '../format.ts';
import { barDataset, categoryAxis, chartOptions, valueAxis, valueTooltip, wrapTitle } from './chart-style.ts';

export type MonitoringChartConfig = ChartConfiguration<'bar', number[], string>;

export interface PlannedRealizedBar {
  label: string;
  planned: number;
  realized: number;
}

/** Planned: slate, realised: green (both AA against white); the legend names them and the table beside gives the numbers. */
const PLANNED_COLOUR = '#64748b';
const REALIZED_COLOUR = '#15803d';

/** Rupiah on an axis, short: "Rp 1,5 M" (miliar), "Rp 250 jt" (juta), "Rp 12 T" (triliun). */
export function rupiahTick(value: string | number): string {
  if (typeof value !== 'number') return value;
  const abs = Math.abs(value);
  const short = (divisor: number, unit: string): string =>
    `Rp ${formatNumberId(value / divisor, { decimals: Number.isInteger(value / divisor) ? 0 : 1 })} ${unit}`;
  if (abs >= 1e12) return short(1e12, 'T');
  if (abs >= 1e9) return short(1e9, 'M');
  if (abs >= 1e6) return short(1e6, 'jt');
  return formatRupiah(value);
}

/** Pixel height of the per-agency chart: room for two bars per agency, plus title, legend and axis. */
export function agencyChartHeight(count: number): number {
  return 200 + Math.max(1, count) * 44;
}

function datasets(bars: readonly PlannedRealizedBar[], plannedLabel: string, realizedLabel: string) {
  const planned = bars.map((bar) => bar.planned);
  const realized = bars.map((bar) => bar.realized);
  return [
    barDataset(plannedLabel, planned, PLANNED_COLOUR, 22),
    barDataset(realizedLabel, realized, REALIZED_COLOUR, 22),
  ];
}

/** Horizontal bars: planned against realised rupiah per perangkat daerah. */
export function buildAgencyCostChart(
  bars: readonly PlannedRealizedBar[],
  title: string,
): MonitoringChartConfig {
  return {
    type: 'bar',
    data: {
      labels: bars.map((bar) => bar.label),
      datasets: datasets(bars, 'Rencana', 'Realisasi'),
    },
    options: {
      indexAxis: 'y',
      ...chartOptions(wrapTitle(title), valueTooltip(formatRupiah, 'x')),
      scales: {
        x: valueAxis('Rupiah', { callback: rupiahTick, maxRotation: 0, autoSkip: true }),
        y: categoryAxis('Perangkat daerah'),
      },
    },
  };
}

/** Vertical bars per quarter: planned (spread evenly) against realised, both cumulative. */
export function buildQuarterCostChart(
  bars: readonly PlannedRealizedBar[],
  title: string,
): MonitoringChartConfig {
  return {
    type: 'bar',
    data: {
      labels: bars.map((bar) => bar.label),
      datasets: datasets(bars, 'Rencana kumulatif (dibagi rata per triwulan)', 'Realisasi kumulatif'),
    },
    options: {
      ...chartOptions(wrapTitle(title), valueTooltip(formatRupiah, 'y')),
      scales: {
        x: categoryAxis('Triwulan'),
        y: valueAxis('Rupiah', { callback: rupiahTick }),
      },
    },
  };
}
