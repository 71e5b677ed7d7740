import type { ChartConfiguration } from 'chart.js';
import { formatNumberId } from '../format.ts';
import type { SurveyProgress } from '../survey-progress.ts';
import {
  axisTitle,
  BASE_CHART_OPTIONS,
  chartTitle,
  TEXT_COLOUR,
  tickLabel,
  valueAxis,
  valueTooltip,
  wrapTitle,
} from './chart-style.ts';

export type ProgressChartConfig = ChartConfiguration<'line', number[], string>;

export const PROGRESS_CHART_TITLE = 'Kemajuan survei (jumlah kumulatif)';
export const PROGRESS_CHART_HEIGHT = 340;

/** Line colours (AA contrast against white) with different dash patterns, so they differ without colour too. */
const SURVEYED_COLOUR = '#1d4ed8';
const VERIFIED_COLOUR = '#15803d'; // 5.0:1

/** Line chart of surveys submitted/verified and surveys verified, as running totals per week or month. */
export function buildProgressChartConfig(progress: SurveyProgress): ProgressChartConfig {
  const period = progress.granularity === 'week' ? 'Minggu (mulai Senin)' : 'Bulan';
  return {
    type: 'line',
    data: {
      labels: progress.points.map((point) => point.label),
      datasets: [
        {
          label: 'Disurvei (diajukan atau terverifikasi)',
          data: progress.points.map((point) => point.surveyedTotal),
          borderColor: SURVEYED_COLOUR,
          backgroundColor: SURVEYED_COLOUR,
          pointStyle: 'circle',
          borderWidth: 3,
          tension: 0,
        },
        {
          label: 'Terverifikasi (menurut tanggal survei)',
          data: progress.points.map((point) => point.verifiedTotal),
          borderColor: VERIFIED_COLOUR,
          backgroundColor: VERIFIED_COLOUR,
          pointStyle: 'rect',
          borderDash: [6, 4],
          borderWidth: 3,
          tension: 0,
        },
      ],
    },
    options: {
      ...BASE_CHART_OPTIONS,
      plugins: {
        title: chartTitle(wrapTitle(PROGRESS_CHART_TITLE)),
        legend: { position: 'bottom', labels: { color: TEXT_COLOUR, usePointStyle: true } },
        tooltip: { callbacks: { label: valueTooltip(formatNumberId, 'y') } },
      },
      scales: {
        x: {
          title: axisTitle(period),
          ticks: { color: TEXT_COLOUR, maxRotation: 60, autoSkip: true },
          grid: { display: false },
        },
        y: valueAxis('Jumlah survei', { precision: 0, callback: tickLabel }),
      },
    },
  };
}
