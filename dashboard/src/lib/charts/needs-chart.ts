import type { ChartConfiguration } from 'chart.js';
import { formatNumberId } from '../format.ts';
import { ACTIVE_NEED_STATUSES, NEED_STATUS_COLOURS, NEED_STATUS_LABELS } from '../needs-summary.ts';
import type { NeedGroupRow } from '../needs-summary.ts';
import {
  barDataset,
  categoryAxis,
  chartOptions,
  tickLabel,
  valueAxis,
  valueTooltip,
  wrapTitle,
} from './chart-style.ts';

export type NeedsChartConfig = ChartConfiguration<'bar', number[], string>;

/** Pixel height that gives each bar room for its label, plus title, legend and axis. */
export function needsChartHeight(rows: readonly NeedGroupRow[]): number {
  return 190 + Math.max(1, rows.length) * 36;
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
      datasets: ACTIVE_NEED_STATUSES.map((status) =>
        barDataset(
          NEED_STATUS_LABELS[status] ?? status,
          rows.map((row) => row[status]),
          NEED_STATUS_COLOURS[status],
          28,
        ),
      ),
    },
    options: {
      indexAxis: 'y',
      ...chartOptions(wrapTitle(title), valueTooltip(formatNumberId, 'x')),
      scales: {
        x: { stacked: true, ...valueAxis('Jumlah kebutuhan', { precision: 0, callback: tickLabel }) },
        y: { stacked: true, ...categoryAxis(axisLabel) },
      },
    },
  };
}
