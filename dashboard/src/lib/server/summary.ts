import { buildAreaSummary } from '../area-summary.ts';
import type { AreaName, AreaSummary } from '../area-summary.ts';
import {
  andFilters,
  areaFilter,
  COUNTED_SURVEY_STATUSES,
  surveyAreaFilter,
  surveyedHouseholdFilter,
  verifiedHouseholdFilter,
} from '../filters.ts';
import type { AreaScope } from '../filters.ts';
import { ACTIVE_NEED_STATUSES, buildNeedsSummary } from '../needs-summary.ts';
import type { NeedsSummary } from '../needs-summary.ts';
import type { PlanningSettings } from '../settings.ts';
import { buildSurveyProgress } from '../survey-progress.ts';
import type { SurveyProgress } from '../survey-progress.ts';
import type { UserDirectus } from './directus-types.ts';
import { readRows, unlessForbidden } from './items.ts';
import { readAgencyRefs } from './reference.ts';

export interface AreaSummaryRequest {
  scope: AreaScope;
  /** Rows of the summary: one per kecamatan or per desa. */
  areaField: 'kecamatan' | 'desa';
  names: readonly AreaName[];
  settings: PlanningSettings;
  /** false for roles that cannot read surveys (no requests are sent for survey figures then). */
  surveysReadable: boolean;
}

/**
 * The figures of an area, grouped per kecamatan or desa, from three household aggregates sent in parallel
 * (all under the user's own permissions): classification, source and disposition with member sums,
 * households with a submitted/verified survey, and households with a verified survey.
 */
export async function readAreaSummary(
  directus: UserDirectus,
  request: AreaSummaryRequest,
): Promise<AreaSummary> {
  const scope = areaFilter(request.scope);
  const round = request.settings.surveyRound;
  const area = request.areaField;
  const [householdGroups, surveyedGroups, verifiedGroups] = await Promise.all([
    // One aggregate gives both the classes (with people) and the baseline figures.
    unlessForbidden(
      readRows(directus, 'households', {
        aggregate: { count: ['id'], sum: ['member_count'] },
        groupBy: [area, 'classification', 'source', 'baseline_disposition'],
        ...(scope === undefined ? {} : { filter: scope }),
        limit: -1,
      }),
      [],
    ),
    request.surveysReadable
      ? unlessForbidden(
          readRows(directus, 'households', {
            aggregate: { count: ['id'] },
            groupBy: [area],
            filter: andFilters(scope, surveyedHouseholdFilter(round)) ?? {},
            limit: -1,
          }),
          null,
        )
      : Promise.resolve(null),
    request.surveysReadable
      ? unlessForbidden(
          readRows(directus, 'households', {
            aggregate: { count: ['id'] },
            groupBy: [area, 'source', 'baseline_disposition'],
            filter: andFilters(scope, verifiedHouseholdFilter(round)) ?? {},
            limit: -1,
          }),
          null,
        )
      : Promise.resolve(null),
  ]);
  return buildAreaSummary({
    areaField: area,
    names: request.names,
    classGroups: householdGroups,
    baselineGroups: householdGroups,
    surveyedGroups,
    verifiedGroups,
    validityTargetPct: request.settings.validityTargetPct,
  });
}

/**
 * Survey progress over time: submitted and verified surveys of the round by surveyed_at day and status.
 * null when the user cannot read surveys.
 */
export async function readSurveyProgress(
  directus: UserDirectus,
  scope: AreaScope,
  settings: PlanningSettings,
  surveysReadable: boolean,
): Promise<SurveyProgress | null> {
  if (!surveysReadable) return null;
  const round = settings.surveyRound === null ? undefined : { round: { _eq: settings.surveyRound } };
  const area = surveyAreaFilter(scope);
  const surveyed = await unlessForbidden(
    readRows(directus, 'surveys', {
      aggregate: { count: ['id'] },
      // surveyed_at is a date: grouping by it directly gives one group per day, several times faster on
      // SQLite than year()/month()/day(), which convert every row. Verified surveys come from the same
      // groups (by the day they were surveyed), so one query serves both lines.
      groupBy: ['surveyed_at', 'status'],
      filter: andFilters(area, round, { status: { _in: [...COUNTED_SURVEY_STATUSES] } }) ?? {},
      limit: -1,
    }),
    null,
  );
  if (surveyed === null) return null;
  return buildSurveyProgress(surveyed);
}

/**
 * Active needs (open or planned) by category and by agency, with count and volume. null when the user may
 * not read needs.
 */
export async function readNeedsSummary(
  directus: UserDirectus,
  scope: AreaScope,
): Promise<NeedsSummary | null> {
  const filter = andFilters(areaFilter(scope), { status: { _in: [...ACTIVE_NEED_STATUSES] } }) ?? {};
  const [groups, agencies] = await Promise.all([
    // One aggregate by category, agency and status serves both breakdowns.
    unlessForbidden(
      readRows(directus, 'needs', {
        aggregate: { count: ['id'], sum: ['quantity'] },
        groupBy: ['category', 'perangkat_daerah', 'status'],
        filter,
        limit: -1,
      }),
      null,
    ),
    readAgencyRefs(directus),
  ]);
  if (groups === null) return null;
  return buildNeedsSummary(groups, groups, agencies);
}
