import { error } from '@sveltejs/kit';
import { canImportBaseline, IMPORT_FORBIDDEN } from '#lib/baseline-import.ts';
import { roleKeyOf } from '#lib/roles.ts';
import { fetchCsv } from '#lib/server/baseline-import.ts';
import { loadFromDirectus } from '#lib/server/page-errors.ts';
import { requireSession } from '#lib/server/session.ts';
import type { RequestHandler } from './$types';

/** GET /impor/galat/<job id>: the rejected rows of an import with a `keterangan` column (CSV from Directus). */
export const GET: RequestHandler = async ({ locals, url, params }) => {
  const { user, directus } = requireSession(locals, url);
  if (!canImportBaseline(roleKeyOf(user.role))) error(403, IMPORT_FORBIDDEN);
  if (!/^\d{1,12}$/.test(params.id)) error(404, 'Riwayat impor tidak ditemukan.');
  const answer = await loadFromDirectus(url, () =>
    fetchCsv(directus, `/siap-pd/import/jobs/${params.id}/errors.csv`, IMPORT_FORBIDDEN),
  );
  if (!answer.ok) error(answer.status, answer.message);
  return new Response(answer.body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${answer.fileName ?? `impor-${params.id}-ditolak.csv`}"`,
      'cache-control': 'private, no-store',
    },
  });
};
