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

// --- Baseline import (P3KE/DTSEN), reconciliation and data quality ---

/** Which baseline list a household came from; `new` = found in the field, absent from the lists. */
export type BaselineSource = 'p3ke' | 'dtsen';
export type HouseholdSource = BaselineSource | 'new';

/** Column names of the baseline CSV after header normalisation (DESIGN.md "Public interfaces"). */
export type BaselineColumn =
  | 'id_keluarga'
  | 'no_kk'
  | 'nik_kepala'
  | 'nama_kepala'
  | 'alamat'
  | 'kode_desa'
  | 'desil'
  | 'jumlah_anggota';

export type CsvSeparator = ',' | ';' | '\t';

/** One data record of a baseline CSV, as written. `row` is its spreadsheet row number (header = row 1). */
export type BaselineRecord = {
  row: number;
  /** trimmed cell text per recognised column ('' when the cell is empty or missing) */
  values: Record<BaselineColumn, string>;
  /** every cell as written, in header order (for the error file) */
  cells: string[];
  /** non-empty cells beyond the header's last column (a separator inside an unquoted value) */
  overflow: string[];
  /** the CSV reader found unbalanced quotes in this record */
  malformed: boolean;
};

/** A problem with one row: `field` is the CSV column (null for the row as a whole). */
export type BaselineIssue = {
  row: number;
  field: BaselineColumn | null;
  code: string;
  message: string;
};

/** A baseline row that passed validation, in the households' terms. */
export type BaselineRow = {
  row: number;
  /** id_keluarga: the list's own family id (p3ke_id or dtsen_id), null when not given */
  list_id: string | null;
  no_kk: string;
  head_nik: string;
  head_name: string;
  address: string | null;
  desa: string;
  kecamatan: string;
  /** desil 1-10, null when not given */
  decile: number | null;
  member_count: number;
  /** the head's sex read from the NIK (day + 40 for women) */
  head_sex: Sex | null;
};

/** A desa as the validator needs it (code with dots, e.g. 63.11.07.2002). */
export type DesaRef = { code: string; name: string; kecamatan: string };

export type BaselineDisposition =
  'found' | 'moved' | 'deceased' | 'split' | 'merged' | 'duplicate' | 'not_found' | 'new';

export type QualityFlag =
  | 'nik_outside_region'
  | 'coordinates_outside_region'
  | 'member_count_mismatch'
  | 'nik_ends_with_0000'
  | 'no_kk_missing';

/** The kabupaten's bounding box (planning_settings bbox_*); any null side disables the coordinate check. */
export type BoundingBox = {
  minLat: number | null;
  maxLat: number | null;
  minLng: number | null;
  maxLng: number | null;
};
