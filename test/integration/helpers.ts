import { inject } from 'vitest';
import {
  createDirectusApi,
  DirectusError,
  loginDirectusApi,
  type DirectusApi,
} from '../../scripts/lib/directus-api.ts';

export const DEMO_DOMAIN = 'siap-pd.example.org';

export function directusUrl(): string {
  return inject('directusUrl');
}

export function adminApi(): DirectusApi {
  return createDirectusApi(inject('directusUrl'), inject('adminToken'));
}

export function anonymousApi(): DirectusApi {
  return createDirectusApi(inject('directusUrl'), null);
}

/** Logs in as a demo user: `as('perencana')`, `as('operator.63.11.07.2001')`. */
export function loginAs(localPart: string): Promise<DirectusApi> {
  return loginDirectusApi(inject('directusUrl'), `${localPart}@${DEMO_DOMAIN}`, inject('demoPassword'));
}

/** Resolves to the HTTP status of a refused request, or fails the test when it was allowed. */
export async function refusal(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DirectusError) return error.status;
    throw error;
  }
  throw new Error('expected the request to be refused, but it was allowed');
}

export async function count(
  api: DirectusApi,
  collection: string,
  filter?: Record<string, unknown>,
): Promise<number> {
  const query = filter ? `&filter=${encodeURIComponent(JSON.stringify(filter))}` : '';
  const rows = await api.get<{ count: number | string }[]>(`/items/${collection}?aggregate[count]=*${query}`);
  return Number(rows[0]?.count ?? 0);
}
