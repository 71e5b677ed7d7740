import { readAreaPage } from '#lib/server/area-page.ts';
import { loadFromDirectus } from '#lib/server/page-errors.ts';
import { requireSession } from '#lib/server/session.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { user, directus } = requireSession(locals, url);
  const area = await loadFromDirectus(url, () =>
    readAreaPage(directus, user, { level: 'kabupaten', withMap: true }),
  );
  return { area };
};
