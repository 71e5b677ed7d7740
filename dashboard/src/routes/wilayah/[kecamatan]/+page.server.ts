import { error } from '@sveltejs/kit';
import { readAreaPage } from '#lib/server/area-page.ts';
import { loadFromDirectus } from '#lib/server/page-errors.ts';
import { readAreaRef } from '#lib/server/reference.ts';
import { requireSession } from '#lib/server/session.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const { user, directus } = requireSession(locals, url);
  const kecamatan = await loadFromDirectus(url, () => readAreaRef(directus, 'kecamatan', params.kecamatan));
  if (kecamatan === null) error(404, `Kecamatan dengan kode ${params.kecamatan} tidak ditemukan`);
  const area = await loadFromDirectus(url, () =>
    readAreaPage(directus, user, { level: 'kecamatan', kecamatan: kecamatan.code, withMap: true }),
  );
  return { kecamatan, area };
};
