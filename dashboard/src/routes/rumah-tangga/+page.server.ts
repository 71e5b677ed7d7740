import { readHouseholdPage } from '#lib/server/household-list.ts';
import { readHouseholdListContext } from '#lib/server/household-list-page.ts';
import { loadFromDirectus } from '#lib/server/page-errors.ts';
import { requireSession } from '#lib/server/session.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { user, directus } = requireSession(locals, url);
  const context = await loadFromDirectus(url, () => readHouseholdListContext(directus, user, url));
  const page = await loadFromDirectus(url, () => readHouseholdPage(directus, context.query, context.options));
  return {
    query: context.query,
    rows: page.rows,
    total: page.total,
    personal: page.personal,
    surveysReadable: context.options.surveysReadable,
    round: context.settings.surveyRound,
    kecamatanOptions: context.kecamatanOptions,
    desaOptions: context.desaOptions,
    agencyScope: context.role === 'perangkat_daerah',
  };
};
