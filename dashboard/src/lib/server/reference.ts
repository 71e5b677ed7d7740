import { readKey, readText } from '../aggregate.ts';
import { toPlanningSettings } from '../settings.ts';
import type { PlanningSettings } from '../settings.ts';
import type { Row } from '../aggregate.ts';
import type { UserDirectus } from './directus-types.ts';
import { readRows, readSingletonRow, unlessForbidden } from './items.ts';
import type { ItemsQuery } from './items.ts';

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

/**
 * Every row of a reference collection keyed by `code`, in code order (none when the role may not read it),
 * each shaped by `toRef` from its code, its name (the code when it has none) and the row.
 */
export async function readCodedRefs<T>(
  directus: UserDirectus,
  collection: string,
  query: ItemsQuery,
  toRef: (code: string, name: string, row: Row) => T,
): Promise<T[]> {
  const rows = await unlessForbidden(
    readRows(directus, collection, { sort: ['code'], limit: -1, ...query }),
    [],
  );
  return rows.flatMap((row) => {
    const code = readKey(row['code']);
    return code === null ? [] : [toRef(code, readText(row['name']) ?? code, row)];
  });
}

/** All kecamatan, in code order. */
export async function readKecamatanRefs(directus: UserDirectus): Promise<AreaRef[]> {
  return readCodedRefs(directus, 'kecamatan', { fields: ['code', 'name'] }, (code, name) => ({ code, name }));
}

/** Desa and kelurahan, of one kecamatan or all, in code order. */
export async function readDesaRefs(directus: UserDirectus, kecamatan?: string): Promise<DesaRef[]> {
  return readCodedRefs(
    directus,
    'desa',
    {
      fields: ['code', 'name', 'kecamatan', 'kind'],
      ...(kecamatan === undefined ? {} : { filter: { kecamatan: { _eq: kecamatan } } }),
    },
    (code, name, row) => ({ code, name, kecamatan: readKey(row['kecamatan']), kind: readText(row['kind']) }),
  );
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
