import { buildHouseholdCsv, householdCsvFileName } from '#lib/household-csv.ts';
import { readAllHouseholds } from '#lib/server/household-list.ts';
import { readHouseholdListContext } from '#lib/server/household-list-page.ts';
import { loadFromDirectus } from '#lib/server/page-errors.ts';
import { requireSession } from '#lib/server/session.ts';
import type { RequestHandler } from './$types';

/** GET /rumah-tangga/unduh?<the list's filters>: every matching household as CSV (semicolons, BOM). */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { user, directus } = requireSession(locals, url);
  const context = await loadFromDirectus(url, () => readHouseholdListContext(directus, user, url));
  const { rows } = await loadFromDirectus(url, () =>
    readAllHouseholds(directus, context.query, context.options),
  );
  const csv = buildHouseholdCsv(rows, context.options.surveysReadable);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${householdCsvFileName(context.query)}"`,
      'cache-control': 'private, no-store',
    },
  });
};
