import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { roleKeyOf, type RoleKey } from '../../../access/roles.ts';
import { AccessError } from './access-errors.ts';

interface RequestWithDirectus {
  accountability?: Accountability | null;
  schema?: SchemaOverview;
}

/** Who is asking, as far as allocation, what-if, export and effectiveness care. */
export type AllocationCaller = {
  accountability: Accountability | null;
  schema: SchemaOverview | undefined;
  user: string | null;
  admin: boolean;
  roles: RoleKey[];
};

export function callerOf(req: unknown): AllocationCaller {
  const { accountability, schema } = req as RequestWithDirectus;
  const user = accountability?.user ?? null;
  const roles = [accountability?.role, ...(accountability?.roles ?? [])]
    .map((id) => roleKeyOf(id ?? null))
    .filter((key): key is RoleKey => key !== null);
  return {
    accountability: accountability ?? null,
    schema,
    user,
    admin: user !== null && accountability?.admin === true,
    roles: [...new Set(roles)],
  };
}

export function hasRole(caller: AllocationCaller, ...keys: RoleKey[]): boolean {
  return caller.admin || (caller.user !== null && caller.roles.some((role) => keys.includes(role)));
}

/** Refuses unless the caller is an administrator or has one of the roles. */
export function requireRole(caller: AllocationCaller, message: string, ...keys: RoleKey[]): void {
  if (caller.user === null)
    throw new AccessError("You don't have permission to access this.", 403, 'FORBIDDEN');
  if (!hasRole(caller, ...keys)) throw new AccessError(message, 403, 'FORBIDDEN');
}

/** The agency of a Perangkat daerah user (null when the user has none). */
export async function agencyOfUser(database: Knex, user: string): Promise<string | null> {
  const row = (await database('directus_users').where({ id: user }).first('perangkat_daerah')) as
    { perangkat_daerah: string | null } | undefined;
  return row?.perangkat_daerah ?? null;
}
