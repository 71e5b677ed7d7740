import { customEndpoint } from '@directus/sdk';
import { classifyDirectusError } from './directus-errors.ts';
import type { UserDirectus } from './directus-types.ts';
import { responseStatus } from './items.ts';

/** A refusal of Directus the page shows as it is: the status, Directus's (Indonesian) message, details. */
export interface EndpointRefusal {
  ok: false;
  status: number;
  message: string;
  /** extensions of the first error (e.g. problems, rejected rows) */
  extensions: Record<string, unknown> | null;
}

export type EndpointResult<T> = { ok: true; data: T } | EndpointRefusal;

export const SERVER_FAILED =
  'Server data gagal memproses permintaan ini. Coba lagi; bila berulang, hubungi administrator.';

function firstError(error: unknown): { message: string | null; extensions: Record<string, unknown> | null } {
  if (typeof error !== 'object' || error === null || !('errors' in error)) {
    return { message: null, extensions: null };
  }
  const { errors } = error as { errors: unknown };
  const first: unknown = Array.isArray(errors) ? errors[0] : null;
  if (typeof first !== 'object' || first === null) return { message: null, extensions: null };
  const entry = first as { message?: unknown; extensions?: unknown };
  return {
    message: typeof entry.message === 'string' && entry.message.trim() !== '' ? entry.message : null,
    extensions:
      typeof entry.extensions === 'object' && entry.extensions !== null
        ? (entry.extensions as Record<string, unknown>)
        : null,
  };
}

/**
 * Turns a failed Directus call into a refusal the page can show, or null when the error must go on to
 * loadFromDirectus (server unreachable, session expired, rate limited: those have their own pages).
 */
export function refusalOf(error: unknown): EndpointRefusal | null {
  const failure = classifyDirectusError(error);
  if (failure === 'unreachable' || failure === 'unauthorized' || failure === 'rate_limited') return null;
  const status = responseStatus(error);
  if (status === undefined) return null;
  const { message, extensions } = firstError(error);
  if (status >= 500) return { ok: false, status, message: SERVER_FAILED, extensions: null };
  if (status === 403 && (message === null || message.startsWith("You don't have permission"))) {
    return {
      ok: false,
      status,
      message: 'Peran Anda tidak diizinkan melakukan ini. Hubungi administrator bila seharusnya boleh.',
      extensions,
    };
  }
  if (status === 404 && (message === null || extensions?.['code'] === 'ROUTE_NOT_FOUND')) {
    return {
      ok: false,
      status,
      message: 'Fitur ini belum tersedia di server data. Minta administrator memperbarui ekstensi SIAP-PD.',
      extensions,
    };
  }
  return { ok: false, status, message: message ?? SERVER_FAILED, extensions };
}

export interface EndpointCall {
  path: string;
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  params?: Record<string, string | number>;
  /** sent as JSON */
  body?: unknown;
  /** how long the call may take (default: the client's 20 s) */
  timeoutMs?: number;
}

/**
 * Calls Directus as the user (a /siap-pd/ route or /items/...). Refusals (4xx, 500) come back as
 * `{ ok: false }` with Directus's message; an unreachable server or an expired session is thrown.
 */
export async function callEndpoint(
  directus: UserDirectus,
  call: EndpointCall,
): Promise<EndpointResult<unknown>> {
  try {
    const data = await directus.request(
      customEndpoint<unknown>({
        path: call.path,
        method: call.method ?? 'GET',
        ...(call.params === undefined ? {} : { params: call.params }),
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
        ...(call.timeoutMs === undefined
          ? {}
          : {
              onRequest: (options: RequestInit) => ({
                ...options,
                signal: AbortSignal.timeout(call.timeoutMs ?? 20_000),
              }),
            }),
      }),
    );
    return { ok: true, data };
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal === null) throw error;
    return refusal;
  }
}

/** Whether a value is a refusal (rather than the data asked for). */
export function isRefusal(value: unknown): value is EndpointRefusal {
  return typeof value === 'object' && value !== null && 'ok' in value && value.ok === false;
}
