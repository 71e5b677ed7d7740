import { error, json } from '@sveltejs/kit';
import { SIMULATION_FORBIDDEN, allocationAccess } from '#lib/allocation-access.ts';
import { roleKeyOf } from '#lib/roles.ts';
import { loadFromDirectus } from '#lib/server/page-errors.ts';
import { readPlanningSettings } from '#lib/server/reference.ts';
import { requireSession } from '#lib/server/session.ts';
import { isRefusal } from '#lib/server/siap-endpoint.ts';
import { previewAllocation } from '#lib/server/what-if-page.ts';
import { readWhatIfBody } from '#lib/what-if.ts';
import type { RequestHandler } from './$types';

/**
 * POST /simulasi/hitung { overrides }: the what-if of the active fiscal year (POST
 * /siap-pd/allocations/preview with the user's token). Answers { result } or { message } with the status.
 */
export const POST: RequestHandler = async ({ locals, url, request }) => {
  const { user, directus } = requireSession(locals, url);
  if (!allocationAccess(roleKeyOf(user.role)).simulate) error(403, SIMULATION_FORBIDDEN);
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return json({ message: 'Isi permintaan harus JSON { overrides }.' }, { status: 400 });
  }
  const settings = await loadFromDirectus(url, () => readPlanningSettings(directus));
  if (settings.activeFiscalYear === null) {
    return json(
      {
        message:
          'Tahun anggaran aktif belum diisi di Pengaturan Perencanaan; minta administrator mengisinya.',
      },
      { status: 409 },
    );
  }
  const parsed = readWhatIfBody(body, settings.activeFiscalYear);
  if (!parsed.ok) return json({ message: parsed.message }, { status: 400 });
  const result = await loadFromDirectus(url, () => previewAllocation(directus, parsed.request));
  if (isRefusal(result)) return json({ message: result.message }, { status: result.status });
  return json({ result });
};
