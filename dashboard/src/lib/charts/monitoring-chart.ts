import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { formatRupiah } from '@siap-pd/core/format-rupiah';
import { formatNumberId } from '../format.ts';
import { GRID_COLOUR, TEXT_COLOUR, wrapTitle } from './chart-style.ts';

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

function tooltipLabel(axis: 'x' | 'y') {
  return (item: TooltipItem<'bar'>): string =>
    `${item.dataset.label ?? ''}: ${formatRupiah(item.parsed[axis] ?? 0)}`;
}

/** Pixel height of the per-agency chart: room for two bars per agency, plus title, legend and axis. */
export function agencyChartHeight(count: number): number {
  return 200 + Math.max(1, count) * 44;
}

function datasets(bars: readonly PlannedRealizedBar[], plannedLabel: string, realizedLabel: string) {
  return [
    {
      label: plannedLabel,
      data: bars.map((bar) => bar.planned),
      backgroundColor: PLANNED_COLOUR,
      borderColor: '#ffffff',
      borderWidth: 1,
      maxBarThickness: 22,
    },
    {
      label: realizedLabel,
      data: bars.map((bar) => bar.realized),
      backgroundColor: REALIZED_COLOUR,
      borderColor: '#ffffff',
      borderWidth: 1,
      maxBarThickness: 22,
    },
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
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: 'id-ID',
      color: TEXT_COLOUR,
      plugins: {
        title: { display: true, text: wrapTitle(title), color: TEXT_COLOUR, font: { size: 15 } },
        legend: { position: 'bottom', labels: { color: TEXT_COLOUR } },
        tooltip: { callbacks: { label: tooltipLabel('x') } },
      },
      scales: {
        x: {
          beginAtZero: true,
          title: { display: true, text: 'Rupiah', color: TEXT_COLOUR },
          ticks: { color: TEXT_COLOUR, callback: rupiahTick, maxRotation: 0, autoSkip: true },
          grid: { color: GRID_COLOUR },
        },
        y: {
          title: { display: true, text: 'Perangkat daerah', color: TEXT_COLOUR },
          ticks: { color: TEXT_COLOUR },
          grid: { display: false },
        },
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
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: 'id-ID',
      color: TEXT_COLOUR,
      plugins: {
        title: { display: true, text: wrapTitle(title), color: TEXT_COLOUR, font: { size: 15 } },
        legend: { position: 'bottom', labels: { color: TEXT_COLOUR } },
        tooltip: { callbacks: { label: tooltipLabel('y') } },
      },
      scales: {
        x: {
          title: { display: true, text: 'Triwulan', color: TEXT_COLOUR },
          ticks: { color: TEXT_COLOUR },
          grid: { display: false },
        },
        y: {
          beginAtZero: true,
          title: { display: true, text: 'Rupiah', color: TEXT_COLOUR },
          ticks: { color: TEXT_COLOUR, callback: rupiahTick },
          grid: { color: GRID_COLOUR },
        },
      },
    },
  };
}
