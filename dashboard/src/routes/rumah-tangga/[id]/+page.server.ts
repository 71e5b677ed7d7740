import { error } from '@sveltejs/kit';
import { readKey } from '#lib/aggregate.ts';
import { roleKeyOf } from '#lib/roles.ts';
import { readHouseholdDetail } from '#lib/server/household-detail.ts';
import { loadFromDirectus } from '#lib/server/page-errors.ts';
import { readAreaRef } from '#lib/server/reference.ts';
import { requireSession } from '#lib/server/session.ts';
import type { PageServerLoad } from './$types';

const NOT_FOUND = 'Rumah tangga ini tidak ditemukan, atau bukan wewenang akun Anda untuk melihatnya.';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const { user, directus } = requireSession(locals, url);
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) error(404, NOT_FOUND);
  const detail = await loadFromDirectus(url, () => readHouseholdDetail(directus, id, roleKeyOf(user.role)));
  if (detail === null) error(404, NOT_FOUND);
  const desaCode = readKey(detail.household['desa']);
  const kecamatanCode = readKey(detail.household['kecamatan']);
  const [desa, kecamatan] = await loadFromDirectus(url, () =>
    Promise.all([
      desaCode === null ? Promise.resolve(null) : readAreaRef(directus, 'desa', desaCode),
      kecamatanCode === null ? Promise.resolve(null) : readAreaRef(directus, 'kecamatan', kecamatanCode),
    ]),
  );
  return { id, detail, desa, kecamatan };
};
