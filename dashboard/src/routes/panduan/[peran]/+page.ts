import { error } from '@sveltejs/kit';
import { findPanduanRole } from '#lib/panduan.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => {
  const role = findPanduanRole(params.peran);
  if (role === null) error(404, 'Panduan untuk peran ini tidak ada');
  return { role };
};
