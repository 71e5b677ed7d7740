import { describe, expect, it } from 'vitest';
import type { AgencyEffectiveness } from '../effectiveness-view.ts';
import {
  buildEffectivenessChartConfig,
  describeEffectiveness,
  effectivenessChartHeight,
} from './effectiveness-chart.ts';

const ROWS: AgencyEffectiveness[] = [
  {
    perangkat_daerah: 'disperkim',
    label: 'Disperkim',
    tagged: 2_000_000_000,
    linked: 2_000_000_000,
    share_pct: 100,
    sub_kegiatan: 1,
  },
  {
    perangkat_daerah: 'bappedalitbang',
    label: 'Bappedalitbang',
    tagged: 500_000_000,
    linked: 0,
    share_pct: 0,
    sub_kegiatan: 1,
  },
];

describe('buildEffectivenessChartConfig', () => {
  const config = buildEffectivenessChartConfig(ROWS, 'Anggaran tertandai 2026');

  it('puts tagged and linked rupiah side by side per agency, titled, with rupiah axis', () => {
    expect(config.data.labels).toEqual(['Disperkim', 'Bappedalitbang']);
    expect(config.data.datasets.map((dataset) => [dataset.label, dataset.data])).toEqual([
      ['Anggaran tertandai', [2_000_000_000, 500_000_000]],
      ['Tertaut ke kebutuhan terverifikasi', [2_000_000_000, 0]],
    ]);
    const x = config.options?.scales?.['x'] as {
      title?: { text?: string };
      ticks?: { callback?: (v: number) => unknown };
    };
    expect(x.title?.text).toBe('Rupiah');
    expect(x.ticks?.callback?.(2_000_000_000)).toBe('Rp 2 M');
    expect([config.options?.plugins?.title?.text].flat().join(' ')).toBe('Anggaran tertandai 2026');
    expect(effectivenessChartHeight(ROWS)).toBe(292);
  });

  it('describes the totals and the share in words', () => {
    expect(
      describeEffectiveness(ROWS, 'Anggaran tertandai 2026', {
        tagged: 2_500_000_000,
        linked: 2_000_000_000,
        sharePct: 80,
      }),
    ).toBe(
      'Grafik batang: Anggaran tertandai 2026. 2 perangkat daerah; anggaran tertandai Rp 2.500.000.000, ' +
        'tertaut ke kebutuhan terverifikasi Rp 2.000.000.000 (80,0%). Angkanya ada di tabel di bawah grafik.',
    );
  });
});
