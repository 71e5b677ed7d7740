import { readAggregate, readKey, readNumber } from './aggregate.ts';
import type { Row } from './aggregate.ts';
import { toSummaryBucket } from './classification.ts';
import type { SummaryBucket } from './classification.ts';

/** At most this many household points are drawn (the rest are counted in the note under the map). */
export const MAP_POINT_LIMIT = 5000;

export interface MapHousehold {
  id: number | null;
  lat: number;
  lng: number;
  bucket: SummaryBucket;
}

export interface MapCentroid {
  code: string;
  name: string;
  lat: number;
  lng: number;
  households: number;
}

export interface MapData {
  points: MapHousehold[];
  centroids: MapCentroid[];
  /** Households with coordinates in the area (points may show fewer, see MAP_POINT_LIMIT). */
  located: number;
  /** Households in the area without usable coordinates. */
  unlocated: number;
}

function isLatitude(value: number | null): value is number {
  return value !== null && value >= -90 && value <= 90;
}

function isLongitude(value: number | null): value is number {
  return value !== null && value >= -180 && value <= 180;
}

/**
 * Shapes map data: household rows (id, latitude, longitude, classification) and desa centroids from an
 * aggregate groupBy [desa] with avg(latitude), avg(longitude) and count(id) over located households.
 */
export function buildMapData(
  households: readonly Row[],
  centroidGroups: readonly Row[],
  names: readonly { code: string; name: string }[],
  totalHouseholds: number,
): MapData {
  const points: MapHousehold[] = [];
  for (const row of households) {
    const lat = readNumber(row['latitude']);
    const lng = readNumber(row['longitude']);
    if (!isLatitude(lat) || !isLongitude(lng)) continue;
    const id = readNumber(row['id']);
    points.push({ id: id === null ? null : id, lat, lng, bucket: toSummaryBucket(row['classification']) });
  }
  const nameOf = new Map(names.map((entry) => [entry.code, entry.name]));
  const centroids: MapCentroid[] = [];
  let located = 0;
  for (const group of centroidGroups) {
    const code = readKey(group['desa']);
    const lat = readNumber(readAggregateValue(group['avg'], 'latitude'));
    const lng = readNumber(readAggregateValue(group['avg'], 'longitude'));
    const count = readAggregate(group['count'], 'id');
    if (code === null || !isLatitude(lat) || !isLongitude(lng) || count <= 0) continue;
    located += count;
    centroids.push({ code, name: nameOf.get(code) ?? code, lat, lng, households: count });
  }
  centroids.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  return { points, centroids, located, unlocated: Math.max(0, totalHouseholds - located) };
}

function readAggregateValue(value: unknown, field: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Row)[field] : undefined;
}

export interface ProjectedPoint extends MapHousehold {
  x: number;
  y: number;
}

export interface ProjectedCentroid extends MapCentroid {
  x: number;
  y: number;
  /** Radius in view units: grows with the square root of the households, so areas compare. */
  r: number;
}

export interface MapView {
  width: number;
  height: number;
  points: ProjectedPoint[];
  centroids: ProjectedCentroid[];
}

/**
 * Projects latitude/longitude onto an SVG view box `width` wide (equirectangular, longitudes shrunk by the
 * cosine of the middle latitude, north up), keeping a margin. The height follows the area's shape within
 * 0.5 to 1.5 times the width. Works offline: no tiles, only the points themselves.
 */
export function projectMap(data: MapData, width = 640, margin = 24): MapView {
  const lats = [...data.points.map((point) => point.lat), ...data.centroids.map((centroid) => centroid.lat)];
  const lngs = [...data.points.map((point) => point.lng), ...data.centroids.map((centroid) => centroid.lng)];
  if (lats.length === 0) return { width, height: Math.round(width * 0.5), points: [], centroids: [] };
  let minLat = Math.min(...lats);
  let maxLat = Math.max(...lats);
  let minLng = Math.min(...lngs);
  let maxLng = Math.max(...lngs);
  // A single place (or one desa) still gets a sensible neighbourhood of about 1 km around it.
  const minimumSpan = 0.01;
  if (maxLat - minLat < minimumSpan) {
    const middle = (maxLat + minLat) / 2;
    minLat = middle - minimumSpan / 2;
    maxLat = middle + minimumSpan / 2;
  }
  if (maxLng - minLng < minimumSpan) {
    const middle = (maxLng + minLng) / 2;
    minLng = middle - minimumSpan / 2;
    maxLng = middle + minimumSpan / 2;
  }
  const shrink = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = (maxLng - minLng) * shrink;
  const spanY = maxLat - minLat;
  const inner = width - 2 * margin;
  const innerHeight = Math.min(1.5 * inner, Math.max(0.5 * inner, (inner * spanY) / spanX));
  const scale = Math.min(inner / spanX, innerHeight / spanY);
  const offsetX = margin + (inner - spanX * scale) / 2;
  const offsetY = margin + (innerHeight - spanY * scale) / 2;
  const project = (lat: number, lng: number): { x: number; y: number } => ({
    x: Math.round((offsetX + (lng - minLng) * shrink * scale) * 10) / 10,
    y: Math.round((offsetY + (maxLat - lat) * scale) * 10) / 10,
  });
  const largest = Math.max(1, ...data.centroids.map((centroid) => centroid.households));
  return {
    width,
    height: Math.round(innerHeight + 2 * margin),
    points: data.points.map((point) => ({ ...point, ...project(point.lat, point.lng) })),
    centroids: data.centroids.map((centroid) => ({
      ...centroid,
      ...project(centroid.lat, centroid.lng),
      r: Math.round((4 + 10 * Math.sqrt(centroid.households / largest)) * 10) / 10,
    })),
  };
}
