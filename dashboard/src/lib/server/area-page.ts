import type { AreaLevel, AreaPageData } from '../area-page.ts';
import type { AreaScope } from '../filters.ts';
import { canReadSurveys, roleKeyOf } from '../roles.ts';
import type { SessionUser } from '../session-user.ts';
import type { UserDirectus } from './directus-types.ts';
import { readMapData } from './map.ts';
import { readDesaRefs, readKecamatanRefs, readPlanningSettings } from './reference.ts';
import {
  progressOfRound,
  readAreaGroups,
  readNeedsSummary,
  readSurveyProgressGroups,
  summarizeAreaGroups,
} from './summary.ts';

export interface AreaPageRequest {
  level: AreaLevel;
  kecamatan?: string;
  desa?: string;
  /** Read the map too (the Ringkasan does without). */
  withMap: boolean;
}

/**
 * Everything an area page shows, read live under the user's own token: all reads start at once (the
 * user's client sends them as one batch, see withBatchedReads), so Directus runs the aggregates side by side.
 */
export async function readAreaPage(
  directus: UserDirectus,
  user: SessionUser,
  request: AreaPageRequest,
): Promise<AreaPageData> {
  const surveysReadable = canReadSurveys(roleKeyOf(user.role));
  const scope: AreaScope =
    request.level === 'desa'
      ? { desa: request.desa ?? null }
      : request.level === 'kecamatan'
        ? { kecamatan: request.kecamatan ?? null }
        : {};
  // Every request goes out at once (none waits for the settings); the figures are shaped afterwards.
  const areaField = request.level === 'kabupaten' ? 'kecamatan' : 'desa';
  const desaNamesRead =
    request.withMap && request.level === 'kabupaten' ? readDesaRefs(directus) : Promise.resolve(null);
  const [settings, areas, needs, located, groups, progressGroups] = await Promise.all([
    readPlanningSettings(directus),
    request.level === 'kabupaten' ? readKecamatanRefs(directus) : readDesaRefs(directus, request.kecamatan),
    readNeedsSummary(directus, scope),
    request.withMap
      ? desaNamesRead.then(async (desaNames) =>
          readMapData(
            directus,
            scope,
            desaNames ?? (await readDesaRefs(directus, request.kecamatan)),
            0,
            request.level === 'kabupaten',
          ),
        )
      : Promise.resolve(null),
    readAreaGroups(directus, scope, areaField, surveysReadable),
    readSurveyProgressGroups(directus, scope, surveysReadable),
  ]);
  const summary = summarizeAreaGroups(groups, { areaField, names: areas, settings, surveysReadable });
  const progress = progressOfRound(progressGroups, settings);
  // The map is read alongside the figures; households without coordinates follow from both.
  const map =
    located === null
      ? null
      : { ...located, unlocated: Math.max(0, summary.totals.households - located.located) };
  return { level: request.level, settings, summary, progress, needs, map, areas };
}
