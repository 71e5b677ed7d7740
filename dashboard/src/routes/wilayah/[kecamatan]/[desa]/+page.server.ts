import { error, redirect } from '@sveltejs/kit';
import { readAreaPage } from '#lib/server/area-page.ts';
import { loadFromDirectus } from '#lib/server/page-errors.ts';
import { readAreaRef } from '#lib/server/reference.ts';
import { requireSession } from '#lib/server/session.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const { user, directus } = requireSession(locals, url);
  const [desa, kecamatan] = await loadFromDirectus(url, () =>
    Promise.all([
      readAreaRef(directus, 'desa', params.desa),
      readAreaRef(directus, 'kecamatan', params.kecamatan),
    ]),
  );
  if (desa === null) error(404, `Desa/kelurahan dengan kode ${params.desa} tidak ditemukan`);
  // A desa reached under the wrong kecamatan goes to its own address.
  if (desa.kecamatan !== null && desa.kecamatan !== params.kecamatan) {
    redirect(308, `/wilayah/${encodeURIComponent(desa.kecamatan)}/${encodeURIComponent(desa.code)}`);
  }
  const area = await loadFromDirectus(url, () =>
    readAreaPage(directus, user, {
      level: 'desa',
      kecamatan: params.kecamatan,
      desa: desa.code,
      withMap: true,
    }),
  );
  return { desa, kecamatan, area };
};
