import { personalFieldAccess } from '../roles.ts';
import type { RoleKey } from '../roles.ts';
import { classifyDirectusError } from './directus-errors.ts';

/**
 * Runs a read with NIK/No. KK fields when the role may read them. Roles known not to (Pimpinan, Perangkat
 * daerah) are asked without them at once; other roles are asked with them and, when Directus refuses (403:
 * an unknown role, or permissions changed by an administrator), asked again without. `personal` says which
 * one answered.
 */
export async function withPersonalFields<T>(
  role: RoleKey,
  read: (personal: boolean) => Promise<T>,
): Promise<{ result: T; personal: boolean }> {
  const access = personalFieldAccess(role);
  if (access === 'no') return { result: await read(false), personal: false };
  try {
    return { result: await read(true), personal: true };
  } catch (error) {
    if (classifyDirectusError(error) === 'forbidden') {
      return { result: await read(false), personal: false };
    }
    throw error;
  }
}
