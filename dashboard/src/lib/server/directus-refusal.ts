import { classifyDirectusError } from './directus-errors.ts';
import { responseStatus } from './items.ts';

/** A refusal by Directus that a page or form shows as it is (SIAP-PD's own messages are Indonesian). */
export interface DirectusRefusal {
  status: number;
  message: string;
  code: string | null;
  extensions: Record<string, unknown>;
}

export const SERVER_FAILED_MESSAGE =
  'Server data gagal memproses permintaan ini. Coba lagi; bila berulang, hubungi administrator.';

const FORBIDDEN_MESSAGE =
  'Peran Anda tidak diizinkan melakukan ini. Hubungi administrator bila seharusnya boleh.';

function firstError(error: unknown): { message: string | null; extensions: Record<string, unknown> } {
  if (typeof error !== 'object' || error === null || !('errors' in error))
    return { message: null, extensions: {} };
  const { errors } = error as { errors: unknown };
  const first: unknown = Array.isArray(errors) ? errors[0] : null;
  if (typeof first !== 'object' || first === null) return { message: null, extensions: {} };
  const entry = first as { message?: unknown; extensions?: unknown };
  return {
    message: typeof entry.message === 'string' && entry.message.trim() !== '' ? entry.message : null,
    extensions:
      typeof entry.extensions === 'object' && entry.extensions !== null
        ? (entry.extensions as Record<string, unknown>)
        : {},
  };
}

/** Directus's own English refusals that users should not see as they are. */
function isDirectusDefault(message: string): boolean {
  return message.startsWith("You don't have permission") || message.startsWith('Validation failed');
}

/**
 * A failed Directus call as a refusal to show, or null when the error belongs to loadFromDirectus
 * (server unreachable, session expired, rate limited) and must be rethrown.
 */
export function refusalOf(
  error: unknown,
  forbiddenMessage: string = FORBIDDEN_MESSAGE,
): DirectusRefusal | null {
  const failure = classifyDirectusError(error);
  if (failure === 'unreachable' || failure === 'unauthorized' || failure === 'rate_limited') return null;
  const status = responseStatus(error);
  if (status === undefined) return null;
  const { message, extensions } = firstError(error);
  const code = typeof extensions['code'] === 'string' ? extensions['code'] : null;
  if (status >= 500) {
    // our endpoints explain their own failures (e.g. an interrupted import); Directus's are generic
    const own = message !== null && code !== null && code !== 'INTERNAL_SERVER_ERROR';
    return { status, message: own ? message : SERVER_FAILED_MESSAGE, code, extensions };
  }
  if (status === 403 && (message === null || isDirectusDefault(message))) {
    return { status, message: forbiddenMessage, code, extensions };
  }
  if (message !== null && message.startsWith('Validation failed')) {
    const field = typeof extensions['field'] === 'string' ? ` (kolom ${extensions['field']})` : '';
    return {
      status,
      message: `Isian ditolak server data${field}; periksa lalu kirim ulang.`,
      code,
      extensions,
    };
  }
  return { status, message: message ?? SERVER_FAILED_MESSAGE, code, extensions };
}
