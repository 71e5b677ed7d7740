import type { SurveyStatus } from './types.ts';

export type SurveyRef = {
  id: number;
  round: number;
  status: SurveyStatus;
  surveyed_at?: string | null;
  date_created?: string | null;
};

const COUNTED: ReadonlySet<SurveyStatus> = new Set(['submitted', 'verified']);

/**
 * The counted survey of a household: among its surveys in status submitted or verified (draft and
 * returned never count), the one of the latest round; within that round the latest surveyed_at,
 * then the latest date_created (a missing date is older than any date), then the highest id.
 * Dates are ISO text ('2025-03-14' or an ISO timestamp) and compare as text. null when none counts.
 * `maxRound` (the active survey round of planning_settings) leaves later rounds out: a round that is
 * still being surveyed counts only once the planner makes it the active round. null = no limit.
 */
export function pickCountedSurvey<S extends SurveyRef>(
  surveys: readonly S[],
  options: { maxRound?: number | null | undefined } = {},
): S | null {
  const maxRound = options.maxRound ?? null;
  let best: S | null = null;
  for (const survey of surveys) {
    if (!COUNTED.has(survey.status)) continue;
    if (maxRound !== null && survey.round > maxRound) continue;
    if (best === null || isLater(survey, best)) best = survey;
  }
  return best;
}

function isLater(a: SurveyRef, b: SurveyRef): boolean {
  if (a.round !== b.round) return a.round > b.round;
  const surveyed = compareDates(a.surveyed_at, b.surveyed_at);
  if (surveyed !== 0) return surveyed > 0;
  const created = compareDates(a.date_created, b.date_created);
  if (created !== 0) return created > 0;
  return a.id > b.id;
}

function compareDates(a: string | null | undefined, b: string | null | undefined): number {
  const left = a ?? '';
  const right = b ?? '';
  if (left === right) return 0;
  return left > right ? 1 : -1;
}
