// Applies access/roles.ts to a running Directus through its REST API. Idempotent: running it
// twice changes nothing; permission rows of our policies that are not in roles.ts are removed.
import type { DirectusApi } from '../scripts/lib/directus-api.ts';
import { DirectusError } from '../scripts/lib/directus-api.ts';
import { permissions, roles, type PermissionDef } from './roles.ts';

/** Directus 11's fixed id of the public (unauthenticated) policy. */
export const PUBLIC_POLICY_ID = 'abf8a154-5b1c-4a46-ac9c-7300570f4f17';

interface StoredPermission extends PermissionDef {
  id: number;
  policy: string;
}

export interface AccessChanges {
  created: number;
  updated: number;
  deleted: number;
}

async function readOne<T>(api: DirectusApi, path: string): Promise<T | null> {
  try {
    return await api.get<T>(path);
  } catch (error) {
    if (error instanceof DirectusError && (error.status === 403 || error.status === 404)) return null;
    throw error;
  }
}

/** Creates the record when absent, patches it when any listed value differs. */
async function upsert(
  api: DirectusApi,
  collection: string,
  desired: Record<string, unknown> & { id: string },
  changes: AccessChanges,
): Promise<void> {
  const current = await readOne<Record<string, unknown>>(api, `/${collection}/${desired.id}`);
  if (!current) {
    await api.post(`/${collection}`, desired);
    changes.created++;
    return;
  }
  const diff: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(desired)) {
    if (JSON.stringify(current[key] ?? null) !== JSON.stringify(value ?? null)) diff[key] = value;
  }
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

export async function applyAccess(api: DirectusApi): Promise<AccessChanges> {
  const changes: AccessChanges = { created: 0, updated: 0, deleted: 0 };
  for (const role of roles) {
    await upsert(api, 'roles', { id: role.id, name: role.name, icon: role.icon, description: role.description }, changes);
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
  return changes;
}
