// Applies access/roles.ts to a running Directus through its REST API. Idempotent: running it
// twice changes nothing; permission rows of our policies that are not in roles.ts are removed, and
// so are role presets in our reserved id range that roles.ts no longer lists.
import type { DirectusApi } from '../scripts/lib/directus-api.ts';
import { DirectusError } from '../scripts/lib/directus-api.ts';
import {
  collectionPresets,
  permissions,
  roles,
  type CollectionPresetDef,
  type PermissionDef,
} from './roles.ts';

/** Directus 11's fixed id of the public (unauthenticated) policy. */
export const PUBLIC_POLICY_ID = 'abf8a154-5b1c-4a46-ac9c-7300570f4f17';

/** directus_presets ids reserved for the role presets of roles.ts. */
export const PRESET_ID_RANGE = { from: 9000, to: 9999 } as const;

interface StoredPermission extends PermissionDef {
  id: number;
  policy: string;
}

export interface AccessChanges {
  created: number;
  updated: number;
  deleted: number;
  /** presets whose fixed id is taken by someone else's preset (left alone) */
  skipped: number;
}

async function readOne<T>(api: DirectusApi, path: string): Promise<T | null> {
  try {
    return await api.get<T>(path);
  } catch (error) {
    if (error instanceof DirectusError && (error.status === 403 || error.status === 404)) return null;
    throw error;
  }
}

function differences(
  current: Record<string, unknown>,
  desired: Record<string, unknown>,
): Record<string, unknown> {
  const diff: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(desired)) {
    if (JSON.stringify(current[key] ?? null) !== JSON.stringify(value ?? null)) diff[key] = value;
  }
  return diff;
}

/** Creates the record when absent, patches it when any listed value differs. */
async function upsert(
  api: DirectusApi,
  collection: string,
  desired: Record<string, unknown> & { id: string | number },
  changes: AccessChanges,
): Promise<void> {
  const current = await readOne<Record<string, unknown>>(api, `/${collection}/${desired.id}`);
  if (!current) {
    await api.post(`/${collection}`, desired);
    changes.created++;
    return;
  }
  const diff = differences(current, desired);
  if (Object.keys(diff).length > 0) {
    await api.patch(`/${collection}/${desired.id}`, diff);
    changes.updated++;
  }
}

function normalise(p: Partial<PermissionDef>): string {
  return JSON.stringify({
    permissions: p.permissions ?? null,
    validation: p.validation ?? null,
    presets: p.presets ?? null,
    fields: [...(p.fields ?? [])].sort(),
  });
}

async function syncPermissions(
  api: DirectusApi,
  policy: string,
  desired: PermissionDef[],
  changes: AccessChanges,
): Promise<void> {
  const stored = await api.get<StoredPermission[]>(
    `/permissions?filter[policy][_eq]=${policy}&limit=-1&fields=id,policy,collection,action,permissions,validation,presets,fields`,
  );
  const byKey = new Map(stored.map((p) => [`${p.collection}:${p.action}`, p]));
  const wanted = new Set<string>();
  const toCreate: Record<string, unknown>[] = [];
  for (const p of desired) {
    const key = `${p.collection}:${p.action}`;
    if (wanted.has(key)) throw new Error(`duplicate permission ${key} in policy ${policy}`);
    wanted.add(key);
    const body = {
      policy,
      collection: p.collection,
      action: p.action,
      permissions: p.permissions ?? null,
      validation: p.validation ?? null,
      presets: p.presets ?? null,
      fields: p.fields,
    };
    const current = byKey.get(key);
    if (!current) {
      toCreate.push(body);
    } else if (normalise(current) !== normalise(p)) {
      await api.patch(`/permissions/${current.id}`, body);
      changes.updated++;
    }
  }
  if (toCreate.length > 0) {
    await api.post('/permissions', toCreate);
    changes.created += toCreate.length;
  }
  const extra = stored.filter((p) => !wanted.has(`${p.collection}:${p.action}`)).map((p) => p.id);
  if (extra.length > 0) {
    await api.delete('/permissions', extra);
    changes.deleted += extra.length;
  }
}

function roleIdOf(key: CollectionPresetDef['role']): string {
  const role = roles.find((r) => r.key === key);
  if (!role) throw new Error(`unknown role ${key}`);
  return role.id;
}

/** The directus_presets row of a role preset (user = null: the role's default for everyone in it). */
export function presetRow(p: CollectionPresetDef): Record<string, unknown> & { id: number } {
  return {
    id: p.id,
    bookmark: null,
    user: null,
    role: roleIdOf(p.role),
    collection: p.collection,
    layout: 'tabular',
    layout_query: { tabular: { fields: p.fields, sort: p.sort, page: 1, limit: 25 } },
    layout_options: { tabular: { spacing: 'cozy' } },
    filter: p.filter ?? null,
    search: null,
  };
}

async function syncPresets(api: DirectusApi, changes: AccessChanges): Promise<void> {
  const stored = await api.get<
    { id: number; user: string | null; role: string | null; collection: string }[]
  >(
    `/presets?filter[id][_gte]=${PRESET_ID_RANGE.from}&filter[id][_lte]=${PRESET_ID_RANGE.to}&limit=-1&fields=id,user,role,collection`,
  );
  const byId = new Map(stored.map((p) => [p.id, p]));
  for (const preset of collectionPresets) {
    if (preset.id < PRESET_ID_RANGE.from || preset.id > PRESET_ID_RANGE.to)
      throw new Error(`preset id ${preset.id} out of range`);
    const row = presetRow(preset);
    const current = byId.get(preset.id);
    // An id can be taken by a user's own preset (ids count on from ours): never overwrite it.
    if (
      current &&
      (current.user !== null || current.role !== row.role || current.collection !== row.collection)
    ) {
      changes.skipped++;
      continue;
    }
    await upsert(api, 'presets', row, changes);
  }
  const wanted = new Set(collectionPresets.map((p) => p.id));
  const roleIds = new Set(roles.map((r) => r.id));
  const extra = stored
    .filter((p) => !wanted.has(p.id) && p.user === null && p.role !== null && roleIds.has(p.role))
    .map((p) => p.id);
  if (extra.length > 0) {
    await api.delete('/presets', extra);
    changes.deleted += extra.length;
  }
}

export async function applyAccess(api: DirectusApi): Promise<AccessChanges> {
  const changes: AccessChanges = { created: 0, updated: 0, deleted: 0, skipped: 0 };
  for (const role of roles) {
    await upsert(
      api,
      'roles',
      { id: role.id, name: role.name, icon: role.icon, description: role.description },
      changes,
    );
    await upsert(
      api,
      'policies',
      {
        id: role.policyId,
        name: role.name,
        icon: role.icon,
        description: role.description,
        admin_access: false,
        app_access: true,
        enforce_tfa: false,
      },
      changes,
    );
    await upsert(api, 'access', { id: role.accessId, role: role.id, policy: role.policyId }, changes);
    await syncPermissions(api, role.policyId, permissions[role.key], changes);
  }
  // No public access to anything.
  await syncPermissions(api, PUBLIC_POLICY_ID, [], changes);
  await syncPresets(api, changes);
  return changes;
}
