import { readNumber } from './read-number.ts';
import type { Facts } from './types.ts';

export type FilterMatch = {
  /** true only when the filter holds and it names no missing field and has no problem */
  matched: boolean;
  /** fields the filter names that are not in the facts at all (e.g. a survey field that was removed) */
  missingFields: string[];
  /** what in the filter could not be understood (Bahasa Indonesia) */
  problems: string[];
};

type Context = { facts: Facts; missing: Set<string>; problems: string[] };

/**
 * Evaluates a Directus filter (as the Directus filter interface stores it) over flat facts: survey
 * answers merged with derived metrics. Supported: `_and`, `_or`, and per field `_eq`, `_neq`, `_in`,
 * `_nin`, `_lt`, `_lte`, `_gt`, `_gte`, `_between`, `_nbetween`, `_null`, `_nnull`, `_contains`,
 * `_ncontains`, `_icontains`; several keys in one object must all hold. A JSON text filter is parsed.
 *
 * Null, undefined and blank answers never satisfy a comparison (not even `_neq` or `_nin`); only
 * `_null` / `_nnull` look at them. Numbers compare numerically also when one side is numeric text
 * ("8" = 8); booleans accept true/false, "true"/"false", 1/0. `_in` accepts a list or comma-separated
 * text; on a list answer (e.g. aid_received) `_in` holds when any element is in the list, `_nin` when
 * none is, `_contains` when the list has the element. Never throws: anything it cannot read is a problem
 * and makes the filter not match, and so does a field missing from the facts.
 */
export function matchFilter(filter: unknown, facts: Facts): FilterMatch {
  const context: Context = { facts, missing: new Set(), problems: [] };
  let parsed = filter;
  if (typeof filter === 'string') {
    try {
      parsed = JSON.parse(filter) as unknown;
    } catch {
      return { matched: false, missingFields: [], problems: ['Kondisi bukan JSON filter yang sah.'] };
    }
  }
  const holds = evaluateNode(parsed, context);
  const missingFields = [...context.missing];
  return {
    matched: holds && missingFields.length === 0 && context.problems.length === 0,
    missingFields,
    problems: context.problems,
  };
}

function evaluateNode(node: unknown, context: Context): boolean {
  if (!isPlainObject(node)) {
    context.problems.push(`Bagian kondisi ${JSON.stringify(node) ?? String(node)} bukan objek filter.`);
    return false;
  }
  let holds = true;
  for (const [key, value] of Object.entries(node)) {
    let result: boolean;
    if (key === '_and' || key === '_or') {
      if (!Array.isArray(value)) {
        context.problems.push(`"${key}" harus berisi daftar kondisi.`);
        result = false;
      } else {
        // evaluate every branch (no short cut) so every missing field is reported
        const results = value.map((child) => evaluateNode(child, context));
        result = key === '_and' ? results.every(Boolean) : results.some(Boolean);
      }
    } else if (key.startsWith('_')) {
      context.problems.push(`Operator logika "${key}" tidak dikenali.`);
      result = false;
    } else {
      result = evaluateField(key, value, context);
    }
    holds = holds && result;
  }
  return holds;
}

function evaluateField(field: string, operators: unknown, context: Context): boolean {
  if (!Object.hasOwn(context.facts, field)) {
    context.missing.add(field);
    return false;
  }
  if (!isPlainObject(operators) || Object.keys(operators).length === 0) {
    context.problems.push(`Kondisi untuk isian "${field}" tidak berisi operator.`);
    return false;
  }
  const fact = context.facts[field];
  let holds = true;
  for (const [operator, operand] of Object.entries(operators)) {
    const result = applyOperator(operator, fact, operand);
    if (result === undefined) {
      context.problems.push(
        `Operator "${operator}" pada isian "${field}" tidak dikenali atau nilainya tidak sah.`,
      );
      holds = false;
    } else {
      holds = holds && result;
    }
  }
  return holds;
}

const COMPARISONS: ReadonlySet<string> = new Set([
  '_eq',
  '_neq',
  '_in',
  '_nin',
  '_lt',
  '_lte',
  '_gt',
  '_gte',
  '_between',
  '_nbetween',
  '_contains',
  '_ncontains',
  '_icontains',
]);

/** undefined = the operator or its operand cannot be understood */
function applyOperator(operator: string, fact: unknown, operand: unknown): boolean | undefined {
  switch (operator) {
    case '_null':
    case '_nnull': {
      const flag = toBoolean(operand);
      if (flag === null) return undefined;
      const wantsNull = operator === '_null' ? flag : !flag;
      return isMissing(fact) === wantsNull;
    }
  }

  if (!COMPARISONS.has(operator)) return undefined;
  if (operator === '_in' || operator === '_nin' || operator === '_between' || operator === '_nbetween') {
    if (toList(operand) === null) return undefined;
  }
  // a null answer never satisfies a comparison
  if (isMissing(fact)) return false;

  switch (operator) {
    case '_eq':
      return !Array.isArray(fact) && equals(fact, operand);
    case '_neq':
      return !Array.isArray(fact) && !equals(fact, operand);
    case '_in':
    case '_nin': {
      const list = toList(operand) ?? [];
      const inList = (value: unknown) => list.some((item) => equals(value, item));
      const any = Array.isArray(fact) ? fact.some(inList) : inList(fact);
      return operator === '_in' ? any : !any;
    }
    case '_lt':
    case '_lte':
    case '_gt':
    case '_gte': {
      const order = compare(fact, operand);
      if (order === null) return false;
      if (operator === '_lt') return order < 0;
      if (operator === '_lte') return order <= 0;
      if (operator === '_gt') return order > 0;
      return order >= 0;
    }
    case '_between':
    case '_nbetween': {
      const [low, high] = toList(operand) ?? [];
      const fromLow = compare(fact, low);
      const toHigh = compare(fact, high);
      if (fromLow === null || toHigh === null) return false;
      const inside = fromLow >= 0 && toHigh <= 0;
      return operator === '_between' ? inside : !inside;
    }
    case '_contains':
    case '_ncontains':
    case '_icontains': {
      let has: boolean;
      if (Array.isArray(fact)) {
        has = fact.some((item) =>
          operator === '_icontains'
            ? String(item).toLowerCase() === String(operand).toLowerCase()
            : equals(item, operand),
        );
      } else if (typeof fact === 'string') {
        has =
          operator === '_icontains'
            ? fact.toLowerCase().includes(String(operand).toLowerCase())
            : fact.includes(String(operand));
      } else {
        return false;
      }
      return operator === '_ncontains' ? !has : has;
    }
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMissing(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function toBoolean(value: unknown): boolean | null {
  if (value === true || value === 1 || value === 'true' || value === '1') return true;
  if (value === false || value === 0 || value === 'false' || value === '0') return false;
  return null;
}

function toList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return value.split(',').map((item) => item.trim());
  if (typeof value === 'number' || typeof value === 'boolean') return [value];
  return null;
}

function equals(a: unknown, b: unknown): boolean {
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    const left = toBoolean(a);
    const right = toBoolean(b);
    return left !== null && left === right;
  }
  const left = readNumber(a);
  const right = readNumber(b);
  if (left !== null && right !== null) return left === right;
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return false;
}

/** negative, zero or positive; null when the two cannot be ordered */
function compare(a: unknown, b: unknown): number | null {
  if (typeof a === 'boolean' || typeof b === 'boolean') return null;
  const left = readNumber(a);
  const right = readNumber(b);
  if (left !== null && right !== null) return left - right;
  if (left === null && right === null && typeof a === 'string' && typeof b === 'string') {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return null;
}
