import { formatRupiah } from '@siap-pd/core/format-rupiah';
import { formatNumberId } from '../format.ts';
import { valueTooltip } from './chart-style.ts';

const SCALES: readonly [number, string][] = [
  [1e12, 'T'],
  [1e9, 'M'],
  [1e6, 'jt'],
  [1e3, 'rb'],
];

/**
 * Rupiah in a few characters for an axis: "Rp 1,5 M" (miliar), "Rp 450 jt" (juta), "Rp 12 rb" (ribu),
 * "Rp 500". One decimal only below ten of a unit ("Rp 2,5 M", "Rp 25 M").
 */
export function formatRupiahShort(value: number): string {
  const sign = value < 0 ? '-' : '';
  const size = Math.abs(value);
  for (const [unit, suffix] of SCALES) {
    if (size >= unit) {
      const scaled = size / unit;
      const decimals = scaled < 10 && Math.round(scaled * 10) % 10 !== 0 ? 1 : 0;
      return `${sign}Rp ${formatNumberId(scaled, { decimals })} ${suffix}`;
    }
  }
  return `${sign}Rp ${formatNumberId(size)}`;
}

/** Axis tick callback for rupiah values (category labels pass through). */
export function rupiahTick(value: string | number): string {
  return typeof value === 'number' ? formatRupiahShort(value) : value;
}

/** Tooltip of a horizontal rupiah bar: "Didanai: Rp 45.000.000". */
export const rupiahTooltip = valueTooltip(formatRupiah, 'x');

/** Pixel height that gives each group of bars room for its label, plus title, legend and axis. */
export function groupedChartHeight(groups: number, barsPerGroup: number): number {
  return 200 + Math.max(1, groups) * (14 + 16 * barsPerGroup);
}
