import { redirect } from '@sveltejs/kit';
import { ownAreaPath, roleKeyOf } from '#lib/roles.ts';
import { readAreaPage } from '#lib/server/area-page.ts';
import { loadFromDirectus } from '#lib/server/page-errors.ts';
import { requireSession } from '#lib/server/session.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { user, directus } = requireSession(locals, url);
  // An operator's or verifier's summary is the page of their own desa or kecamatan.
  const role = roleKeyOf(user.role);
  if (role === 'operator_desa' || role === 'verifikator_kecamatan') {
    const own = ownAreaPath(user);
    if (own !== null) redirect(303, own);
  }
  const area = await loadFromDirectus(url, () =>
    readAreaPage(directus, user, { level: 'kabupaten', withMap: false }),
  );
  return { area };
};
