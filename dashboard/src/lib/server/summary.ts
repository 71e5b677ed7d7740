import { readNumber } from '../aggregate.ts';
import type { Row } from '../aggregate.ts';
import { buildAreaSummary } from '../area-summary.ts';
import type { AreaName, AreaSummary } from '../area-summary.ts';
import { andFilters, areaFilter, COUNTED_SURVEY_STATUSES, surveyAreaFilter } from '../filters.ts';
import type { AreaScope } from '../filters.ts';
import { ACTIVE_NEED_STATUSES, buildNeedsSummary } from '../needs-summary.ts';
import type { NeedsSummary } from '../needs-summary.ts';
import type { PlanningSettings } from '../settings.ts';
import { buildSurveyProgress } from '../survey-progress.ts';
import type { SurveyProgress } from '../survey-progress.ts';
import type { UserDirectus } from './directus-types.ts';
import { readRows, unlessForbidden } from './items.ts';
import { readAgencyRefs } from './reference.ts';

/** Survey statuses of households.survey_status that count as surveyed (the verifier's queue included). */
const SURVEYED_STATUSES: ReadonlySet<unknown> = new Set<unknown>(COUNTED_SURVEY_STATUSES);

/**
 * The household groups of an area summary, per kecamatan or desa, from ONE aggregate under the user's own
 * permissions: classification, source, disposition and (for roles that read surveys) the household's
 * survey status of the round, with member sums. households.survey_status is kept by the classification
 * engine on every survey save (verified if any survey of the settings' round is verified, else submitted,
 * else the latest status), so surveyed and verified households are counted without reading surveys; a
 * composite index covers the query (directus-extensions/src/adapters/summary-indexes.ts). It needs no
 * settings, so the page sends it at once, next to the settings.
 */
export function readAreaGroups(
  directus: UserDirectus,
  scope: AreaScope,
  areaField: 'kecamatan' | 'desa',
  surveysReadable: boolean,
): Promise<Row[]> {
  const filter = areaFilter(scope);
  return unlessForbidden(
    readRows(directus, 'households', {
      aggregate: { count: ['id'], sum: ['member_count'] },
      groupBy: [
        areaField,
        'classification',
        'source',
        'baseline_disposition',
        ...(surveysReadable ? ['survey_status'] : []),
      ],
      ...(filter === undefined ? {} : { filter }),
      limit: -1,
    }),
    [],
  );
}

/** The figures of an area from readAreaGroups' rows (surveysReadable: the groups carry survey_status). */
export function summarizeAreaGroups(
  groups: readonly Row[],
  options: {
    areaField: 'kecamatan' | 'desa';
    names: readonly AreaName[];
    settings: PlanningSettings;
    surveysReadable: boolean;
  },
): AreaSummary {
  const surveyed = options.surveysReadable
    ? groups.filter((group) => SURVEYED_STATUSES.has(group['survey_status']))
    : null;
  return buildAreaSummary({
    areaField: options.areaField,
    names: options.names,
    classGroups: groups,
    baselineGroups: groups,
    surveyedGroups: surveyed,
    verifiedGroups: surveyed?.filter((group) => group['survey_status'] === 'verified') ?? null,
    validityTargetPct: options.settings.validityTargetPct,
  });
}

/**
 * Submitted and verified surveys by round, surveyed_at day and status (every round: the page sends this
 * before it knows the settings' round; progressOfRound picks the round). null when the user cannot read
 * surveys.
 */
export async function readSurveyProgressGroups(
  directus: UserDirectus,
  scope: AreaScope,
  surveysReadable: boolean,
): Promise<Row[] | null> {
  if (!surveysReadable) return null;
  return unlessForbidden(
    readRows(directus, 'surveys', {
      aggregate: { count: ['id'] },
      // surveyed_at is a date: grouping by it directly gives one group per day, several times faster on
      // SQLite than year()/month()/day(), which convert every row. Verified surveys come from the same
      // groups (by the day they were surveyed), so one query serves both lines.
      groupBy: ['round', 'surveyed_at', 'status'],
      filter: andFilters(surveyAreaFilter(scope), { status: { _in: [...COUNTED_SURVEY_STATUSES] } }) ?? {},
      limit: -1,
    }),
    null,
  );
}

/** Survey progress of the settings' round (every round when none is set) from readSurveyProgressGroups. */
export function progressOfRound(
  groups: readonly Row[] | null,
  settings: PlanningSettings,
): SurveyProgress | null {
  if (groups === null) return null;
  const round = settings.surveyRound;
  return buildSurveyProgress(
    round === null ? groups : groups.filter((group) => readNumber(group['round']) === round),
  );
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
