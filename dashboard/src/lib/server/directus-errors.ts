import { isDirectusError } from '@directus/sdk';

/** Shown when Directus cannot be reached (network error, timeout, 502/503/504 from a proxy). */
export const DIRECTUS_UNREACHABLE_MESSAGE =
  'Server data tidak dapat dihubungi; coba lagi sebentar lagi atau hubungi administrator';

export type DirectusFailure =
  | 'unreachable'
  | 'invalid_credentials'
  | 'invalid_otp'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'other';

function errorCodes(error: unknown): string[] {
  if (typeof error !== 'object' || error === null || !('errors' in error)) return [];
  const { errors } = error;
  if (!Array.isArray(errors)) return [];
  const codes: string[] = [];
  for (const entry of errors as unknown[]) {
    if (typeof entry !== 'object' || entry === null || !('extensions' in entry)) continue;
    const { extensions } = entry;
    if (typeof extensions === 'object' && extensions !== null && 'code' in extensions) {
      const { code } = extensions;
      if (typeof code === 'string') codes.push(code);
    }
  }
  return codes;
}

function responseStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('response' in error)) return undefined;
  const { response } = error;
  if (typeof response !== 'object' || response === null || !('status' in response)) return undefined;
  return typeof response.status === 'number' ? response.status : undefined;
}

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('name' in error)) return undefined;
  return typeof error.name === 'string' ? error.name : undefined;
}

/** Sorts an error thrown by an @directus/sdk request (or by fetch itself) into what the dashboard reacts to. */
export function classifyDirectusError(error: unknown): DirectusFailure {
  const status = responseStatus(error);
  const codes = errorCodes(error);
  if (codes.includes('INVALID_CREDENTIALS')) return 'invalid_credentials';
  if (codes.includes('INVALID_OTP')) return 'invalid_otp';
  if (codes.includes('TOKEN_EXPIRED') || codes.includes('INVALID_TOKEN') || status === 401)
    return 'unauthorized';
  if (codes.includes('FORBIDDEN') || status === 403) return 'forbidden';
  if (codes.includes('REQUESTS_EXCEEDED') || status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'unreachable';
  // fetch rejects with a TypeError ("fetch failed") when the server cannot be reached at all;
  // a non-JSON answer (e.g. an HTML error page from a proxy) is thrown as a plain string.
  if (!isDirectusError(error) && status === undefined) {
    const name = errorName(error);
    if (error instanceof TypeError || name === 'TimeoutError' || name === 'AbortError') return 'unreachable';
  }
  return 'other';
}

/** Thrown by the session code when Directus does not answer, so callers can show the right message. */
export class DirectusUnreachableError extends Error {
  constructor(options?: ErrorOptions) {
    super(DIRECTUS_UNREACHABLE_MESSAGE, options);
    this.name = 'DirectusUnreachableError';
  }
}

/** Shown when the user's token is valid but Directus does not let them read their own profile. */
export const PROFILE_FORBIDDEN_MESSAGE =
  'Akun Anda belum diberi izin membaca profilnya sendiri di server data; hubungi administrator';

/** Thrown by the session code when /users/me is forbidden even without role.name (a permission set-up gap). */
export class DirectusProfileForbiddenError extends Error {
  constructor(options?: ErrorOptions) {
    super(PROFILE_FORBIDDEN_MESSAGE, options);
    this.name = 'DirectusProfileForbiddenError';
  }
}
