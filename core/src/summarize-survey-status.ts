import type { SurveyStatus } from './types.ts';

export type SurveyStatusRef = { id: number; round: number; status: SurveyStatus };

/**
 * What a household's surveys of the planning round amount to, stored on the household as
 * `survey_status` so summaries count surveyed and verified households without reading surveys:
 * - 'verified' when any survey of the round is verified;
 * - else 'submitted' when any is submitted (waiting for the verifier);
 * - else the status of its latest survey of the round (highest id): 'draft' or 'returned';
 * - null when it has no survey of the round.
 * A null round (no survey round in the settings) takes every round into account.
 */
export function summarizeSurveyStatus(
  surveys: readonly SurveyStatusRef[],
  round: number | null,
): SurveyStatus | null {
  let verified = false;
  let submitted = false;
  let latest: SurveyStatusRef | null = null;
  for (const survey of surveys) {
    if (round !== null && survey.round !== round) continue;
    if (survey.status === 'verified') verified = true;
    else if (survey.status === 'submitted') submitted = true;
    if (latest === null || survey.id > latest.id) latest = survey;
  }
  if (verified) return 'verified';
  if (submitted) return 'submitted';
  return latest?.status ?? null;
}
