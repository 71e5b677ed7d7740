import { formatNumberId } from './format-number-id.ts';

/**
 * Formats rupiah as Indonesians write it, rounded to whole rupiah and independent of locale data:
 * 'Rp 11.428.450.300', negative '-Rp 5.000'. null, undefined, NaN and Infinity give '-'.
 */
export function formatRupiah(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '-';
  const digits = formatNumberId(Math.abs(n));
  const negative = n < 0 && digits !== '0';
  return `${negative ? '-' : ''}Rp ${digits}`;
}
