import { redirect } from '@sveltejs/kit';
import { REFRESH_COOKIE, clearSessionCookies, logoutSession } from '#lib/server/auth.ts';
import type { Actions, PageServerLoad } from './$types';

// Logging out changes state, so it is a POST (the header's button); opening /logout just goes home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async ({ cookies, url }) => {
    const refreshToken = cookies.get(REFRESH_COOKIE);
    if (refreshToken !== undefined) await logoutSession(refreshToken);
    clearSessionCookies(cookies, url.protocol === 'https:');
    redirect(303, '/login');
  },
};
