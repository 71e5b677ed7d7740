/**
 * Formats a number the Indonesian way, without depending on the runtime's locale data:
 * dots group thousands, a comma separates decimals ('11.428.450', '7,25', '-5.000').
 * `decimals` (default 0) is the exact number of decimals shown, rounded half away from zero.
 * null, undefined, NaN and Infinity give '-'.
 */
export function formatNumberId(n: number | null | undefined, options: { decimals?: number } = {}): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '-';
  const decimals = Math.max(0, Math.min(20, Math.trunc(options.decimals ?? 0)));
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(n) * factor) / factor;
  const [whole = '0', fraction] = rounded.toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const negative = n < 0 && rounded !== 0;
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `,${fraction}`}`;
}
