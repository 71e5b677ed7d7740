// Shared types of the SIAP-PD domain core. Pure data shapes: no framework, no I/O.

/** Result of classifying a household against the poverty lines. */
export type Classification = 'ekstrem' | 'miskin' | 'tidak_miskin' | 'unclassified';

/** Classes a household can actually be placed in (rules' applies_to uses these). */
export type PovertyClass = Exclude<Classification, 'unclassified'>;

export type ClassificationBasis = 'income' | 'expenditure';

/** Why a household stays `unclassified`. */
export type ClassificationReason =
  | 'no_poverty_line'
  | 'missing_member_count'
  | 'invalid_member_count'
  | 'missing_income'
  | 'missing_expenditure'
  | 'invalid_amount'
  | 'negative_amount';

export type SurveyStatus = 'draft' | 'submitted' | 'verified' | 'returned';

export type Actor = 'operator' | 'verifikator' | 'perencana' | 'administrator';

/** Survey answers, keyed exactly as seed/reference/survey_variables.md (and any field an administrator adds). */
export type SurveyAnswers = Record<string, unknown>;

/** Facts a need rule reads: survey answers merged with derived metrics. */
export type Facts = Record<string, unknown>;

/** One row of `poverty_lines`: rupiah per capita per month. */
export type PovertyLine = {
  year: number;
  region: string;
  poverty_line: number;
  extreme_poverty_line: number;
};

export type DerivedMetrics = {
  /** monthly_income / member_count, rounded down to whole rupiah. */
  income_per_capita: number | null;
  /** monthly_expenditure / member_count, rounded down to whole rupiah. */
  expenditure_per_capita: number | null;
  /** the per-capita amount of the chosen basis (income or expenditure). */
  per_capita: number | null;
  /** floor_area_m2 / member_count, 2 decimals. */
  floor_area_per_capita: number | null;
};

export type ClassificationResult = {
  classification: Classification;
  reason: ClassificationReason | null;
  per_capita: number | null;
  basis: ClassificationBasis;
  poverty_line_used: number | null;
  extreme_line_used: number | null;
  line_year: number | null;
};

export type IndicatorOperator =
  'eq' | 'neq' | 'in' | 'not_in' | 'lt' | 'lte' | 'gt' | 'gte' | 'is_true' | 'is_false';

/** A Directus filter object, e.g. `{ "_and": [ { "floor_type": { "_in": ["tanah"] } } ] }`. */
export type Filter = Record<string, unknown>;

/** A need rule (`indicators` collection). */
export type Indicator = {
  key: string;
  label: string;
  category: string;
  field: string | null;
  operator: IndicatorOperator | null;
  value: unknown;
  /** Directus filter; when present it replaces field/operator/value. */
  condition: Filter | null;
  quantity_field: string | null;
  /** classifications the rule applies to; empty or null = all. */
  applies_to: readonly Classification[] | null;
  sub_kegiatan: string | null;
  active: boolean;
  weight?: number | null;
  note?: string | null;
};

export type NeedStatus = 'open' | 'planned' | 'addressed' | 'dismissed' | 'resolved';

/** A need as a rule evaluation produced it (before it is stored). */
export type DetectedNeed = {
  indicator: string;
  quantity: number;
  sub_kegiatan: string | null;
  category: string;
};

/** A stored need, as far as reconciliation needs to know it. */
export type ExistingNeed = {
  id: number;
  indicator: string;
  status: NeedStatus;
  quantity: number;
  no_longer_detected?: boolean | null;
};

export type IdentityKind = 'nik' | 'no_kk';

/** A finding about a NIK or No. KK; `message` is for the user (Bahasa Indonesia, says what to do). */
export type IdentityIssue = {
  code: string;
  message: string;
};

export type IdentityCheck = {
  /** the 16-digit value when there is no error; null when empty or invalid. */
  value: string | null;
  errors: IdentityIssue[];
  warnings: IdentityIssue[];
};

export type Sex = 'L' | 'P';
