/** Directus filter objects the dashboard sends (pure: built here, sent by src/lib/server). */
export type Filter = Record<string, unknown>;

/** The area a page looks at; empty = everything the user may see. */
export interface AreaScope {
  kecamatan?: string | null;
  desa?: string | null;
}

/** Joins filters with _and, dropping empty ones; undefined when nothing is left. */
export function andFilters(...filters: (Filter | undefined | null)[]): Filter | undefined {
  const parts = filters.filter(
    (filter): filter is Filter => filter !== undefined && filter !== null && Object.keys(filter).length > 0,
  );
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  return { _and: parts };
}

/** Households, needs and interventions carry both desa and kecamatan (denormalised). */
export function areaFilter(scope: AreaScope): Filter | undefined {
  if (scope.desa) return { desa: { _eq: scope.desa } };
  if (scope.kecamatan) return { kecamatan: { _eq: scope.kecamatan } };
  return undefined;
}

/** Surveys carry only desa: a kecamatan is reached through desa.kecamatan. */
export function surveyAreaFilter(scope: AreaScope): Filter | undefined {
  if (scope.desa) return { desa: { _eq: scope.desa } };
  if (scope.kecamatan) return { desa: { kecamatan: { _eq: scope.kecamatan } } };
  return undefined;
}

/** Survey statuses that count (DESIGN.md: the counted survey is submitted or verified). */
export const COUNTED_SURVEY_STATUSES = ['submitted', 'verified'] as const;

function roundCondition(round: number | null): Filter[] {
  return round === null ? [] : [{ round: { _eq: round } }];
}

/**
 * Households with at least one survey meeting all `conditions` (in the same survey).
 * Written as `{ surveys: { _and: [...] } }`, Directus's implicit "some": in Directus 11.17 an explicit
 * `_some` (and `_none`) with more than one condition inside is ignored and matches every household.
 */
function withSurvey(conditions: Filter[]): Filter {
  return { surveys: conditions.length === 1 ? conditions[0] : { _and: conditions } };
}

/** Survey status filter values of the household list ("status survei"). */
export const SURVEY_STATE_OPTIONS = [
  { value: 'belum', label: 'Belum disurvei (belum pernah ada survei diajukan)' },
  { value: 'draft', label: 'Ada survei draf' },
  { value: 'submitted', label: 'Diajukan, menunggu verifikasi' },
  { value: 'verified', label: 'Terverifikasi' },
  { value: 'returned', label: 'Dikembalikan ke operator' },
] as const;
export type SurveyState = (typeof SURVEY_STATE_OPTIONS)[number]['value'];

export function isSurveyState(value: string): value is SurveyState {
  return SURVEY_STATE_OPTIONS.some((option) => option.value === value);
}

/**
 * Households in a survey state: with a survey of that status in the round (when known); 'belum' = with no
 * submitted or verified survey in any round (Directus 11.17 cannot combine conditions inside `_none`).
 */
export function surveyStateFilter(state: SurveyState, round: number | null): Filter {
  if (state === 'belum') return { surveys: { _none: { status: { _in: [...COUNTED_SURVEY_STATUSES] } } } };
  return withSurvey([{ status: { _eq: state } }, ...roundCondition(round)]);
}

/** Classification filter: a stored class, or 'belum' for households not classified yet (null). */
export function classificationFilter(value: string): Filter {
  if (value === 'belum') return { classification: { _null: true } };
  return { classification: { _eq: value } };
}
