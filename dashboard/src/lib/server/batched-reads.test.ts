import { customEndpoint } from '@directus/sdk';
import { describe, expect, it } from 'vitest';
import { classifyDirectusError } from './directus-errors.ts';
import { directusError, fakeDirectus } from './fake-directus.ts';
import type { FakeCall } from './fake-directus.ts';
import { readRow, readRows, readSingletonRow, unlessForbidden } from './items.ts';
import { MAX_READS_PER_BATCH, withBatchedReads } from './batched-reads.ts';

type Read = { collection: string; query: Record<string, unknown> };

/** A server that answers each read of a batch with its collection name, and refuses `budget_ceilings`. */
function server(call: FakeCall): unknown {
  if (call.path === '/siap-pd/batch-read') {
    const { reads } = call.body as { reads: Read[] };
    return reads.map((read) =>
      read.collection === 'budget_ceilings'
        ? { error: { status: 403, code: 'FORBIDDEN', message: "You don't have permission to access this." } }
        : { data: [{ collection: read.collection, query: read.query }] },
    );
  }
  return [{ single: call.path }];
}

describe('withBatchedReads', () => {
  it('sends the list reads started in one turn as one batch, in order, with their queries', async () => {
    const { directus, calls } = fakeDirectus(server);
    const batched = withBatchedReads(directus);
    const [households, needs, settings] = await Promise.all([
      readRows(batched, 'households', { aggregate: { count: ['id'] }, groupBy: ['kecamatan'], limit: -1 }),
      readRows(batched, 'needs', { filter: { status: { _in: ['open'] } }, fields: ['id'] }),
      readSingletonRow(batched, 'planning_settings'),
    ]);
    expect(calls.map((call) => [call.method, call.path])).toEqual([['POST', '/siap-pd/batch-read']]);
    expect(calls[0]?.body).toEqual({
      reads: [
        {
          collection: 'households',
          query: { aggregate: { count: ['id'] }, groupBy: ['kecamatan'], limit: -1 },
        },
        { collection: 'needs', query: { filter: { status: { _in: ['open'] } }, fields: ['id'] } },
        { collection: 'planning_settings', query: {} },
      ],
    });
    expect(households).toEqual([
      {
        collection: 'households',
        query: { aggregate: { count: ['id'] }, groupBy: ['kecamatan'], limit: -1 },
      },
    ]);
    expect(needs[0]?.['collection']).toBe('needs');
    // a singleton's answer is an object; the fake answered with rows, which readSingletonRow does not take
    expect(settings).toBeNull();
  });

  it('sends a read alone in its turn, and anything but a list read, as before', async () => {
    const { directus, calls } = fakeDirectus(server);
    const batched = withBatchedReads(directus);
    expect(await readRows(batched, 'desa', { fields: ['code'] })).toEqual([{ single: '/items/desa' }]);
    await Promise.all([
      readRow(batched, 'households', 7, { fields: ['id'] }),
      batched.request(customEndpoint({ path: '/siap-pd/allocations/preview', method: 'POST', body: '{}' })),
      batched.request(customEndpoint({ path: '/items/needs', params: { meta: 'filter_count' } })),
    ]);
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'GET /items/desa',
      'GET /items/households/7',
      'POST /siap-pd/allocations/preview',
      'GET /items/needs',
    ]);
  });

  it('refuses one read alone, as the SDK would, and splits a long list into batches', async () => {
    const { directus, calls } = fakeDirectus(server);
    const batched = withBatchedReads(directus);
    const collections = Array.from({ length: MAX_READS_PER_BATCH + 2 }, (_, index) =>
      index === 3 ? 'budget_ceilings' : `c${index}`,
    );
    const results = await Promise.allSettled(collections.map((c) => readRows(batched, c, {})));
    expect(calls.map((call) => (call.body as { reads: Read[] }).reads.length)).toEqual([
      MAX_READS_PER_BATCH,
      2,
    ]);
    const refused = results[3];
    expect(refused?.status).toBe('rejected');
    if (refused?.status === 'rejected') expect(classifyDirectusError(refused.reason)).toBe('forbidden');
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(collections.length - 1);
    expect(
      await unlessForbidden(readRows(withBatchedReads(directus), 'budget_ceilings', {}), 'none'),
    ).toEqual([{ single: '/items/budget_ceilings' }]);
  });

  it('reads one by one from a Directus whose bundle has no batch route yet (404)', async () => {
    const { directus, calls } = fakeDirectus((call) => {
      if (call.path === '/siap-pd/batch-read')
        throw directusError(404, 'Route not found', { code: 'ROUTE_NOT_FOUND' });
      return [{ single: call.path }];
    });
    const batched = withBatchedReads(directus);
    expect(await Promise.all([readRows(batched, 'a', {}), readRows(batched, 'b', {})])).toEqual([
      [{ single: '/items/a' }],
      [{ single: '/items/b' }],
    ]);
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'POST /siap-pd/batch-read',
      'GET /items/a',
      'GET /items/b',
    ]);
  });

  it('leaves reads of Directus system collections to their own requests', async () => {
    const { directus, calls } = fakeDirectus(server);
    const batched = withBatchedReads(directus);
    await Promise.all([readRows(batched, 'directus_roles', {}), readRows(batched, 'directus_users', {})]);
    expect(calls.map((call) => call.path)).toEqual(['/items/directus_roles', '/items/directus_users']);
  });

  it('fails every read of a batch the server refuses as a whole (an expired session)', async () => {
    const { directus } = fakeDirectus((call) => {
      if (call.path === '/siap-pd/batch-read')
        throw directusError(401, 'Token expired.', { code: 'TOKEN_EXPIRED' });
      return [];
    });
    const batched = withBatchedReads(directus);
    const results = await Promise.allSettled([readRows(batched, 'a', {}), readRows(batched, 'b', {})]);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      if (result.status === 'rejected') expect(classifyDirectusError(result.reason)).toBe('unauthorized');
    }
  });
});
