import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { formatNumberId } from '../format.ts';
import { ACTIVE_NEED_STATUSES, NEED_STATUS_COLOURS, NEED_STATUS_LABELS } from '../needs-summary.ts';
import type { NeedGroupRow } from '../needs-summary.ts';
import { GRID_COLOUR, TEXT_COLOUR, tickLabel, wrapTitle } from './chart-style.ts';

export type NeedsChartConfig = ChartConfiguration<'bar', number[], string>;

/** Pixel height that gives each bar room for its label, plus title, legend and axis. */
export function needsChartHeight(rows: readonly NeedGroupRow[]): number {
  return 190 + Math.max(1, rows.length) * 36;
}

function tooltipLabel(item: TooltipItem<'bar'>): string {
  return `${item.dataset.label ?? ''}: ${formatNumberId(item.parsed.x ?? 0)}`;
}

/**
 * Horizontal stacked bars of active needs (open and planned) per group (category or agency).
 * `title` is shown above the chart; `axisLabel` names the groups ("Kategori", "Perangkat daerah").
 */
export function buildNeedsChartConfig(
  rows: readonly NeedGroupRow[],
  title: string,
  axisLabel: string,
): NeedsChartConfig {
  return {
    type: 'bar',
    data: {
      labels: rows.map((row) => row.label),
      datasets: ACTIVE_NEED_STATUSES.map((status) => ({
        label: NEED_STATUS_LABELS[status] ?? status,
        data: rows.map((row) => row[status]),
        backgroundColor: NEED_STATUS_COLOURS[status],
        borderColor: '#ffffff',
        borderWidth: 1,
        maxBarThickness: 28,
      })),
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
        tooltip: { callbacks: { label: tooltipLabel } },
      },
      scales: {
        x: {
          stacked: true,
          beginAtZero: true,
          title: { display: true, text: 'Jumlah kebutuhan', color: TEXT_COLOUR },
          ticks: { color: TEXT_COLOUR, precision: 0, callback: tickLabel },
          grid: { color: GRID_COLOUR },
        },
        y: {
          stacked: true,
          title: { display: true, text: axisLabel, color: TEXT_COLOUR },
          ticks: { color: TEXT_COLOUR },
          grid: { display: false },
        },
      },
    },
  };
}
