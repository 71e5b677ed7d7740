import { formatRupiah } from '@siap-pd/core/format-rupiah';
import type { AgencyEffectiveness } from '../effectiveness-view.ts';
import { formatNumberId } from '../format.ts';
import { buildRupiahBarChart } from './allocation-chart.ts';
import type { RupiahBarChartConfig } from './allocation-chart.ts';
import { groupedChartHeight } from './rupiah-axis.ts';

export const EFFECTIVENESS_COLOURS = { tagged: '#4b5563', linked: '#047857' } as const;

/** Per agency: the tagged rupiah beside the part linked to verified needs. */
export function buildEffectivenessChartConfig(
  rows: readonly AgencyEffectiveness[],
  title: string,
): RupiahBarChartConfig {
  return buildRupiahBarChart({
    title,
    axisLabel: 'Perangkat daerah',
    labels: rows.map((row) => row.label),
    datasets: [
      {
        label: 'Anggaran tertandai',
        data: rows.map((row) => row.tagged),
        colour: EFFECTIVENESS_COLOURS.tagged,
      },
      {
        label: 'Tertaut ke kebutuhan terverifikasi',
        data: rows.map((row) => row.linked),
        colour: EFFECTIVENESS_COLOURS.linked,
      },
    ],
  });
}

export function effectivenessChartHeight(rows: readonly AgencyEffectiveness[]): number {
  return groupedChartHeight(rows.length, 2);
}

/** Text alternative: the totals and the share in words (the table has every agency). */
export function describeEffectiveness(
  rows: readonly AgencyEffectiveness[],
  title: string,
  totals: { tagged: number; linked: number; sharePct: number | null },
): string {
  const share = totals.sharePct === null ? '-' : `${formatNumberId(totals.sharePct, { decimals: 1 })}%`;
  return (
    `Grafik batang: ${title}. ${formatNumberId(rows.length)} perangkat daerah; ` +
    `anggaran tertandai ${formatRupiah(totals.tagged)}, tertaut ke kebutuhan terverifikasi ` +
    `${formatRupiah(totals.linked)} (${share}). Angkanya ada di tabel di bawah grafik.`
  );
}
