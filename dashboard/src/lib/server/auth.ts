import { login, logout, refresh } from '@directus/sdk';
import type { Cookies } from '@sveltejs/kit';
import { createPublicDirectus } from './directus.ts';
import type { FetchFunction } from './directus.ts';
import { classifyDirectusError } from './directus-errors.ts';

/** Access and refresh token of one Directus session. Never sent to the browser except as httpOnly cookies. */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  /** Lifetime of the access token in milliseconds, as Directus reports it. */
  expiresMs: number;
}

export const ACCESS_COOKIE = 'siap_access';
export const REFRESH_COOKIE = 'siap_refresh';

/** The access cookie expires this long before the token does, so the next request refreshes in time. */
const REFRESH_MARGIN_SECONDS = 60;
/** Directus's default REFRESH_TOKEN_TTL; if a deployment uses less, the refresh simply fails and the user logs in. */
const REFRESH_COOKIE_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
/** Parallel requests that carry the same refresh token share one refresh (Directus rotates refresh tokens). */
const REFRESH_SHARE_MS = 30_000;

function toTokens(raw: unknown): SessionTokens | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const data = raw as Record<string, unknown>;
  const accessToken = data['access_token'];
  const refreshToken = data['refresh_token'];
  const expires = data['expires'];
  if (typeof accessToken !== 'string' || accessToken === '') return null;
  if (typeof refreshToken !== 'string' || refreshToken === '') return null;
  return {
    accessToken,
    refreshToken,
    expiresMs: typeof expires === 'number' && expires > 0 ? expires : 900_000,
  };
}

export type LoginResult =
  | { ok: true; tokens: SessionTokens }
  | { ok: false; reason: 'invalid_credentials' | 'invalid_otp' | 'unreachable' | 'rate_limited' | 'other' };

/** POST /auth/login in JSON mode, so the tokens stay on this server. */
export async function loginWithPassword(
  email: string,
  password: string,
  fetchFunction: FetchFunction = fetch,
): Promise<LoginResult> {
  try {
    const raw: unknown = await createPublicDirectus(fetchFunction).request(
      login({ email, password }, { mode: 'json' }),
    );
    const tokens = toTokens(raw);
    return tokens === null ? { ok: false, reason: 'other' } : { ok: true, tokens };
  } catch (error) {
    const failure = classifyDirectusError(error);
    switch (failure) {
      case 'invalid_credentials':
      case 'unauthorized':
        return { ok: false, reason: 'invalid_credentials' };
      case 'invalid_otp':
      case 'unreachable':
      case 'rate_limited':
        return { ok: false, reason: failure };
      case 'forbidden':
      case 'other':
        return { ok: false, reason: 'other' };
    }
  }
}

export type RefreshResult =
  { ok: true; tokens: SessionTokens } | { ok: false; reason: 'rejected' | 'unreachable' };

const refreshesInFlight = new Map<string, Promise<RefreshResult>>();

async function requestRefresh(refreshToken: string, fetchFunction: FetchFunction): Promise<RefreshResult> {
  try {
    const raw: unknown = await createPublicDirectus(fetchFunction).request(
      refresh({ mode: 'json', refresh_token: refreshToken }),
    );
    const tokens = toTokens(raw);
    return tokens === null ? { ok: false, reason: 'rejected' } : { ok: true, tokens };
  } catch (error) {
    return { ok: false, reason: classifyDirectusError(error) === 'unreachable' ? 'unreachable' : 'rejected' };
  }
}

/** POST /auth/refresh in JSON mode; concurrent calls with the same refresh token share one request. */
export function refreshSession(
  refreshToken: string,
  fetchFunction: FetchFunction = fetch,
): Promise<RefreshResult> {
  const pending = refreshesInFlight.get(refreshToken);
  if (pending !== undefined) return pending;
  const started = requestRefresh(refreshToken, fetchFunction);
  refreshesInFlight.set(refreshToken, started);
  void started.then((result) => {
    // Keep a successful answer a little while for requests that were sent with the old cookies;
    // forget a failed one at once so a later attempt can retry.
    const keepMs = result.ok ? REFRESH_SHARE_MS : 0;
    setTimeout(() => refreshesInFlight.delete(refreshToken), keepMs).unref();
  });
  return started;
}

/** POST /auth/logout with the refresh token; failures are ignored (the cookies are cleared anyway). */
export async function logoutSession(
  refreshToken: string,
  fetchFunction: FetchFunction = fetch,
): Promise<void> {
  try {
    await createPublicDirectus(fetchFunction).request(logout({ mode: 'json', refresh_token: refreshToken }));
  } catch {
    // The session may already be gone or Directus may be down; the browser forgets the tokens either way.
  }
}

function cookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure } as const;
}

/** Stores both tokens in httpOnly cookies; the access cookie lapses shortly before the token expires. */
export function storeSessionCookies(cookies: Cookies, tokens: SessionTokens, secure: boolean): void {
  const lifetimeSeconds = Math.floor(tokens.expiresMs / 1000);
  const accessMaxAge = Math.max(
    1,
    lifetimeSeconds - Math.min(REFRESH_MARGIN_SECONDS, Math.floor(lifetimeSeconds / 2)),
  );
  cookies.set(ACCESS_COOKIE, tokens.accessToken, { ...cookieOptions(secure), maxAge: accessMaxAge });
  cookies.set(REFRESH_COOKIE, tokens.refreshToken, {
    ...cookieOptions(secure),
    maxAge: REFRESH_COOKIE_MAX_AGE_SECONDS,
  });
}

export function clearSessionCookies(cookies: Cookies, secure: boolean): void {
  cookies.delete(ACCESS_COOKIE, cookieOptions(secure));
  cookies.delete(REFRESH_COOKIE, cookieOptions(secure));
}
