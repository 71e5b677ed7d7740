import { buildFacts } from './build-facts.ts';
import { classifyHousehold } from './classify-household.ts';
import { computeHouseholdNeeds } from './compute-household-needs.ts';
import { diffColumns } from './diff-columns.ts';
import { reconcileNeeds } from './reconcile-needs.ts';
import type { NeedReconciliation } from './reconcile-needs.ts';
import type {
  Classification,
  ClassificationBasis,
  ClassificationReason,
  DetectedNeed,
  ExistingNeed,
  Indicator,
  PovertyLine,
  SurveyAnswers,
} from './types.ts';

/** What a household stores about its classification (DESIGN "Classification"). */
export type HouseholdResultColumns = {
  classification: Classification | null;
  classification_reason: ClassificationReason | null;
  /** per capita of the basis used, Rp per month */
  income_per_capita: number | null;
  classification_basis: ClassificationBasis | null;
  poverty_line_used: number | null;
  extreme_line_used: number | null;
  classified_survey: number | null;
};

/** A need as stored: detection plus the denormalised columns used for grouping and permissions. */
export type NeedRow = DetectedNeed & {
  survey: number | null;
  perangkat_daerah: string | null;
  desa: string | null;
  kecamatan: string | null;
};

/** A stored need with the columns a detection may change (compared by reconcileNeeds). */
export type StoredNeed = ExistingNeed & {
  survey?: number | null;
  category?: string | null;
  sub_kegiatan?: string | null;
  perangkat_daerah?: string | null;
  desa?: string | null;
  kecamatan?: string | null;
};

export type EvaluateHouseholdInput = {
  /** the household's region (copied onto its needs) and what it stores now */
  household: { desa: string | null; kecamatan: string | null } & Readonly<Record<string, unknown>>;
  /** the counted survey (pickCountedSurvey), or null when no survey counts */
  counted: { id: number; round: number; answers: SurveyAnswers } | null;
  basis: ClassificationBasis;
  region: string;
  lines: readonly PovertyLine[];
  /** null: classification only, the needs are left as they are */
  needs: {
    indicators: readonly Indicator[];
    /** sub_kegiatan code -> its perangkat_daerah */
    agencyOfSubKegiatan: Readonly<Record<string, string | null>>;
    existing: readonly StoredNeed[];
  } | null;
};

export type HouseholdEvaluation = {
  result: HouseholdResultColumns;
  /** columns whose stored value differs; need_count is included when the needs were evaluated */
  changes: Partial<HouseholdResultColumns & { need_count: number }>;
  /** the classification itself changed (not only a line, the survey or the per capita) */
  classChanged: boolean;
  detected: NeedRow[];
  /** null when the needs were not evaluated */
  reconciliation: NeedReconciliation<NeedRow> | null;
  /** problems of the rules themselves (Bahasa Indonesia), for the administrator */
  warnings: string[];
};

const UNCOUNTED: HouseholdResultColumns = {
  classification: null,
  classification_reason: null,
  income_per_capita: null,
  classification_basis: null,
  poverty_line_used: null,
  extreme_line_used: null,
  classified_survey: null,
};

/**
 * The whole engine for one household: classify it from its counted survey, run the need rules
 * over that survey's facts, and say what to write: the household columns that changed and the
 * needs to open, close or update (reconcileNeeds). With no counted survey the classification goes
 * back to null and every detected need disappears (open ones resolve; planned ones are flagged).
 * need_count is the number of needs the counted survey shows now.
 */
export function evaluateHousehold(input: EvaluateHouseholdInput): HouseholdEvaluation {
  const { household, counted, basis } = input;
  let result = UNCOUNTED;
  let facts: Record<string, unknown> | null = null;
  if (counted !== null) {
    const classified = classifyHousehold({
      answers: counted.answers,
      round: counted.round,
      basis,
      region: input.region,
      lines: input.lines,
    });
    result = {
      classification: classified.classification,
      classification_reason: classified.reason,
      income_per_capita: classified.per_capita,
      classification_basis: basis,
      poverty_line_used: classified.poverty_line_used,
      extreme_line_used: classified.extreme_line_used,
      classified_survey: counted.id,
    };
    // the facts only feed the need rules
    if (input.needs !== null) facts = buildFacts(counted.answers, basis);
  }

  const changes: HouseholdEvaluation['changes'] = diffColumns(household, result);
  const classChanged = 'classification' in changes;
  if (input.needs === null) {
    return { result, changes, classChanged, detected: [], reconciliation: null, warnings: [] };
  }

  const { indicators, agencyOfSubKegiatan, existing } = input.needs;
  let detected: NeedRow[] = [];
  let warnings: string[] = [];
  if (counted !== null && facts !== null) {
    const found = computeHouseholdNeeds({ indicators, facts, classification: result.classification });
    warnings = found.warnings;
    detected = found.needs.map((need) => ({
      ...need,
      survey: counted.id,
      perangkat_daerah:
        need.sub_kegiatan !== null && Object.hasOwn(agencyOfSubKegiatan, need.sub_kegiatan)
          ? (agencyOfSubKegiatan[need.sub_kegiatan] ?? null)
          : null,
      desa: household.desa,
      kecamatan: household.kecamatan,
    }));
  }
  Object.assign(changes, diffColumns(household, { need_count: detected.length }));
  return {
    result,
    changes,
    classChanged,
    detected,
    reconciliation: reconcileNeeds(existing, detected),
    warnings,
  };
}
