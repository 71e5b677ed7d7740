import type { DirectusApi } from '../lib/directus-api.ts';
import {
  readDesa,
  readIndicators,
  readKecamatan,
  readPerangkatDaerah,
  readPovertyLines,
  readSubKegiatan,
} from '../seed/read-reference.ts';

export interface SeedCounts {
  [collection: string]: number;
}

/** Inserts the records whose key is absent (endpoint: '/items/desa', '/users'); never changes or deletes what exists. */
export async function insertMissing<T extends Record<string, unknown>>(
  api: DirectusApi,
  endpoint: string,
  keyField: string,
  records: T[],
  keyOf: (record: T) => string = (record) => String(record[keyField]),
): Promise<number> {
  const existing = await api.get<Record<string, unknown>[]>(`${endpoint}?fields=${keyField}&limit=-1`);
  const seen = new Set(existing.map((row) => String(row[keyField])));
  const missing = records.filter((record) => !seen.has(keyOf(record)));
  for (let i = 0; i < missing.length; i += 500) await api.post(endpoint, missing.slice(i, i + 500));
  return missing.length;
}

export async function seedReference(api: DirectusApi): Promise<SeedCounts> {
  const counts: SeedCounts = {};
  counts['kecamatan'] = await insertMissing(api, '/items/kecamatan', 'code', readKecamatan());
  counts['desa'] = await insertMissing(api, '/items/desa', 'code', readDesa());
  counts['perangkat_daerah'] = await insertMissing(
    api,
    '/items/perangkat_daerah',
    'id',
    readPerangkatDaerah(),
  );
  counts['sub_kegiatan'] = await insertMissing(api, '/items/sub_kegiatan', 'code', readSubKegiatan());
  // Directus stringifies objects and arrays for JSON columns but passes a bare string through, which
  // PostgreSQL rejects as JSON: encode scalar strings ourselves (reads parse them back).
  const indicators = readIndicators().map((rule) => ({
    ...rule,
    value: typeof rule.value === 'string' ? JSON.stringify(rule.value) : rule.value,
  }));
  counts['indicators'] = await insertMissing(api, '/items/indicators', 'key', indicators);
  // Poverty lines are keyed by year and region.
  const lines = readPovertyLines().map((line) => ({ ...line, lineKey: `${line.year}:${line.region}` }));
  const existing = await api.get<{ year: number; region: string }[]>(
    '/items/poverty_lines?fields=year,region&limit=-1',
  );
  const seen = new Set(existing.map((row) => `${row.year}:${row.region}`));
  const missing = lines.filter((line) => !seen.has(line.lineKey)).map(({ lineKey: _key, ...line }) => line);
  if (missing.length > 0) await api.post('/items/poverty_lines', missing);
  counts['poverty_lines'] = missing.length;
  // Planning settings: a singleton that is created once.
  const settings = await api.get<Record<string, unknown> | null>('/items/planning_settings');
  if (!settings || settings['region_code'] === undefined || settings['region_code'] === null) {
    await api.patch('/items/planning_settings', {
      region_name: 'Kabupaten Balangan',
      region_code: '63.11',
      active_fiscal_year: 2026,
      survey_round: 2025,
      classification_basis: 'income',
      validity_target_pct: 99,
      bbox_min_lat: -2.6,
      bbox_max_lat: -2.0,
      bbox_min_lng: 115.3,
      bbox_max_lng: 115.9,
    });
    counts['planning_settings'] = 1;
  }
  return counts;
}
