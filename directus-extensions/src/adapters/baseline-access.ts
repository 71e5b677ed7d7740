import type { Accountability } from '@directus/types';
import { roleKeyOf } from '../../../access/roles.ts';

/** Importing baselines and bulk data-quality runs are for planners (Perencana) and administrators. */
export function canManageBaseline(accountability: Accountability | null | undefined): boolean {
  if (!accountability || accountability.user === null || accountability.user === undefined) return false;
  if (accountability.admin) return true;
  return [accountability.role, ...(accountability.roles ?? [])].some(
    (role) => roleKeyOf(role) === 'perencana',
  );
}

export const BASELINE_FORBIDDEN = {
  status: 403,
  code: 'FORBIDDEN',
  message:
    'Hanya perencana dan administrator yang dapat mengimpor data awal (P3KE/DTSEN) atau menjalankan ini.',
};
