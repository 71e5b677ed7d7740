import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import knexFactory, { type Knex } from 'knex';
import {
  insertRows,
  selectWhereIn,
  sqlClientOf,
  updateRowsByKey,
  withLargeSqliteCache,
  type SqlClient,
  type SqlColumn,
} from './baseline-sql.ts';

// The baseline import's statements against a real in-memory SQLite: the JSON path SQLite uses, and
// the VALUES/CAST and one-row-per-statement paths of PostgreSQL and other databases (the SQL they
// write is valid SQLite too; the client name decides which path runs).

let db: Knex;

const COLUMNS: SqlColumn[] = [
  { name: 'no_kk', type: 'text' },
  { name: 'member_count', type: 'integer' },
  { name: 'address', type: 'text' },
];

function asClient(client: SqlClient): Knex {
  const config = (db.client as { config: { client: string } }).config;
  config.client = client === 'sqlite' ? 'sqlite3' : client === 'postgres' ? 'pg-shaped-sqlite' : 'other';
  return db;
}

beforeAll(async () => {
  db = knexFactory({ client: 'sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  await db.schema.createTable('households', (t) => {
    t.increments('id');
    t.string('no_kk').unique();
    t.integer('member_count');
    t.text('address');
    t.string('source');
    t.timestamp('date_created');
    t.timestamp('date_updated');
  });
  await db.schema.createTable('members', (t) => {
    t.increments('id');
    t.integer('household');
    t.string('desa');
  });
});

afterAll(async () => {
  asClient('sqlite');
  await db.destroy();
});

beforeEach(async () => {
  asClient('sqlite');
  await db('households').delete();
  await db('members').delete();
});

describe('sqlClientOf', () => {
  it.each([
    ['sqlite3', 'sqlite'],
    ['pg', 'postgres'],
    ['postgres', 'postgres'],
    ['cockroachdb', 'postgres'],
    ['mysql', 'other'],
  ])('%s is %s', (client, expected) => {
    expect(sqlClientOf({ client: { config: { client } } } as unknown as Knex)).toBe(expected);
  });
});

describe.each<SqlClient>(['sqlite', 'postgres', 'other'])('on the %s path', (client) => {
  it('inserts rows with constants and returns the new ids', async () => {
    const now = new Date('2026-01-02T03:04:05Z');
    const rows = Array.from({ length: 1_203 }, (_, i) => [
      `kk-${i}`,
      (i % 7) + 1,
      i % 5 === 0 ? null : `Jl. ${i}`,
    ]);
    const created = await insertRows<{ id: number; no_kk: string }>(
      asClient(client),
      'households',
      COLUMNS,
      rows,
      {
        constants: { source: 'p3ke', date_created: now },
        returning: ['id', 'no_kk'],
      },
    );
    expect(created).toHaveLength(1_203);
    asClient('sqlite');
    const stored = await db('households').orderBy('id').select('*');
    expect(new Map(created.map((c) => [c.no_kk, Number(c.id)]))).toEqual(
      new Map(stored.map((s: { no_kk: string; id: number }) => [s.no_kk, s.id])),
    );
    expect(stored[5]).toMatchObject({ no_kk: 'kk-5', member_count: 6, address: null, source: 'p3ke' });
    expect(stored[6]).toMatchObject({ no_kk: 'kk-6', member_count: 7, address: 'Jl. 6' });
    // the constant is bound, not sent through JSON: stored as knex stores a Date
    const reference = await db('households').insert({ no_kk: 'ref', date_created: now }).returning('id');
    const [ref] = await db('households')
      .where('id', (reference[0] as { id: number }).id)
      .select('date_created');
    expect(stored[0].date_created).toEqual((ref as { date_created: unknown }).date_created);
    expect(typeof stored[0].member_count).toBe('number');
  });

  it('inserts nothing for no rows', async () => {
    expect(await insertRows(asClient(client), 'households', COLUMNS, [])).toEqual([]);
  });

  it('reads the rows of distinct values, in one query on SQLite', async () => {
    await db('households').insert([
      { no_kk: 'a', member_count: 2, address: 'x' },
      { no_kk: 'b', member_count: null, address: null },
      { no_kk: 'c', member_count: 4, address: 'z' },
    ]);
    const queries: string[] = [];
    const listen = (q: { sql: string }): void => void queries.push(q.sql);
    db.on('query', listen);
    const rows = await selectWhereIn<{ no_kk: string; member_count: number | null; address: string | null }>(
      asClient(client),
      ['b', 'a', 'a', 'missing'],
      ['no_kk', 'member_count', 'address'],
      (filter) =>
        filter(db('households'), 'no_kk').orderBy('no_kk').select('no_kk', 'member_count', 'address'),
    );
    db.off('query', listen);
    expect(rows).toEqual([
      { no_kk: 'a', member_count: 2, address: 'x' },
      { no_kk: 'b', member_count: null, address: null },
    ]);
    expect(queries).toHaveLength(1);
  });

  it('reads by integer keys and through joins with aliases', async () => {
    const [a, b] = (await db('households')
      .insert([{ no_kk: 'a' }, { no_kk: 'b' }])
      .returning('id')) as { id: number }[];
    await db('members').insert([
      { household: a?.id, desa: 'd1' },
      { household: b?.id, desa: 'd2' },
      { household: b?.id, desa: 'd3' },
    ]);
    const rows = await selectWhereIn<{ household: number; no_kk: string; desa: string }>(
      asClient(client),
      [Number(b?.id)],
      ['household', 'no_kk', 'desa'],
      (filter) =>
        filter(db('members as m').leftJoin('households as h', 'h.id', 'm.household'), 'm.household')
          .orderBy('m.desa')
          .select('m.household as household', 'h.no_kk as no_kk', 'm.desa as desa'),
    );
    expect(rows).toEqual([
      { household: b?.id, no_kk: 'b', desa: 'd2' },
      { household: b?.id, no_kk: 'b', desa: 'd3' },
    ]);
  });

  it('asks nothing for no values', async () => {
    let asked = false;
    const rows = await selectWhereIn(asClient(client), [], ['id'], () => {
      asked = true;
      return db('households').select('id');
    });
    expect(rows).toEqual([]);
    expect(asked).toBe(false);
  });

  it('updates the given columns by key, leaving the others, and sets the constants', async () => {
    const ids = (
      (await db('households')
        .insert([
          { no_kk: 'a', member_count: 1, address: 'old a' },
          { no_kk: 'b', member_count: 2, address: 'old b' },
          { no_kk: 'c', member_count: 3, address: 'old c' },
        ])
        .returning('id')) as { id: number }[]
    ).map((r) => r.id);
    const now = new Date('2026-02-03T04:05:06Z');
    await updateRowsByKey(
      asClient(client),
      'households',
      { name: 'id', type: 'integer' },
      [
        { name: 'member_count', type: 'integer' },
        { name: 'address', type: 'text' },
      ],
      [
        { key: ids[0] ?? 0, values: [5, null] },
        { key: ids[2] ?? 0, values: [7, 'new c'] },
      ],
      { date_updated: now },
    );
    asClient('sqlite');
    const stored = await db('households')
      .orderBy('id')
      .select('no_kk', 'member_count', 'address', 'date_updated');
    expect(
      stored.map(({ date_updated, ...rest }: { date_updated: unknown }) => ({
        ...rest,
        updated: date_updated !== null,
      })),
    ).toEqual([
      { no_kk: 'a', member_count: 5, address: null, updated: true },
      { no_kk: 'b', member_count: 2, address: 'old b', updated: false },
      { no_kk: 'c', member_count: 7, address: 'new c', updated: true },
    ]);
    expect(typeof stored[0].member_count).toBe('number');
  });

  it('updates every row of a non-unique key', async () => {
    await db('members').insert([
      { household: 1, desa: 'd1' },
      { household: 1, desa: 'd1' },
      { household: 2, desa: 'd2' },
    ]);
    await updateRowsByKey(
      asClient(client),
      'members',
      { name: 'household', type: 'integer' },
      [{ name: 'desa', type: 'text' }],
      [{ key: 1, values: ['d9'] }],
    );
    asClient('sqlite');
    expect((await db('members').orderBy('id').select('desa')).map((m: { desa: string }) => m.desa)).toEqual([
      'd9',
      'd9',
      'd2',
    ]);
  });
});

describe('withLargeSqliteCache', () => {
  it('raises the page cache for the work and restores it after, also when the work fails', async () => {
    const cacheSize = async (): Promise<number> =>
      Number(((await db.raw('PRAGMA cache_size')) as { cache_size: number }[])[0]?.cache_size);
    const before = await cacheSize();
    expect(await withLargeSqliteCache(db, 65_536, cacheSize)).toBe(-65_536);
    expect(await cacheSize()).toBe(before);
    await expect(withLargeSqliteCache(db, 65_536, () => Promise.reject(new Error('gagal')))).rejects.toThrow(
      'gagal',
    );
    expect(await cacheSize()).toBe(before);
  });

  it('leaves a cache that is already large enough', async () => {
    await db.raw('PRAGMA cache_size = -200000');
    expect(await withLargeSqliteCache(db, 65_536, async () => 'done')).toBe('done');
    expect(((await db.raw('PRAGMA cache_size')) as { cache_size: number }[])[0]?.cache_size).toBe(-200_000);
    await db.raw('PRAGMA cache_size = -2000');
  });
});
