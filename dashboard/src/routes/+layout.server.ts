import { adminUrl } from '#lib/server/config.ts';
import { navigationFor, PANDUAN_SLUG, roleKeyOf } from '#lib/roles.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
  const role = locals.user === null ? 'unknown' : roleKeyOf(locals.user.role);
  return {
    user: locals.user,
    adminUrl: adminUrl(),
    navigation: locals.user === null ? [] : navigationFor(locals.user),
    /** The Panduan page of the user's role (/panduan when the role is unknown or nobody is logged in). */
    helpPath: role === 'unknown' ? ('/panduan' as const) : (`/panduan/${PANDUAN_SLUG[role]}` as const),
  };
};
