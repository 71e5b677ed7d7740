import { fail, redirect } from '@sveltejs/kit';
import { loginWithPassword, storeSessionCookies } from '#lib/server/auth.ts';
import type { LoginResult } from '#lib/server/auth.ts';
import { DIRECTUS_UNREACHABLE_MESSAGE } from '#lib/server/directus-errors.ts';
import { homePathFor } from '#lib/roles.ts';
import { createUserDirectus } from '#lib/server/directus.ts';
import { readCurrentUser } from '#lib/server/users.ts';
import { safeRedirectPath } from '#lib/safe-redirect.ts';
import type { Actions, PageServerLoad } from './$types';

type LoginFailure = Extract<LoginResult, { ok: false }>['reason'];

const FAILURE_MESSAGES: Record<LoginFailure, { status: number; message: string }> = {
  invalid_credentials: { status: 400, message: 'Email atau kata sandi salah' },
  invalid_otp: {
    status: 400,
    message: 'Akun ini memakai kode OTP, yang belum didukung dasbor; hubungi administrator',
  },
  unreachable: { status: 503, message: DIRECTUS_UNREACHABLE_MESSAGE },
  rate_limited: { status: 429, message: 'Terlalu banyak percobaan masuk; tunggu sebentar lalu coba lagi' },
  other: {
    status: 500,
    message: 'Gagal masuk karena kesalahan di server data; coba lagi atau hubungi administrator',
  },
};

/** Where a user lands without an explicit target: their own scope (homePathFor); '/' if the profile cannot be read. */
async function landingPath(accessToken: string): Promise<string> {
  try {
    const user = await readCurrentUser(createUserDirectus(accessToken, fetch));
    return user === null ? '/' : homePathFor(user);
  } catch {
    return '/';
  }
}

export const load: PageServerLoad = ({ locals, url }) => {
  const redirectTo = safeRedirectPath(url.searchParams.get('redirectTo'));
  if (locals.user !== null) redirect(303, redirectTo);
  return { redirectTo };
};

export const actions: Actions = {
  default: async ({ request, cookies, url }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const redirectTo = safeRedirectPath(
      String(form.get('redirectTo') ?? url.searchParams.get('redirectTo') ?? '/'),
    );

    if (email === '' || password === '') {
      return fail(400, { email, message: 'Isi email dan kata sandi' });
    }

    const result = await loginWithPassword(email, password);
    if (!result.ok) {
      const { status, message } = FAILURE_MESSAGES[result.reason];
      return fail(status, { email, message });
    }

    storeSessionCookies(cookies, result.tokens, url.protocol === 'https:');
    redirect(303, redirectTo === '/' ? await landingPath(result.tokens.accessToken) : redirectTo);
  },
};
