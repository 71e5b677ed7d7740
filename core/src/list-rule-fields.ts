import type { Indicator } from './types.ts';

/**
 * The survey fields and derived metrics a need rule reads, in the order they appear: the fields of
 * its condition (a Directus filter, JSON text or object) when it has one, else its field, then its
 * quantity field. Logical keys (`_and`, `_or`) and operators are not fields.
 */
export function listRuleFields(
  indicator: Pick<Indicator, 'condition' | 'field' | 'quantity_field'>,
): string[] {
  const fields: string[] = [];
  const add = (field: string): void => {
    const name = field.trim();
    if (name !== '' && !fields.includes(name)) fields.push(name);
  };
  const condition = parseJson(indicator.condition);
  if (condition !== null && typeof condition === 'object' && Object.keys(condition).length > 0) {
    collect(condition, add);
  } else if (indicator.field) {
    add(indicator.field);
  }
  if (indicator.quantity_field) add(indicator.quantity_field);
  return fields;
}

function collect(node: unknown, add: (field: string) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) collect(child, add);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '_and' || key === '_or') collect(value, add);
    else if (!key.startsWith('_')) add(key);
  }
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  if (value.trim() === '') return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}
