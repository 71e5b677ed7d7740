import { error } from '@sveltejs/kit';
import { SIMULATION_FORBIDDEN, allocationAccess } from '#lib/allocation-access.ts';
import { roleKeyOf } from '#lib/roles.ts';
import { loadFromDirectus } from '#lib/server/page-errors.ts';
import { requireSession } from '#lib/server/session.ts';
import { readWhatIfPage } from '#lib/server/what-if-page.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { user, directus } = requireSession(locals, url);
  if (!allocationAccess(roleKeyOf(user.role)).simulate) error(403, SIMULATION_FORBIDDEN);
  return { page: await loadFromDirectus(url, () => readWhatIfPage(directus)) };
};
