import type { AreaLevel, AreaPageData } from '../area-page.ts';
import type { AreaScope } from '../filters.ts';
import { canReadSurveys, roleKeyOf } from '../roles.ts';
import type { SessionUser } from '../session-user.ts';
import type { UserDirectus } from './directus-types.ts';
import { mapOf, readMapRows } from './map.ts';
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
  // Every read goes out at once (none waits for the settings or the names); the figures are shaped afterwards.
  const areaField = request.level === 'kabupaten' ? 'kecamatan' : 'desa';
  const [settings, areas, needs, mapRows, mapNames, groups, progressGroups] = await Promise.all([
    readPlanningSettings(directus),
    request.level === 'kabupaten' ? readKecamatanRefs(directus) : readDesaRefs(directus, request.kecamatan),
    readNeedsSummary(directus, scope),
    request.withMap ? readMapRows(directus, scope, request.level === 'kabupaten') : Promise.resolve(null),
    // the kabupaten map names every desa; a kecamatan's or desa's map names the desa it lists anyway
    request.withMap && request.level === 'kabupaten' ? readDesaRefs(directus) : Promise.resolve(null),
    readAreaGroups(directus, scope, areaField, surveysReadable),
    readSurveyProgressGroups(directus, scope, surveysReadable),
  ]);
  const located = mapRows === null ? null : mapOf(mapRows, mapNames ?? areas, 0);
  const summary = summarizeAreaGroups(groups, { areaField, names: areas, settings, surveysReadable });
  const progress = progressOfRound(progressGroups, settings);
  // The map is read alongside the figures; households without coordinates follow from both.
  const map =
    located === null
      ? null
      : { ...located, unlocated: Math.max(0, summary.totals.households - located.located) };
  return { level: request.level, settings, summary, progress, needs, map, areas };
}
