import { error } from '@sveltejs/kit';
import { canImportBaseline, IMPORT_FORBIDDEN } from '#lib/baseline-import.ts';
import { roleKeyOf } from '#lib/roles.ts';
import { readImportPage } from '#lib/server/baseline-import.ts';
import { loadFromDirectus } from '#lib/server/page-errors.ts';
import { requireSession } from '#lib/server/session.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { user, directus } = requireSession(locals, url);
  if (!canImportBaseline(roleKeyOf(user.role))) error(403, IMPORT_FORBIDDEN);
  const page = await loadFromDirectus(url, () => readImportPage(directus));
  return { page };
};
