/** A relational value in a Directus payload is a key or a nested object with one: return the key. */
export function keyOf(value: unknown): string | number | null {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const name of ['id', 'code', 'key']) {
      const key = record[name];
      if (typeof key === 'string' || typeof key === 'number') return key;
    }
  }
  return null;
}
