/** Small readers for Directus aggregate answers (SQLite gives numbers, PostgreSQL strings). */

/** A JSON object from Directus, fields not yet checked. */
export type Row = Record<string, unknown>;

/** Keeps the objects of an array answer (anything else gives []). */
export function asRows(raw: unknown): Row[] {
  return Array.isArray(raw)
    ? raw.filter((item): item is Row => typeof item === 'object' && item !== null && !Array.isArray(item))
    : [];
}

/** An object (fields not yet checked); null for anything else (null, arrays, text, numbers). */
export function asRecord(value: unknown): Row | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Row) : null;
}

/** A number from a number or numeric string; null for anything else (null, '', 'abc', NaN). */
export function readNumber(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

/** A count or an amount: the number, or 0 when missing or not numeric. */
export function readAmount(value: unknown): number {
  return readNumber(value) ?? 0;
}

/**
 * One aggregate value: Directus answers `{ count: { id: 5 } }` for aggregate[count]=id, `{ count: 5 }` for
 * count=*, `{ sum: { member_count: '12' } }` for sums. `field` picks the inner key; without it the first one.
 * Missing or not numeric gives 0.
 */
export function readAggregate(value: unknown, field?: string): number {
  let inner = value;
  if (typeof inner === 'object' && inner !== null) {
    const record = inner as Row;
    inner = field !== undefined && field in record ? record[field] : Object.values(record)[0];
  }
  return readNumber(inner) ?? 0;
}

/** A key (code, id, slug) from a plain value or an expanded relation ({ code } / { id }); '' and null give null. */
export function readKey(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null) {
    const record = value as Row;
    for (const field of ['code', 'id', 'key']) {
      if (field in record) return readKey(record[field]);
    }
  }
  return null;
}

/** Text or null. */
export function readText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return String(value);
  return null;
}

/** Compares region codes numerically part by part ("63.11.10" after "63.11.09"); null last. */
export function compareCodes(a: string | null, b: string | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return a.localeCompare(b, 'en', { numeric: true });
}
