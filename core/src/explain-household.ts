import { buildFacts } from './build-facts.ts';
import { describeClassificationReason } from './describe-classification-reason.ts';
import { evaluateIndicator } from './evaluate-indicator.ts';
import { formatRupiah } from './format-rupiah.ts';
import { listRuleFields } from './list-rule-fields.ts';
import { readNumber } from './read-number.ts';
import type {
  Classification,
  ClassificationBasis,
  Indicator,
  NeedStatus,
  PovertyLine,
  SurveyAnswers,
} from './types.ts';

export type ExplainHouseholdInput = {
  /** the household's stored result (what the engine wrote) */
  household: {
    classification: Classification | null;
    classification_reason: string | null;
    income_per_capita: number | string | null;
    classification_basis: ClassificationBasis | null;
    poverty_line_used: number | string | null;
    extreme_line_used: number | string | null;
    classified_survey: number | null;
    classified_at: string | null;
  };
  /** the counted survey; answers null when the caller may not read it */
  survey: { id: number; round: number | null; status: string | null; answers: SurveyAnswers | null } | null;
  region: string;
  lines: readonly PovertyLine[];
  indicators: readonly Indicator[];
  /** the needs the caller may read */
  needs: ReadonlyArray<{
    id: number;
    indicator: string;
    status: NeedStatus;
    quantity: number | string | null;
    category: string | null;
    sub_kegiatan: string | null;
    perangkat_daerah: string | null;
    no_longer_detected: boolean | null;
  }>;
};

export type NeedExplanation = {
  id: number;
  indicator: string;
  label: string;
  category: string | null;
  status: NeedStatus;
  quantity: number | null;
  sub_kegiatan: string | null;
  perangkat_daerah: string | null;
  no_longer_detected: boolean;
  rule: {
    field: string | null;
    operator: string | null;
    value: unknown;
    condition: unknown;
    quantity_field: string | null;
  } | null;
  /** the answers the rule reads (null when the survey is not readable for the caller) */
  answers: Array<{ field: string; value: unknown }> | null;
  /** whether the rule fires on the counted survey now; null when it cannot be told */
  fires_now: boolean | null;
  sentence: string;
};

export type HouseholdExplanation = {
  classification: Classification | null;
  classification_label: string;
  reason: string | null;
  basis: ClassificationBasis | null;
  per_capita: number | null;
  poverty_line: number | null;
  extreme_line: number | null;
  line_year: number | null;
  survey: { id: number; round: number | null; status: string | null } | null;
  /** the answers the classification reads (null when not readable) */
  amount: number | null;
  member_count: number | null;
  classified_at: string | null;
  sentence: string;
  needs: NeedExplanation[];
};

const LABEL: Record<Classification, string> = {
  ekstrem: 'Miskin ekstrem',
  miskin: 'Miskin',
  tidak_miskin: 'Tidak miskin',
  unclassified: 'Belum dapat diklasifikasi',
};

const OPERATOR_TEXT: Record<string, string> = {
  eq: 'sama dengan',
  neq: 'tidak sama dengan',
  in: 'salah satu dari',
  not_in: 'bukan salah satu dari',
  lt: 'kurang dari',
  lte: 'paling banyak',
  gt: 'lebih dari',
  gte: 'paling sedikit',
  is_true: '= ya',
  is_false: '= tidak',
};

/** Needs that a household holds now (shown by the explanation); resolved and dismissed ones are history. */
const HELD: ReadonlySet<NeedStatus> = new Set(['open', 'planned', 'addressed']);

/**
 * Explains a household's classification and its held needs (open, planned, addressed) in data and
 * in Bahasa Indonesia: which survey, basis, lines and values gave the class, and for each need
 * which rule, on which answers. Works from what is stored (the engine's last result) and the
 * counted survey's answers; when the caller may not read the survey, answers are left out.
 */
export function explainHousehold(input: ExplainHouseholdInput): HouseholdExplanation {
  const { household, survey } = input;
  const basis = household.classification_basis;
  const perCapita = readNumber(household.income_per_capita);
  const povertyLine = readNumber(household.poverty_line_used);
  const extremeLine = readNumber(household.extreme_line_used);
  const answers = survey?.answers ?? null;
  const amountField = basis === 'expenditure' ? 'monthly_expenditure' : 'monthly_income';
  const amount = answers === null ? null : readNumber(answers[amountField]);
  const members = answers === null ? null : readNumber(answers['member_count']);
  const lineYear = findLineYear(input, povertyLine, extremeLine);

  const classification = household.classification;
  const reason = classification === 'unclassified' ? (household.classification_reason ?? null) : null;
  const sentence = classificationSentence({
    classification,
    reason,
    basis,
    perCapita,
    povertyLine,
    extremeLine,
    lineYear,
    round: survey?.round ?? null,
    amount,
    members,
  });

  const byKey = new Map(input.indicators.map((indicator) => [indicator.key, indicator]));
  const facts = answers === null ? null : buildFacts(answers, basis ?? 'income');
  const needs = input.needs
    .filter((need) => HELD.has(need.status))
    .map((need) => explainNeed(need, byKey.get(need.indicator) ?? null, facts, classification));

  return {
    classification,
    classification_label: classification === null ? 'Belum diklasifikasi' : LABEL[classification],
    reason,
    basis,
    per_capita: perCapita,
    poverty_line: povertyLine,
    extreme_line: extremeLine,
    line_year: lineYear,
    survey: survey === null ? null : { id: survey.id, round: survey.round, status: survey.status },
    amount,
    member_count: members,
    classified_at: household.classified_at,
    sentence,
    needs,
  };
}

function findLineYear(
  input: ExplainHouseholdInput,
  poverty: number | null,
  extreme: number | null,
): number | null {
  if (poverty === null || extreme === null) return null;
  const round = input.survey?.round ?? Number.POSITIVE_INFINITY;
  let year: number | null = null;
  for (const line of input.lines) {
    if (line.region !== input.region || line.year > round) continue;
    if (readNumber(line.poverty_line) !== poverty || readNumber(line.extreme_poverty_line) !== extreme)
      continue;
    if (year === null || line.year > year) year = line.year;
  }
  return year;
}

function classificationSentence(o: {
  classification: Classification | null;
  reason: string | null;
  basis: ClassificationBasis | null;
  perCapita: number | null;
  povertyLine: number | null;
  extremeLine: number | null;
  lineYear: number | null;
  round: number | null;
  amount: number | null;
  members: number | null;
}): string {
  if (o.classification === null) {
    return 'Rumah tangga ini belum diklasifikasi karena belum ada survei yang diajukan atau diverifikasi pada ronde yang berlaku.';
  }
  const survey = o.round === null ? 'survei yang dihitung' : `survei ronde ${o.round}`;
  if (o.classification === 'unclassified') {
    return `Belum dapat diklasifikasi menurut ${survey}: ${describeClassificationReason(o.reason)}`;
  }
  const basisWord = o.basis === 'expenditure' ? 'pengeluaran' : 'pendapatan';
  const computation =
    o.amount !== null && o.members !== null
      ? ` (${formatRupiah(o.amount)} dibagi ${o.members} anggota keluarga)`
      : '';
  const lineSource = o.lineYear === null ? '' : ` tahun ${o.lineYear}`;
  const perCapita = `${basisWord} per kapita ${formatRupiah(o.perCapita)} per bulan${computation} menurut ${survey}`;
  const extreme = `garis kemiskinan ekstrem${lineSource} ${formatRupiah(o.extremeLine)}`;
  const poverty = `garis kemiskinan${lineSource} ${formatRupiah(o.povertyLine)}`;
  switch (o.classification) {
    case 'ekstrem':
      return `Miskin ekstrem: ${perCapita} berada di bawah ${extreme}.`;
    case 'miskin':
      return `Miskin: ${perCapita} berada di bawah ${poverty}, tetapi tidak di bawah ${extreme}.`;
    case 'tidak_miskin':
      return `Tidak miskin: ${perCapita} tidak berada di bawah ${poverty}.`;
  }
}

function explainNeed(
  need: ExplainHouseholdInput['needs'][number],
  indicator: Indicator | null,
  facts: Record<string, unknown> | null,
  classification: Classification | null,
): NeedExplanation {
  const base = {
    id: need.id,
    indicator: need.indicator,
    label: indicator?.label ?? need.indicator,
    category: need.category,
    status: need.status,
    quantity: readNumber(need.quantity),
    sub_kegiatan: need.sub_kegiatan,
    perangkat_daerah: need.perangkat_daerah,
    no_longer_detected: need.no_longer_detected === true,
  };
  if (indicator === null) {
    return {
      ...base,
      rule: null,
      answers: null,
      fires_now: null,
      sentence: `Kebutuhan ini berasal dari aturan "${need.indicator}" yang sudah tidak ada.`,
    };
  }
  const rule = {
    field: indicator.field,
    operator: indicator.operator,
    value: indicator.value,
    condition: indicator.condition,
    quantity_field: indicator.quantity_field,
  };
  const fields = listRuleFields(indicator);
  const ruleText = describeRule(indicator);
  if (facts === null) {
    return {
      ...base,
      rule,
      answers: null,
      fires_now: null,
      sentence: `Aturan "${base.label}" (${ruleText}). Jawaban survei tidak dapat ditampilkan dengan hak akses Anda.`,
    };
  }
  const answers = fields.map((field) => ({
    field,
    value: Object.hasOwn(facts, field) ? facts[field] : null,
  }));
  const evaluation = evaluateIndicator({ ...indicator, active: true }, facts, classification);
  const shown = answers.map((answer) => `${answer.field} = ${showValue(answer.value)}`).join(', ');
  const quantity =
    indicator.quantity_field && base.quantity !== null
      ? ` Volume ${base.quantity} dari isian ${indicator.quantity_field}.`
      : '';
  const flagged = base.no_longer_detected
    ? ' Survei terbaru tidak lagi menunjukkan kebutuhan ini, tetapi intervensinya tetap dicatat.'
    : '';
  const sentence = evaluation.fired
    ? `Aturan "${base.label}" terpenuhi oleh jawaban survei ${shown} (${ruleText}).${quantity}${flagged}`
    : `Aturan "${base.label}" (${ruleText}) tidak lagi terpenuhi oleh jawaban survei ${shown}.${flagged}`;
  return { ...base, rule, answers, fires_now: evaluation.fired, sentence };
}

function describeRule(indicator: Indicator): string {
  const condition = parseJson(indicator.condition);
  if (condition !== null && typeof condition === 'object' && Object.keys(condition).length > 0) {
    return `kondisi ${JSON.stringify(condition)}`;
  }
  const operator =
    indicator.operator === null ? '' : (OPERATOR_TEXT[indicator.operator] ?? indicator.operator);
  const value =
    indicator.operator === 'is_true' || indicator.operator === 'is_false'
      ? ''
      : ` ${showValue(parseJson(indicator.value))}`;
  return `${indicator.field ?? '?'} ${operator}${value}`.trim();
}

function showValue(value: unknown): string {
  if (value === null || value === undefined) return '(kosong)';
  if (Array.isArray(value)) return value.map((item) => showValue(item)).join(', ');
  if (typeof value === 'boolean') return value ? 'ya' : 'tidak';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  const text = value.trim();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return value;
  }
}
