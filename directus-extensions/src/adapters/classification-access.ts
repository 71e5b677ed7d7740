import type { Accountability } from '@directus/types';
import { roleKeyOf } from '../../../access/roles.ts';

/** Re-running the classification is for planners (Perencana) and administrators. */
export function canReclassify(accountability: Accountability | null | undefined): boolean {
  if (!accountability || accountability.user === null || accountability.user === undefined) return false;
  if (accountability.admin) return true;
  return [accountability.role, ...(accountability.roles ?? [])].some(
    (role) => roleKeyOf(role) === 'perencana',
  );
}

export function isAdministrator(accountability: Accountability | null | undefined): boolean {
  return accountability?.admin === true && accountability.user !== null && accountability.user !== undefined;
}
