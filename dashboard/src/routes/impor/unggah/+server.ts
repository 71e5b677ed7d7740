import { json } from '@sveltejs/kit';
import { canImportBaseline, IMPORT_FORBIDDEN, PREVIEW_BYTES, readSource } from '#lib/baseline-import.ts';
import { roleKeyOf } from '#lib/roles.ts';
import { importBaselineFile, previewBaselineFile, SESSION_ENDED } from '#lib/server/baseline-import.ts';
import type { RequestHandler } from './$types';

/**
 * POST /impor/unggah?mode=preview|import&source=p3ke|dtsen&file_name=<name>, the CSV file as the body.
 * The file goes on to Directus with the user's token (streamed for an import); the answer is JSON:
 * { ok: true, preview } | { ok: true, result } | { ok: false, message }.
 */
export const POST: RequestHandler = async ({ locals, url, request }) => {
  if (locals.user === null || locals.directus === null)
    return json({ ok: false, message: SESSION_ENDED }, { status: 401 });
  if (!canImportBaseline(roleKeyOf(locals.user.role)))
    return json({ ok: false, message: IMPORT_FORBIDDEN }, { status: 403 });
  const source = readSource(url.searchParams.get('source'));
  if (source === null) {
    return json({ ok: false, message: 'Pilih sumber data awal: P3KE atau DTSEN.' }, { status: 400 });
  }
  if (request.body === null) {
    return json(
      { ok: false, message: 'Berkas kosong. Pilih berkas CSV data awal lalu ulangi.' },
      { status: 400 },
    );
  }
  const fileName = url.searchParams.get('file_name');
  if (url.searchParams.get('mode') === 'preview') {
    const body = await request.arrayBuffer();
    if (body.byteLength > PREVIEW_BYTES * 2) {
      return json(
        { ok: false, message: 'Pratinjau hanya membaca bagian awal berkas; muat ulang halaman lalu ulangi.' },
        { status: 413 },
      );
    }
    const answer = await previewBaselineFile(locals.directus, { source, fileName, body });
    return json(answer, { status: answer.ok ? 200 : answer.status });
  }
  const answer = await importBaselineFile(locals.directus, { source, fileName, body: request.body });
  return json(answer, { status: answer.ok ? 200 : answer.status });
};
