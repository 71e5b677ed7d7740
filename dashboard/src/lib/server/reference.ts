import { readKey, readText } from '../aggregate.ts';
import { toPlanningSettings } from '../settings.ts';
import type { PlanningSettings } from '../settings.ts';
import type { UserDirectus } from './directus-types.ts';
import { readRows, readSingletonRow, unlessForbidden } from './items.ts';

export interface AreaRef {
  code: string;
  name: string;
}

export interface DesaRef extends AreaRef {
  kecamatan: string | null;
  kind: string | null;
}

export interface AgencyRef {
  id: string;
  name: string;
  short_name: string;
}

/** planning_settings (every role reads it). */
export async function readPlanningSettings(directus: UserDirectus): Promise<PlanningSettings> {
  return toPlanningSettings(await readSingletonRow(directus, 'planning_settings'));
}

/** All kecamatan, in code order. */
export async function readKecamatanRefs(directus: UserDirectus): Promise<AreaRef[]> {
  const rows = await unlessForbidden(
    readRows(directus, 'kecamatan', { fields: ['code', 'name'], sort: ['code'], limit: -1 }),
    [],
  );
  return rows.flatMap((row) => {
    const code = readKey(row['code']);
    return code === null ? [] : [{ code, name: readText(row['name']) ?? code }];
  });
}

/** Desa and kelurahan, of one kecamatan or all, in code order. */
export async function readDesaRefs(directus: UserDirectus, kecamatan?: string): Promise<DesaRef[]> {
  const rows = await unlessForbidden(
    readRows(directus, 'desa', {
      fields: ['code', 'name', 'kecamatan', 'kind'],
      ...(kecamatan === undefined ? {} : { filter: { kecamatan: { _eq: kecamatan } } }),
      sort: ['code'],
      limit: -1,
    }),
    [],
  );
  return rows.flatMap((row) => {
    const code = readKey(row['code']);
    if (code === null) return [];
    return [
      {
        code,
        name: readText(row['name']) ?? code,
        kecamatan: readKey(row['kecamatan']),
        kind: readText(row['kind']),
      },
    ];
  });
}

/** One area by code (kecamatan or desa); null when it does not exist. */
export async function readAreaRef(
  directus: UserDirectus,
  collection: 'kecamatan' | 'desa',
  code: string,
): Promise<DesaRef | null> {
  const rows = await unlessForbidden(
    readRows(directus, collection, {
      fields: collection === 'desa' ? ['code', 'name', 'kecamatan', 'kind'] : ['code', 'name'],
      filter: { code: { _eq: code } },
      limit: 1,
    }),
    [],
  );
  const row = rows[0];
  if (row === undefined) return null;
  return {
    code,
    name: readText(row['name']) ?? code,
    kecamatan: collection === 'desa' ? readKey(row['kecamatan']) : null,
    kind: collection === 'desa' ? readText(row['kind']) : null,
  };
}

/** Perangkat daerah (agencies). */
export async function readAgencyRefs(directus: UserDirectus): Promise<AgencyRef[]> {
  const rows = await unlessForbidden(
    readRows(directus, 'perangkat_daerah', {
      fields: ['id', 'name', 'short_name'],
      sort: ['short_name'],
      limit: -1,
    }),
    [],
  );
  return rows.flatMap((row) => {
    const id = readKey(row['id']);
    if (id === null) return [];
    const name = readText(row['name']) ?? id;
    return [{ id, name, short_name: readText(row['short_name']) ?? name }];
  });
}
