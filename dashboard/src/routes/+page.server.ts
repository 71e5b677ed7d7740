import { readClassificationSummary } from '#lib/server/households.ts';
import { loadFromDirectus } from '#lib/server/page-errors.ts';
import { requireSession } from '#lib/server/session.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { directus } = requireSession(locals, url);
  const summary = await loadFromDirectus(url, () => readClassificationSummary(directus));
  return { summary };
};
