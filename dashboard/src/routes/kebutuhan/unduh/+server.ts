import { error } from '@sveltejs/kit';
import { buildNeedCsv } from '#lib/need-csv.ts';
import { readNeedListContext } from '#lib/server/need-list-page.ts';
import { readAllNeeds } from '#lib/server/need-list.ts';
import { loadFromDirectus } from '#lib/server/page-errors.ts';
import { requireSession } from '#lib/server/session.ts';
import { unlessForbidden } from '#lib/server/items.ts';
import type { RequestHandler } from './$types';

/** GET /kebutuhan/unduh?<the list's filters>: every matching need as CSV (semicolons, BOM). */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { user, directus } = requireSession(locals, url);
  const context = await loadFromDirectus(url, () => readNeedListContext(directus, user, url));
  const rows = await loadFromDirectus(url, () =>
    unlessForbidden(readAllNeeds(directus, context.query, context.names), null),
  );
  if (rows === null) error(403, 'Peran Anda tidak membaca data kebutuhan.');
  return new Response(buildNeedCsv(rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="kebutuhan.csv"',
      'cache-control': 'private, no-store',
    },
  });
};
