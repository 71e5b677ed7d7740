import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { formatNumberId } from '../format.ts';
import type { SurveyProgress } from '../survey-progress.ts';
import { GRID_COLOUR, TEXT_COLOUR, tickLabel, wrapTitle } from './chart-style.ts';

export type ProgressChartConfig = ChartConfiguration<'line', number[], string>;

export const PROGRESS_CHART_TITLE = 'Kemajuan survei (jumlah kumulatif)';
export const PROGRESS_CHART_HEIGHT = 340;

/** Line colours (AA contrast against white) with different dash patterns, so they differ without colour too. */
const SURVEYED_COLOUR = '#1d4ed8';
const VERIFIED_COLOUR = '#15803d'; // 5.0:1

function tooltipLabel(item: TooltipItem<'line'>): string {
  return `${item.dataset.label ?? ''}: ${formatNumberId(item.parsed.y ?? 0)}`;
}

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
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: 'id-ID',
      color: TEXT_COLOUR,
      plugins: {
        title: {
          display: true,
          text: wrapTitle(PROGRESS_CHART_TITLE),
          color: TEXT_COLOUR,
          font: { size: 15 },
        },
        legend: { position: 'bottom', labels: { color: TEXT_COLOUR, usePointStyle: true } },
        tooltip: { callbacks: { label: tooltipLabel } },
      },
      scales: {
        x: {
          title: { display: true, text: period, color: TEXT_COLOUR },
          ticks: { color: TEXT_COLOUR, maxRotation: 60, autoSkip: true },
          grid: { display: false },
        },
        y: {
          beginAtZero: true,
          title: { display: true, text: 'Jumlah survei', color: TEXT_COLOUR },
          ticks: { color: TEXT_COLOUR, precision: 0, callback: tickLabel },
          grid: { color: GRID_COLOUR },
        },
      },
    },
  };
}
