import { error } from '@sveltejs/kit';
import { canImportBaseline, IMPORT_FORBIDDEN } from '#lib/baseline-import.ts';
import { roleKeyOf } from '#lib/roles.ts';
import { fetchCsv } from '#lib/server/baseline-import.ts';
import { loadFromDirectus } from '#lib/server/page-errors.ts';
import { requireSession } from '#lib/server/session.ts';
import type { RequestHandler } from './$types';

/**
 * GET /impor/perubahan: the reconciliation change list for the national registry (CSV with NIK from
 * Directus, which records the export).
 */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { user, directus } = requireSession(locals, url);
  if (!canImportBaseline(roleKeyOf(user.role))) error(403, IMPORT_FORBIDDEN);
  const answer = await loadFromDirectus(url, () =>
    fetchCsv(
      directus,
      '/siap-pd/reconciliation/changes.csv',
      'Daftar perubahan berisi NIK; peran Anda tidak membacanya.',
    ),
  );
  if (!answer.ok) error(answer.status, answer.message);
  return new Response(answer.body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${answer.fileName ?? 'perubahan-data-awal.csv'}"`,
      'cache-control': 'private, no-store',
    },
  });
};
