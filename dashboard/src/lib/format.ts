import { formatNumberId } from '@siap-pd/core/format-number-id';

/** 1234 -> "1.234" (Indonesian grouping; from core so every package formats alike). */
export { formatNumberId };

/** Share of a total as "14,3%" (one decimal); "0,0%" when the total is zero. */
export function formatShareId(part: number, total: number): string {
  return `${formatNumberId(total > 0 ? (part / total) * 100 : 0, { decimals: 1 })}%`;
}
