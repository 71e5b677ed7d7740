import { readNeedListContext } from '#lib/server/need-list-page.ts';
import { readNeedPage } from '#lib/server/need-list.ts';
import { loadFromDirectus } from '#lib/server/page-errors.ts';
import { requireSession } from '#lib/server/session.ts';
import { readNeedsSummary } from '#lib/server/summary.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { user, directus } = requireSession(locals, url);
  const context = await loadFromDirectus(url, () => readNeedListContext(directus, user, url));
  const scope = { kecamatan: context.query.kecamatan, desa: context.query.desa };
  const [summary, page] = await loadFromDirectus(url, () =>
    Promise.all([readNeedsSummary(directus, scope), readNeedPage(directus, context.query, context.names)]),
  );
  return {
    query: context.query,
    summary,
    page,
    kecamatanOptions: context.kecamatanOptions,
    desaOptions: context.desaOptions,
    agencyOptions: context.agencyOptions,
    categoryOptions: context.categoryOptions,
  };
};
