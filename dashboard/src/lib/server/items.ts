import { customEndpoint } from '@directus/sdk';
import { asRows } from '../aggregate.ts';
import type { Row } from '../aggregate.ts';
import { classifyDirectusError } from './directus-errors.ts';
import type { UserDirectus } from './directus-types.ts';

/**
 * A Directus query (GET /items/<collection> parameters). The SDK's typed commands cannot express
 * filters across relations (`surveys._some`, `desa.kecamatan`) for a schema declared as loosely as ours,
 * so the dashboard sends plain queries and checks every answer in the pure shaping functions instead.
 */
export interface ItemsQuery {
  fields?: readonly string[];
  filter?: Record<string, unknown>;
  search?: string;
  sort?: readonly string[];
  limit?: number;
  offset?: number;
  aggregate?: Record<string, readonly string[]>;
  groupBy?: readonly string[];
  deep?: Record<string, unknown>;
}

function toParams(query: ItemsQuery): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  if (query.fields !== undefined) params['fields'] = [...query.fields];
  if (query.filter !== undefined && Object.keys(query.filter).length > 0) params['filter'] = query.filter;
  if (query.search !== undefined && query.search !== '') params['search'] = query.search;
  if (query.sort !== undefined && query.sort.length > 0) params['sort'] = [...query.sort];
  if (query.limit !== undefined) params['limit'] = query.limit;
  if (query.offset !== undefined && query.offset > 0) params['offset'] = query.offset;
  if (query.aggregate !== undefined) params['aggregate'] = query.aggregate;
  if (query.groupBy !== undefined && query.groupBy.length > 0) params['groupBy'] = [...query.groupBy];
  if (query.deep !== undefined) params['deep'] = query.deep;
  return params;
}

/** GET /items/<collection> as the user: the rows (for aggregates, the groups). */
export async function readRows(
  directus: UserDirectus,
  collection: string,
  query: ItemsQuery,
): Promise<Row[]> {
  const raw = await directus.request(
    customEndpoint<unknown>({ path: `/items/${encodeURIComponent(collection)}`, params: toParams(query) }),
  );
  return asRows(raw);
}

/** GET /items/<collection>/<id> as the user; throws the SDK error when refused (403) or missing. */
export async function readRowOrThrow(
  directus: UserDirectus,
  collection: string,
  id: string | number,
  query: ItemsQuery,
): Promise<Row | null> {
  const raw = await directus.request(
    customEndpoint<unknown>({
      path: `/items/${encodeURIComponent(collection)}/${encodeURIComponent(String(id))}`,
      params: toParams(query),
    }),
  );
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Row) : null;
}

/** GET /items/<collection>/<id> as the user; null when it does not exist or the user may not see it. */
export async function readRow(
  directus: UserDirectus,
  collection: string,
  id: string | number,
  query: ItemsQuery,
): Promise<Row | null> {
  try {
    return await readRowOrThrow(directus, collection, id, query);
  } catch (error) {
    // Directus answers 403 both for "not yours" and "does not exist", so nothing leaks.
    if (classifyDirectusError(error) === 'forbidden' || responseStatus(error) === 404) return null;
    throw error;
  }
}

/** GET /items/<singleton> (planning_settings); null when unreadable. */
export async function readSingletonRow(directus: UserDirectus, collection: string): Promise<Row | null> {
  try {
    const raw = await directus.request(
      customEndpoint<unknown>({ path: `/items/${encodeURIComponent(collection)}` }),
    );
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Row) : null;
  } catch (error) {
    if (classifyDirectusError(error) === 'forbidden') return null;
    throw error;
  }
}

/** Runs a read and gives `fallback` instead when Directus refuses it (403): the user may not read that. */
export async function unlessForbidden<T, F>(read: Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await read;
  } catch (error) {
    if (classifyDirectusError(error) === 'forbidden') return fallback;
    throw error;
  }
}

/**
 * Like unlessForbidden, and also when Directus rejects the query itself (400): a permission rule that this
 * Directus cannot apply must not take the whole page down. The refusal is logged for the administrator.
 */
export async function unlessRefused<T, F>(read: Promise<T>, fallback: F, what: string): Promise<T | F> {
  try {
    return await read;
  } catch (error) {
    if (classifyDirectusError(error) === 'forbidden') return fallback;
    if (responseStatus(error) === 400) {
      console.warn(`[dashboard] ${what}: Directus menolak kueri (400)`, error);
      return fallback;
    }
    throw error;
  }
}

/** The HTTP status of an SDK error, if it has one. */
export function responseStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('response' in error)) return undefined;
  const { response } = error;
  if (typeof response !== 'object' || response === null || !('status' in response)) return undefined;
  return typeof response.status === 'number' ? response.status : undefined;
}

/** Counts rows matching a filter: aggregate[count]=* (what meta=filter_count reports, which the SDK drops). */
export async function countRows(
  directus: UserDirectus,
  collection: string,
  filter: Record<string, unknown> | undefined,
): Promise<number> {
  const rows = await readRows(directus, collection, {
    aggregate: { count: ['*'] },
    ...(filter === undefined ? {} : { filter }),
  });
  const count = rows[0]?.['count'];
  const value = typeof count === 'string' ? Number(count) : count;
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/**
 * GET a route of the SIAP-PD bundle (/siap-pd/...) as the user. Resolves to { status: 'missing' } when the
 * route does not exist (yet) on this server, so pages can fall back to stored data.
 */
export async function readEndpoint(
  directus: UserDirectus,
  path: string,
): Promise<{ status: 'ok'; data: unknown } | { status: 'missing' } | { status: 'forbidden' }> {
  try {
    const data = await directus.request(customEndpoint<unknown>({ path }));
    return { status: 'ok', data };
  } catch (error) {
    if (responseStatus(error) === 404) return { status: 'missing' };
    if (classifyDirectusError(error) === 'forbidden') return { status: 'forbidden' };
    throw error;
  }
}
