import { redirect } from '@sveltejs/kit';
import type { Cookies } from '@sveltejs/kit';
import type { SessionUser } from '../session-user.ts';
import { loginPath } from '../safe-redirect.ts';
import {
  ACCESS_COOKIE,
  REFRESH_COOKIE,
  clearSessionCookies,
  refreshSession,
  storeSessionCookies,
} from './auth.ts';
import { createUserDirectus } from './directus.ts';
import type { FetchFunction, UserDirectus } from './directus.ts';
import {
  DirectusProfileForbiddenError,
  DirectusUnreachableError,
  classifyDirectusError,
} from './directus-errors.ts';
import { readCurrentUser } from './users.ts';

export interface Session {
  user: SessionUser;
  directus: UserDirectus;
}

interface SessionRequest {
  cookies: Cookies;
  url: URL;
}

/**
 * Finds the session of a request from its cookies: refreshes the access token when its cookie has lapsed
 * (or Directus rejects it), stores rotated tokens, and reads the user with their own token.
 * Returns null (and clears the cookies) when there is no valid session.
 * @throws DirectusUnreachableError when Directus does not answer.
 * @throws DirectusProfileForbiddenError when the user may not read their own profile (GET /users/me).
 */
export async function resolveSession(
  request: SessionRequest,
  fetchFunction: FetchFunction = fetch,
): Promise<Session | null> {
  const { cookies } = request;
  const secure = request.url.protocol === 'https:';
  const refreshToken = cookies.get(REFRESH_COOKIE);
  let accessToken = cookies.get(ACCESS_COOKIE);
  let refreshed = false;

  const renew = async (): Promise<string | null> => {
    if (refreshToken === undefined || refreshed) return null;
    refreshed = true;
    const result = await refreshSession(refreshToken, fetchFunction);
    if (!result.ok) {
      if (result.reason === 'unreachable') throw new DirectusUnreachableError();
      return null;
    }
    storeSessionCookies(cookies, result.tokens, secure);
    return result.tokens.accessToken;
  };

  if (accessToken === undefined) {
    if (refreshToken === undefined) return null;
    accessToken = (await renew()) ?? undefined;
    if (accessToken === undefined) {
      clearSessionCookies(cookies, secure);
      return null;
    }
  }

  for (;;) {
    const directus = createUserDirectus(accessToken, fetchFunction);
    try {
      const user = await readCurrentUser(directus);
      if (user === null) break;
      return { user, directus };
    } catch (error) {
      const failure = classifyDirectusError(error);
      if (failure === 'unreachable') throw new DirectusUnreachableError({ cause: error });
      if (failure === 'forbidden') throw new DirectusProfileForbiddenError({ cause: error });
      if (failure !== 'unauthorized') throw error;
      const renewed = await renew();
      if (renewed === null) break;
      accessToken = renewed;
    }
  }
  clearSessionCookies(cookies, secure);
  return null;
}

/** For load functions and actions: the session set by hooks.server.ts, or a redirect to the login page. */
export function requireSession(locals: App.Locals, url: URL): Session {
  if (locals.user === null || locals.directus === null) redirect(303, loginPath(url));
  return { user: locals.user, directus: locals.directus };
}
