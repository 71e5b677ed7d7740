import { andFilters, areaFilter } from '../filters.ts';
import type { AreaScope } from '../filters.ts';
import { buildMapData, MAP_POINT_LIMIT } from '../map.ts';
import type { MapData } from '../map.ts';
import type { UserDirectus } from './directus-types.ts';
import { readRows, unlessForbidden } from './items.ts';

const LOCATED = { _and: [{ latitude: { _nnull: true } }, { longitude: { _nnull: true } }] };

/**
 * Map data of an area: desa centroids (average coordinates of located households) and, unless
 * `centroidsOnly`, up to MAP_POINT_LIMIT household points.
 */
export async function readMapData(
  directus: UserDirectus,
  scope: AreaScope,
  names: readonly { code: string; name: string }[],
  totalHouseholds: number,
  centroidsOnly: boolean,
): Promise<MapData> {
  const filter = andFilters(areaFilter(scope), LOCATED) ?? {};
  const [centroids, households] = await Promise.all([
    unlessForbidden(
      readRows(directus, 'households', {
        aggregate: { count: ['id'], avg: ['latitude', 'longitude'] },
        groupBy: ['desa'],
        filter,
        limit: -1,
      }),
      [],
    ),
    centroidsOnly
      ? Promise.resolve([])
      : unlessForbidden(
          readRows(directus, 'households', {
            fields: ['id', 'latitude', 'longitude', 'classification'],
            filter,
            sort: ['id'],
            limit: MAP_POINT_LIMIT,
          }),
          [],
        ),
  ]);
  return buildMapData(households, centroids, names, totalHouseholds);
}
