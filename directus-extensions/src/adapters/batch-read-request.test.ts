import { describe, expect, it } from 'vitest';
import { MAX_BATCH_READS, parseBatchReadRequest } from './batch-read-request.ts';

/** A read with every query key the route passes on: it comes back as it was sent. */
const DESA_READ = {
  collection: 'desa',
  query: {
    fields: ['code', 'name'],
    filter: { kecamatan: { _eq: '63.11.07' } },
    sort: ['code'],
    search: 'Paringin',
    offset: 25,
    deep: {},
  },
};

describe('parseBatchReadRequest', () => {
  it.each([
    [
      'an aggregate with groupBy (renamed group)',
      {
        reads: [
          {
            collection: 'households',
            query: { aggregate: { count: ['id'], sum: ['member_count'] }, groupBy: ['kecamatan'], limit: -1 },
          },
        ],
      },
      [
        {
          collection: 'households',
          query: { aggregate: { count: ['id'], sum: ['member_count'] }, group: ['kecamatan'], limit: -1 },
        },
      ],
    ],
    [
      'a read without a query',
      { reads: [{ collection: 'planning_settings' }] },
      [{ collection: 'planning_settings', query: {} }],
    ],
    ['fields, filter, sort, search, offset and deep', { reads: [DESA_READ] }, [DESA_READ]],
  ])('accepts %s', (_name, body, reads) => {
    expect(parseBatchReadRequest(body)).toEqual({ ok: true, reads });
  });

  it.each([
    ['no body', undefined, 'Isi permintaan harus'],
    ['an empty list', { reads: [] }, 'Isi permintaan harus'],
    [
      'too many reads',
      { reads: Array.from({ length: MAX_BATCH_READS + 1 }, () => ({ collection: 'desa' })) },
      `Paling banyak ${MAX_BATCH_READS} bacaan`,
    ],
    ['a system collection', { reads: [{ collection: 'directus_users' }] }, 'Bacaan ke-1: collection harus'],
    [
      'a collection name with SQL',
      { reads: [{ collection: 'desa; drop' }] },
      'Bacaan ke-1: collection harus',
    ],
    ['an unknown read key', { reads: [{ collection: 'desa', where: {} }] }, 'Bacaan ke-1: kunci "where"'],
    [
      'an unknown query key, in the second read',
      { reads: [{ collection: 'desa' }, { collection: 'desa', query: { having: {} } }] },
      'Bacaan ke-2: query: kunci "having"',
    ],
    [
      'fields that are not a list',
      { reads: [{ collection: 'desa', query: { fields: 'code' } }] },
      'query.fields',
    ],
    ['a negative offset', { reads: [{ collection: 'desa', query: { offset: -1 } }] }, 'query.offset'],
    ['a limit below -1', { reads: [{ collection: 'desa', query: { limit: -2 } }] }, 'query.limit'],
    [
      'an unknown aggregate function',
      { reads: [{ collection: 'needs', query: { aggregate: { median: ['quantity'] } } }] },
      'fungsi "median"',
    ],
    ['a filter that is a list', { reads: [{ collection: 'desa', query: { filter: [] } }] }, 'query.filter'],
  ])('refuses %s, saying what is wrong', (_name, body, message) => {
    const parsed = parseBatchReadRequest(body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });
});
