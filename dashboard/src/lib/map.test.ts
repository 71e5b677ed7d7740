import { describe, expect, it } from 'vitest';
import { buildMapData, projectMap } from './map.ts';

const NAMES = [
  { code: '63.11.07.2002', name: 'Baruh Bahinu Luar' },
  { code: '63.11.07.2003', name: 'Inan' },
];

describe('buildMapData', () => {
  const data = buildMapData(
    [
      { id: 1, latitude: -2.33, longitude: 115.47, classification: 'ekstrem' },
      { id: 2, latitude: '-2.34', longitude: '115.48', classification: null },
      { id: 3, latitude: null, longitude: 115.4, classification: 'miskin' },
      { id: 4, latitude: 95, longitude: 115.4, classification: 'miskin' },
    ],
    [
      { desa: '63.11.07.2002', count: { id: 2 }, avg: { latitude: -2.335, longitude: 115.475 } },
      { desa: '63.11.07.2003', count: { id: '1' }, avg: { latitude: '-2.4', longitude: '115.5' } },
      { desa: '63.11.07.2004', count: { id: 1 }, avg: { latitude: null, longitude: null } },
    ],
    NAMES,
    5,
  );

  it('keeps points with valid coordinates and their class', () => {
    expect(data.points).toEqual([
      { id: 1, lat: -2.33, lng: 115.47, bucket: 'ekstrem' },
      { id: 2, lat: -2.34, lng: 115.48, bucket: 'belum' },
    ]);
  });

  it('names desa centroids and counts located and unlocated households', () => {
    expect(data.centroids.map((centroid) => [centroid.name, centroid.households])).toEqual([
      ['Baruh Bahinu Luar', 2],
      ['Inan', 1],
    ]);
    expect([data.located, data.unlocated]).toEqual([3, 2]);
  });
});

describe('projectMap', () => {
  it('puts north up and west left inside the margins', () => {
    const view = projectMap(
      {
        points: [
          { id: 1, lat: -2.2, lng: 115.4, bucket: 'miskin' },
          { id: 2, lat: -2.5, lng: 115.7, bucket: 'ekstrem' },
        ],
        centroids: [],
        located: 2,
        unlocated: 0,
      },
      640,
      20,
    );
    const [north, south] = view.points;
    expect(north?.y).toBeLessThan(south?.y ?? 0);
    expect(north?.x).toBeLessThan(south?.x ?? 0);
    for (const point of view.points) {
      expect(point.x).toBeGreaterThanOrEqual(20);
      expect(point.x).toBeLessThanOrEqual(620);
      expect(point.y).toBeGreaterThanOrEqual(20);
      expect(point.y).toBeLessThanOrEqual(view.height - 20);
    }
    expect(view.height).toBeGreaterThanOrEqual(320);
    expect(view.height).toBeLessThanOrEqual(920);
  });

  it('centres a single place and sizes centroids by households', () => {
    const view = projectMap({
      points: [],
      centroids: [
        { code: 'a', name: 'A', lat: -2.3, lng: 115.5, households: 100 },
        { code: 'b', name: 'B', lat: -2.3, lng: 115.5, households: 25 },
      ],
      located: 125,
      unlocated: 0,
    });
    expect(view.centroids[0]?.x).toBeCloseTo(320, 0);
    expect(view.centroids[0]?.r).toBe(14);
    expect(view.centroids[1]?.r).toBe(9);
  });

  it('draws nothing without coordinates', () => {
    expect(projectMap({ points: [], centroids: [], located: 0, unlocated: 3 })).toEqual({
      width: 640,
      height: 320,
      points: [],
      centroids: [],
    });
  });
});
