import { matchFilter } from './match-filter.ts';
import { readNumber } from './read-number.ts';
import type { Classification, Facts, Indicator } from './types.ts';

export type IndicatorEvaluation = {
  fired: boolean;
  /** units of the need when fired (the quantity field's value, else 1); 0 when not fired */
  quantity: number;
  /** what is wrong with the rule itself (Bahasa Indonesia), for the administrator */
  warning?: string;
};

const FILTER_OPERATOR: Record<string, [operator: string, fixed?: boolean]> = {
  eq: ['_eq'],
  neq: ['_neq'],
  in: ['_in'],
  not_in: ['_nin'],
  lt: ['_lt'],
  lte: ['_lte'],
  gt: ['_gt'],
  gte: ['_gte'],
  is_true: ['_eq', true],
  is_false: ['_eq', false],
};

/**
 * Evaluates one need rule for one household. `facts` are the counted survey's answers merged with
 * the derived metrics. A `condition` (Directus filter) replaces field/operator/value when present.
 * Null answers never fire (only an explicit `_null` looks at them). A rule naming a field that is not
 * in the facts at all, or that cannot be understood, does not fire and returns a warning; nothing
 * throws. A non-empty `applies_to` limits the rule to those classifications. The quantity is the
 * numeric value of `quantity_field` when it is a positive number, else 1. The `active` flag is not
 * looked at here (so an inactive rule can be previewed); computeHouseholdNeeds skips inactive rules.
 */
export function evaluateIndicator(
  indicator: Indicator,
  facts: Facts,
  classification: Classification | null,
): IndicatorEvaluation {
  const warnings: string[] = [];
  const name = (): string => `Aturan "${indicator.label || indicator.key}" (${indicator.key})`;
  const finish = (fired: boolean, quantity: number): IndicatorEvaluation =>
    warnings.length === 0 ? { fired, quantity } : { fired, quantity, warning: warnings.join(' ') };

  const built = builtFilter(indicator);
  if ('error' in built) {
    warnings.push(`${name()} ${built.error}`);
    return finish(false, 0);
  }

  const match = matchFilter(built.filter, facts);
  if (match.missingFields.length > 0) {
    const fields = match.missingFields.map((field) => `"${field}"`).join(', ');
    warnings.push(
      `${name()} memakai isian ${fields} yang tidak ada lagi pada survei, sehingga tidak dijalankan. ` +
        'Perbaiki atau nonaktifkan aturan ini di Indikator.',
    );
  }
  for (const problem of match.problems) {
    warnings.push(`${name()}: ${problem} Perbaiki kondisi aturan ini di Indikator.`);
  }

  const quantityField = indicator.quantity_field?.trim() ?? '';
  if (quantityField !== '' && !Object.hasOwn(facts, quantityField)) {
    warnings.push(
      `${name()} menghitung jumlah dari isian "${quantityField}" yang tidak ada lagi pada survei; jumlah dihitung 1. ` +
        'Perbaiki isian jumlah aturan ini di Indikator.',
    );
  }

  const appliesTo = indicator.applies_to ?? [];
  const applies = appliesTo.length === 0 || (classification !== null && appliesTo.includes(classification));
  if (!match.matched || !applies) return finish(false, 0);

  let quantity = 1;
  if (quantityField !== '') {
    const value = readNumber(facts[quantityField]);
    if (value !== null && value > 0) quantity = value;
  }
  return finish(true, quantity);
}

type BuiltFilter = { filter: unknown } | { error: string };

/**
 * A rule is evaluated for every household of a bulk run: its filter is built once per rule object
 * (rules are treated as immutable values; a changed rule is a new object).
 */
const BUILT = new WeakMap<Indicator, BuiltFilter>();

function builtFilter(indicator: Indicator): BuiltFilter {
  let built = BUILT.get(indicator);
  if (built === undefined) {
    built = buildFilter(indicator);
    BUILT.set(indicator, built);
  }
  return built;
}

/** the rule as a Directus filter, or a sentence saying why it cannot be evaluated */
function buildFilter(indicator: Indicator): BuiltFilter {
  const condition = readJsonText(indicator.condition);
  if (!isEmptyCondition(condition)) return { filter: condition };

  const field = indicator.field?.trim() ?? '';
  const operator = indicator.operator;
  if (field === '' || operator === null || operator === undefined) {
    return { error: 'belum punya isian dan operator, atau kondisi. Lengkapi aturan ini di Indikator.' };
  }
  const mapped = Object.hasOwn(FILTER_OPERATOR, operator) ? FILTER_OPERATOR[operator] : undefined;
  if (mapped === undefined) {
    return {
      error: `memakai operator "${String(operator)}" yang tidak dikenali. Pilih operator yang tersedia di Indikator.`,
    };
  }
  const [filterOperator, fixed] = mapped;
  const value = fixed ?? readJsonList(indicator.value);
  return { filter: { [field]: { [filterOperator]: value } } };
}

function isEmptyCondition(condition: unknown): boolean {
  if (condition === null || condition === undefined) return true;
  if (typeof condition === 'string') return condition.trim() === '';
  if (typeof condition === 'object' && !Array.isArray(condition)) return Object.keys(condition).length === 0;
  return false;
}

/** a condition stored as JSON text is parsed; text that is not JSON stays text (and is reported) */
function readJsonText(value: unknown): unknown {
  if (typeof value !== 'string' || value.trim() === '') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** a list stored as JSON text ('["tanah","bambu"]') becomes the list */
function readJsonList(value: unknown): unknown {
  if (typeof value !== 'string' || !value.trim().startsWith('[')) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
