import { error } from '@sveltejs/kit';
import { ALLOCATION_FORBIDDEN, allocationAccess } from '#lib/allocation-access.ts';
import { readExportRequest } from '#lib/allocation-forms.ts';
import { roleKeyOf } from '#lib/roles.ts';
import { readAllocationExport } from '#lib/server/allocation-export.ts';
import { loadFromDirectus } from '#lib/server/page-errors.ts';
import { requireSession } from '#lib/server/session.ts';
import type { RequestHandler } from './$types';

/**
 * GET /alokasi/unduh?tahun=&alokasi=&jenis=baris|penerima&format=csv|xlsx&perangkat=: the SIPD lines or
 * the beneficiary list from Directus's export, passed through with the user's own token.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { user, directus } = requireSession(locals, url);
  if (!allocationAccess(roleKeyOf(user.role)).export) error(403, ALLOCATION_FORBIDDEN);
  const parsed = readExportRequest(url.searchParams);
  if (!parsed.ok) error(400, parsed.message);
  const file = await loadFromDirectus(url, () => readAllocationExport(directus, parsed.request));
  if (!file.ok) error(file.status, file.message);
  return new Response(file.body, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'cache-control': 'private, no-store',
      ...(file.totalPagu === null ? {} : { 'x-siap-total-pagu': file.totalPagu }),
    },
  });
};
