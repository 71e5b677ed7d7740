/**
 * The computed columns whose value differs from what is stored, so a writer touches only what
 * changed. null and undefined are the same (nothing stored); a number equals its numeric text
 * (PostgreSQL returns bigInteger columns as strings: 544169 = '544169'); booleans equal their 0/1
 * storage (SQLite); lists and objects compare by their JSON. Only the keys of `computed` are looked at.
 */
export function diffColumns<T extends Record<string, unknown>>(
  stored: Readonly<Record<string, unknown>>,
  computed: T,
): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(computed) as Array<keyof T & string>) {
    if (!sameValue(stored[key], computed[key])) changes[key] = computed[key];
  }
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const aEmpty = a === null || a === undefined;
  const bEmpty = b === null || b === undefined;
  if (aEmpty || bEmpty) return aEmpty && bEmpty;
  if (typeof a === 'boolean' || typeof b === 'boolean')
    return toBoolean(a) !== null && toBoolean(a) === toBoolean(b);
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  if (typeof a === 'number' || typeof b === 'number') {
    const left = Number(a);
    const right = Number(b);
    return String(a).trim() !== '' && String(b).trim() !== '' && left === right;
  }
  return String(a) === String(b);
}

function toBoolean(value: unknown): boolean | null {
  if (value === true || value === 1 || value === '1' || value === 'true') return true;
  if (value === false || value === 0 || value === '0' || value === 'false') return false;
  return null;
}
