import type { AreaLevel, AreaPageData } from '../area-page.ts';
import type { AreaScope } from '../filters.ts';
import { canReadSurveys, roleKeyOf } from '../roles.ts';
import type { SessionUser } from '../session-user.ts';
import type { UserDirectus } from './directus-types.ts';
import { readMapData } from './map.ts';
import { readDesaRefs, readKecamatanRefs, readPlanningSettings } from './reference.ts';
import { readAreaSummary, readNeedsSummary, readSurveyProgress } from './summary.ts';

export interface AreaPageRequest {
  level: AreaLevel;
  kecamatan?: string;
  desa?: string;
  /** Read the map too (the Ringkasan does without). */
  withMap: boolean;
}

/**
 * Everything an area page shows, read live under the user's own token: settings, names, needs and map in
 * parallel, then the figures and survey progress (which need the settings' survey round).
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
  // What does not depend on the settings is asked at once; the survey figures wait for the round.
  const desaNamesRead =
    request.withMap && request.level === 'kabupaten' ? readDesaRefs(directus) : Promise.resolve(null);
  const [settings, areas, needs, located] = await Promise.all([
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
  ]);
  const [summary, progress] = await Promise.all([
    readAreaSummary(directus, {
      scope,
      areaField: request.level === 'kabupaten' ? 'kecamatan' : 'desa',
      names: areas,
      settings,
      surveysReadable,
    }),
    readSurveyProgress(directus, scope, settings, surveysReadable),
  ]);
  // The map is read alongside the figures; households without coordinates follow from both.
  const map =
    located === null
      ? null
      : { ...located, unlocated: Math.max(0, summary.totals.households - located.located) };
  return { level: request.level, settings, summary, progress, needs, map, areas };
}
