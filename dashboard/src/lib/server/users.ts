import { readMe } from '@directus/sdk';
import { toSessionUser } from '../session-user.ts';
import type { SessionUser } from '../session-user.ts';
import { classifyDirectusError } from './directus-errors.ts';
import type { UserDirectus } from './directus-types.ts';

/**
 * Reads the logged-in user: GET /users/me?fields=id,email,first_name,last_name,desa,kecamatan,perangkat_daerah,role.name
 * If the user's policies do not let them read their own role, Directus answers 403 because of `role.name`;
 * the user is then read without it (the header shows the role as unknown).
 */
export async function readCurrentUser(directus: UserDirectus): Promise<SessionUser | null> {
  let raw: unknown;
  try {
    raw = await directus.request(
      readMe({
        fields: [
          'id',
          'email',
          'first_name',
          'last_name',
          'desa',
          'kecamatan',
          'perangkat_daerah',
          { role: ['name'] },
        ],
      }),
    );
  } catch (error) {
    if (classifyDirectusError(error) !== 'forbidden') throw error;
    raw = await directus.request(
      readMe({ fields: ['id', 'email', 'first_name', 'last_name', 'desa', 'kecamatan', 'perangkat_daerah'] }),
    );
  }
  return toSessionUser(raw);
}
