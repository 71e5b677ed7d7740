// POST /siap-pd/batch-read through REST as the real roles: each read answers exactly what GET /items would
// give the same user, a refused read is refused alone (the others still answer), a desa outside the
// operator's scope stays invisible, and reads run safely while a bulk job writes.
import { describe, expect, it } from 'vitest';
import type { DirectusApi } from '../../scripts/lib/directus-api.ts';
import { adminApi, anonymousApi, count, loginAs, refusal } from './helpers.ts';

type Answer = { data: unknown } | { error: { status: number; code: string; message: string } };

const DESA = '63.11.07.2002';
const OTHER_DESA = '63.11.01.2001';

const householdsPerKecamatan = {
  collection: 'households',
  query: {
    aggregate: { count: ['id'], sum: ['member_count'] },
    groupBy: ['kecamatan', 'classification'],
    limit: -1,
  },
};
const activeNeeds = {
  collection: 'needs',
  query: {
    aggregate: { count: ['id'], sum: ['quantity'] },
    groupBy: ['status', 'category', 'perangkat_daerah'],
    filter: { status: { _in: ['open', 'planned'] } },
    limit: -1,
  },
};

function batch(api: DirectusApi, reads: unknown[]): Promise<Answer[]> {
  return api.post<Answer[]>('/siap-pd/batch-read', { reads });
}

/** The count of a `count: ['*']` aggregate (PostgreSQL gives it as text). */
function counted(answer: Answer | undefined): number | null {
  if (answer === undefined || !('data' in answer) || !Array.isArray(answer.data)) return null;
  return Number((answer.data[0] as { count?: unknown } | undefined)?.count);
}

/** Groups in a stable order, so two answers can be compared whatever order the database gave. */
function sorted(rows: unknown): string[] {
  return (rows as unknown[]).map((row) => JSON.stringify(row)).sort();
}

describe('POST /siap-pd/batch-read', () => {
  it('answers a planner each read exactly as GET /items does', async () => {
    const perencana = await loginAs('perencana');
    const [settings, households, needs, desa] = await batch(perencana, [
      { collection: 'planning_settings' },
      householdsPerKecamatan,
      activeNeeds,
      {
        collection: 'desa',
        query: { fields: ['code', 'name'], filter: { kecamatan: { _eq: '63.11.07' } }, sort: ['code'] },
      },
    ]);
    expect(settings).toEqual({ data: await perencana.get('/items/planning_settings') });
    expect(sorted((households as { data: unknown }).data)).toEqual(
      sorted(
        await perencana.get(
          '/items/households?aggregate[count]=id&aggregate[sum]=member_count&groupBy[]=kecamatan&groupBy[]=classification&limit=-1',
        ),
      ),
    );
    expect(sorted((needs as { data: unknown }).data)).toEqual(
      sorted(
        await perencana.get(
          '/items/needs?aggregate[count]=id&aggregate[sum]=quantity&groupBy[]=status&groupBy[]=category&groupBy[]=perangkat_daerah&filter[status][_in]=open,planned&limit=-1',
        ),
      ),
    );
    expect(desa).toEqual({
      data: await perencana.get('/items/desa?fields=code,name&filter[kecamatan][_eq]=63.11.07&sort=code'),
    });
  });

  it('keeps an operator to its own desa and refuses, alone, what the role may not read', async () => {
    const operator = await loginAs(`operator.${DESA}`);
    const [all, other, ceilings, missing] = await batch(operator, [
      { collection: 'households', query: { aggregate: { count: ['*'] } } },
      {
        collection: 'households',
        query: { fields: ['id', 'head_name'], filter: { desa: { _eq: OTHER_DESA } }, limit: -1 },
      },
      { collection: 'budget_ceilings', query: { limit: 1 } },
      { collection: 'no_such_collection' },
    ]);
    const own = await count(adminApi(), 'households', { desa: { _eq: DESA } });
    expect(own).toBeGreaterThan(0);
    expect(await count(adminApi(), 'households', { desa: { _eq: OTHER_DESA } })).toBeGreaterThan(0);
    expect(counted(all)).toBe(own);
    expect(other).toEqual({ data: [] });
    expect(ceilings).toMatchObject({ error: { status: 403, code: 'FORBIDDEN' } });
    // a collection that does not exist is refused like one that may not be read: nothing is revealed
    const refused = (ceilings as { error: { message: string } }).error;
    expect(missing).toEqual({
      error: { ...refused, message: refused.message.replace('budget_ceilings', 'no_such_collection') },
    });
  });

  it('refuses the leadership personal data (NIK) in a read, and only that read', async () => {
    const pimpinan = await loginAs('pimpinan');
    const [personal, everyone] = await batch(pimpinan, [
      { collection: 'households', query: { fields: ['head_nik'], limit: 1 } },
      { collection: 'households', query: { aggregate: { count: ['*'] } } },
    ]);
    expect(personal).toMatchObject({ error: { status: 403 } });
    expect(counted(everyone)).toBe(await count(adminApi(), 'households'));
  });

  it('gives the public nothing, and names the read and key of a malformed request', async () => {
    const answers = await batch(anonymousApi(), [
      householdsPerKecamatan,
      { collection: 'planning_settings' },
    ]);
    for (const answer of answers) expect(answer).toMatchObject({ error: { status: 403 } });

    const perencana = await loginAs('perencana');
    expect(await refusal(batch(perencana, []))).toBe(400);
    expect(await refusal(batch(perencana, [{ collection: 'directus_users' }]))).toBe(400);
    try {
      await batch(perencana, [householdsPerKecamatan, { collection: 'needs', query: { having: {} } }]);
      expect.unreachable('a query with an unknown key must be refused');
    } catch (error) {
      expect(String((error as Error).message)).toContain('Bacaan ke-2: query: kunci "having"');
    }
  });

  it('reads side by side with a re-classification that writes every household', async () => {
    const perencana = await loginAs('perencana');
    const expected = await count(adminApi(), 'households');
    const job = perencana.post<{ households: number }>('/siap-pd/reclassify', {});
    const reads = await Promise.all(
      Array.from({ length: 6 }, () =>
        batch(perencana, [{ collection: 'households', query: { aggregate: { count: ['*'] } } }, activeNeeds]),
      ),
    );
    expect((await job).households).toBe(expected);
    for (const [households, needs] of reads) {
      expect(counted(households)).toBe(expected);
      expect(needs).toHaveProperty('data');
    }
  });
});
