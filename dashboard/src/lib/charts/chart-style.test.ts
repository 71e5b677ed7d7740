import { formatRupiah } from '@siap-pd/core/format-rupiah';
import { describe, expect, it } from 'vitest';
import { formatNumberId } from '../format.ts';
import {
  axisTitle,
  barDataset,
  BASE_CHART_OPTIONS,
  BOTTOM_LEGEND,
  categoryAxis,
  chartOptions,
  chartTitle,
  GRID_COLOUR,
  TEXT_COLOUR,
  tickLabel,
  valueAxis,
  valueTooltip,
  wrapTitle,
} from './chart-style.ts';

describe('tickLabel', () => {
  it.each([
    [1234, '1.234'],
    [0, '0'],
    ['Disperkim', 'Disperkim'],
  ])('%s → %s', (value, expected) => {
    expect(tickLabel(value)).toBe(expected);
  });
});

describe('wrapTitle', () => {
  it.each([
    ['Kebutuhan aktif per kategori', 34, ['Kebutuhan aktif per kategori']],
    [
      'Rumah tangga per kecamatan menurut klasifikasi',
      34,
      ['Rumah tangga per kecamatan menurut', 'klasifikasi'],
    ],
    ['  satu   dua  ', 34, ['satu dua']],
    ['', 34, []],
  ])('%j at %i characters', (title, width, expected) => {
    expect(wrapTitle(title, width)).toEqual(expected);
  });
});

describe('shared chart options', () => {
  it('fills its box, draws at once, in Indonesian and dark text', () => {
    expect(BASE_CHART_OPTIONS).toEqual({
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: 'id-ID',
      color: TEXT_COLOUR,
    });
    expect(BOTTOM_LEGEND).toEqual({ position: 'bottom', labels: { color: TEXT_COLOUR } });
  });

  it('titles the chart and its axes in dark text', () => {
    expect(chartTitle(['Judul', 'baris dua'])).toEqual({
      display: true,
      text: ['Judul', 'baris dua'],
      color: TEXT_COLOUR,
      font: { size: 15 },
    });
    expect(axisTitle('Rupiah')).toEqual({ display: true, text: 'Rupiah', color: TEXT_COLOUR });
    expect(categoryAxis('Perangkat daerah')).toEqual({
      title: { display: true, text: 'Perangkat daerah', color: TEXT_COLOUR },
      ticks: { color: TEXT_COLOUR },
      grid: { display: false },
    });
  });

  it('puts the title above, the legend below and the given tooltip text', () => {
    const label = valueTooltip(formatNumberId, 'x');
    expect(chartOptions(['Judul'], label)).toEqual({
      ...BASE_CHART_OPTIONS,
      plugins: { title: chartTitle(['Judul']), legend: BOTTOM_LEGEND, tooltip: { callbacks: { label } } },
    });
  });

  it('starts a value axis at zero, with grid lines and the given tick options', () => {
    expect(valueAxis('Jumlah', { precision: 0, callback: tickLabel })).toEqual({
      beginAtZero: true,
      title: { display: true, text: 'Jumlah', color: TEXT_COLOUR },
      ticks: { color: TEXT_COLOUR, precision: 0, callback: tickLabel },
      grid: { color: GRID_COLOUR },
    });
  });

  it('outlines bars in white', () => {
    expect(barDataset('Didanai', [1, 2], '#1d4ed8', 22)).toEqual({
      label: 'Didanai',
      data: [1, 2],
      backgroundColor: '#1d4ed8',
      borderColor: '#ffffff',
      borderWidth: 1,
      maxBarThickness: 22,
    });
  });
});

describe('valueTooltip', () => {
  it.each([
    ['rupiah on x', formatRupiah, 'x' as const, { x: 45_000_000, y: 0 }, 'Didanai', 'Didanai: Rp 45.000.000'],
    ['a count on x', formatNumberId, 'x' as const, { x: 1234, y: 0 }, 'Terbuka', 'Terbuka: 1.234'],
    ['a count on y', formatNumberId, 'y' as const, { x: 0, y: 56 }, 'Disurvei', 'Disurvei: 56'],
    ['a missing value as 0', formatNumberId, 'y' as const, { x: 0, y: null }, 'Disurvei', 'Disurvei: 0'],
    ['no dataset label', formatNumberId, 'x' as const, { x: 7, y: 0 }, undefined, ': 7'],
  ])('formats %s', (_case, format, axis, parsed, label, expected) => {
    expect(valueTooltip(format, axis)({ dataset: { label }, parsed })).toBe(expected);
  });
});
