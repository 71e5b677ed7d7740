import { andFilters, areaFilter } from '../filters.ts';
import type { AreaScope } from '../filters.ts';
import { buildMapData, MAP_POINT_LIMIT } from '../map.ts';
import type { MapData } from '../map.ts';
import type { Row } from '../aggregate.ts';
import type { UserDirectus } from './directus-types.ts';
import { readRows, unlessForbidden } from './items.ts';

const LOCATED = { _and: [{ latitude: { _nnull: true } }, { longitude: { _nnull: true } }] };

/** The rows a map is drawn from: located household points and per-desa centroid groups. */
export interface MapRows {
  households: Row[];
  centroids: Row[];
}

/**
 * The rows of an area's map: desa centroids (average coordinates of located households) and, unless
 * `centroidsOnly`, up to MAP_POINT_LIMIT household points. They need no names, so a page reads them
 * alongside everything else and draws the map with mapOf once the names are in.
 */
export async function readMapRows(
  directus: UserDirectus,
  scope: AreaScope,
  centroidsOnly: boolean,
): Promise<MapRows> {
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
  return { households, centroids };
}

/** The map of an area from its rows and the names of its desa. */
export function mapOf(
  rows: MapRows,
  names: readonly { code: string; name: string }[],
  totalHouseholds: number,
): MapData {
  return buildMapData(rows.households, rows.centroids, names, totalHouseholds);
}
