import { error, redirect } from '@sveltejs/kit';
import type { Handle, HandleServerError } from '@sveltejs/kit/hooks';
import { loginPath } from '#lib/safe-redirect.ts';
import {
  DIRECTUS_UNREACHABLE_MESSAGE,
  DirectusProfileForbiddenError,
  DirectusUnreachableError,
} from '#lib/server/directus-errors.ts';
import { resolveSession } from '#lib/server/session.ts';

/** Paths anyone may open without a session (logging out must work even when the session cannot be read). */
const PUBLIC_PATHS = new Set(['/login', '/logout']);

/** The Panduan (help) holds no data: it opens without a session too, so the login page can link to it. */
function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.has(pathname) || pathname === '/panduan' || pathname.startsWith('/panduan/');
}

const SECURITY_HEADERS: Record<string, string> = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.user = null;
  event.locals.directus = null;
  const isPublic = isPublicPath(event.url.pathname);

  try {
    const session = await resolveSession(event);
    if (session !== null) {
      event.locals.user = session.user;
      event.locals.directus = session.directus;
    }
  } catch (cause) {
    // The login page still opens (its form reports the outage); every other page says so at once.
    if (cause instanceof DirectusUnreachableError) {
      if (!isPublic) error(503, DIRECTUS_UNREACHABLE_MESSAGE);
    } else if (cause instanceof DirectusProfileForbiddenError) {
      if (!isPublic) error(403, cause.message);
    } else {
      throw cause;
    }
  }

  if (event.locals.user === null && !isPublic) redirect(303, loginPath(event.url));

  const response = await resolve(event);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  // Pages show one user's data: never keep them in a shared cache.
  if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-store');
  return response;
};

export const handleError: HandleServerError = ({ error: caught, event, kind }) => {
  if (kind === 'unknown') {
    console.error(`[dashboard] ${event.request.method} ${event.url.pathname}`, caught);
    return { message: 'Terjadi kesalahan tak terduga. Coba lagi atau hubungi administrator.' };
  }
  if (kind === 'framework' && caught.status === 404) return { message: 'Halaman tidak ditemukan' };
  return undefined;
};
