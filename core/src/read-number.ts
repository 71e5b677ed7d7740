const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Reads a number from a stored value: a finite number, a bigint, or numeric text such as
 * "1500000" (PostgreSQL returns bigInteger columns as strings). Anything else gives null:
 * empty, null, booleans, "1.500.000", "6.3110E+15", NaN, Infinity.
 */
export function readNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') {
    const text = value.trim();
    if (!NUMERIC_TEXT.test(text)) return null;
    const parsed = Number(text);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}
