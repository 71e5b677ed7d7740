import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import knexFactory, { type Knex } from 'knex';
import { allocateBudget } from '@siap-pd/core/allocate-budget';
import type { AllocationNeed, AllocationNeedTable, AllocationResult } from '@siap-pd/core/allocation-types';
import { readUnfundedTable } from '@siap-pd/core/read-unfunded-table';
import {
  forgetAllocationData,
  readAllocationData,
  readFreshnessToken,
  rememberRun,
  rememberRunOnce,
  touchesAllocationCopy,
  watchAllocationWrites,
  writeAllocationRun,
  type AllocationData,
  type RunAftermath,
  type WrittenRun,
} from './allocation-store.ts';

// The SQLite fast path (one JSON text per read, json_each for writes) against a real in-memory
// SQLite with the columns the store touches.

let db: Knex;

/** The needs read as a table, one object per need again (to compare). */
const needRows = (table: AllocationNeedTable): AllocationNeed[] =>
  table.id.map((id, i) => ({
    id,
    household: table.household[i] as number,
    indicator: table.indicator[i] as string,
    sub_kegiatan: table.sub_kegiatan[i] ?? null,
    quantity: table.quantity[i] ?? null,
    status: table.status[i] as AllocationNeed['status'],
  }));

beforeAll(async () => {
  db = knexFactory({ client: 'sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  // the reference tables whose keys the reads carry as rowids
  await db.schema.createTable('desa', (t) => {
    t.string('code').primary();
  });
  await db.schema.createTable('kecamatan', (t) => {
    t.string('code').primary();
  });
  await db.schema.createTable('perangkat_daerah', (t) => {
    t.string('id').primary();
  });
  await db('desa').insert([{ code: 'd2' }, { code: 'd1' }]);
  await db('kecamatan').insert([{ code: 'k1' }]);
  await db('perangkat_daerah').insert([{ id: 'dinsos' }, { id: 'disperkim' }]);
  await db.schema.createTable('surveys', (t) => {
    t.increments('id');
    t.string('status');
  });
  await db.schema.createTable('households', (t) => {
    t.increments('id');
    t.string('desa');
    t.string('kecamatan');
    t.string('classification');
    t.bigInteger('income_per_capita');
    t.bigInteger('poverty_line_used');
    t.bigInteger('extreme_line_used');
    t.integer('classified_survey');
  });
  await db.schema.createTable('needs', (t) => {
    t.increments('id');
    t.integer('household');
    t.string('indicator');
    t.string('sub_kegiatan');
    t.integer('quantity');
    t.string('status');
    t.timestamp('date_updated');
  });
  await db.schema.createTable('indicators', (t) => {
    t.string('key').primary();
    t.json('applies_to');
  });
  await db.schema.createTable('sub_kegiatan', (t) => {
    t.string('code').primary();
    t.string('name');
    t.string('perangkat_daerah');
    t.string('unit');
    t.bigInteger('unit_cost');
    t.boolean('active');
  });
  await db.schema.createTable('budget_ceilings', (t) => {
    t.increments('id');
    t.integer('fiscal_year');
    t.string('perangkat_daerah');
    t.bigInteger('amount');
  });
  await db.schema.createTable('allocation_runs', (t) => {
    t.increments('id');
    t.integer('fiscal_year');
    t.string('status');
    t.json('scope');
    t.json('parameters');
    t.json('totals');
    t.json('agencies');
    t.json('lines');
    t.json('unfunded');
    t.timestamp('date_created');
    t.uuid('user_created');
  });
  await db.schema.createTable('interventions', (t) => {
    t.increments('id');
    t.integer('household');
    t.integer('need');
    t.string('sub_kegiatan');
    t.string('perangkat_daerah');
    t.string('desa');
    t.string('kecamatan');
    t.integer('fiscal_year');
    t.integer('allocation_run');
    t.integer('quantity');
    t.bigInteger('unit_cost');
    t.bigInteger('planned_cost');
    t.string('status');
    t.timestamp('date_created');
    t.timestamp('date_updated');
  });
  await db('surveys').insert([
    { id: 1, status: 'verified' },
    { id: 2, status: 'submitted' },
    { id: 3, status: 'verified' },
  ]);
  await db('households').insert([
    {
      id: 1,
      desa: 'd1',
      kecamatan: 'k1',
      classification: 'ekstrem',
      income_per_capita: 300000,
      poverty_line_used: 544169,
      extreme_line_used: 391000,
      classified_survey: 1,
    },
    {
      id: 2,
      desa: 'd1',
      kecamatan: 'k1',
      classification: 'miskin',
      income_per_capita: 450000,
      poverty_line_used: 544169,
      extreme_line_used: 391000,
      classified_survey: 2,
    },
    {
      id: 3,
      desa: 'd2',
      kecamatan: 'k1',
      classification: 'miskin',
      income_per_capita: 500000,
      poverty_line_used: 544169,
      extreme_line_used: 391000,
      classified_survey: 3,
    },
  ]);
  await db('indicators').insert([
    { key: 'floor', applies_to: '["ekstrem","miskin"]' },
    { key: 'jkn', applies_to: null },
  ]);
  await db('sub_kegiatan').insert([
    {
      code: 'S1',
      name: 'RTLH',
      perangkat_daerah: 'disperkim',
      unit: 'unit',
      unit_cost: 20000000,
      active: true,
    },
    { code: 'S2', name: 'PBI', perangkat_daerah: 'dinsos', unit: 'jiwa', unit_cost: 504000, active: false },
  ]);
  await db('needs').insert([
    { id: 10, household: 1, indicator: 'floor', sub_kegiatan: 'S1', quantity: 1, status: 'open' },
    { id: 11, household: 1, indicator: 'jkn', sub_kegiatan: 'S2', quantity: 3, status: 'open' },
    { id: 20, household: 2, indicator: 'floor', sub_kegiatan: 'S1', quantity: 1, status: 'open' },
    { id: 30, household: 3, indicator: 'floor', sub_kegiatan: 'S1', quantity: null, status: 'planned' },
    { id: 31, household: 3, indicator: 'floor', sub_kegiatan: 'S1', quantity: 1, status: 'resolved' },
  ]);
  await db('budget_ceilings').insert([
    { fiscal_year: 2026, perangkat_daerah: 'disperkim', amount: 10 },
    { fiscal_year: 2026, perangkat_daerah: 'disperkim', amount: 40000000 },
    { fiscal_year: 2027, perangkat_daerah: 'disperkim', amount: 1 },
  ]);
  await db('interventions').insert([
    {
      id: 100,
      household: 3,
      need: 30,
      sub_kegiatan: 'S1',
      perangkat_daerah: 'disperkim',
      desa: 'd2',
      kecamatan: 'k1',
      fiscal_year: 2026,
      status: 'planned',
      planned_cost: 20000000,
      quantity: 1,
      unit_cost: 20000000,
    },
    {
      id: 101,
      household: 2,
      need: null,
      sub_kegiatan: 'S9',
      perangkat_daerah: 'dinsos',
      desa: 'd1',
      kecamatan: 'k1',
      fiscal_year: 2024,
      status: 'completed',
      planned_cost: 5,
      quantity: 1,
      unit_cost: 5,
    },
  ]);
});

afterAll(async () => {
  forgetAllocationData();
  await db.destroy();
});

describe('readAllocationData (SQLite)', () => {
  it('reads households with their verification, open and planned needs, rules, catalogue, the latest ceiling and holding interventions', async () => {
    forgetAllocationData();
    const { data, fromCache } = await readAllocationData(db, 2026);
    expect(fromCache).toBe(false);
    expect(data.households.map((h) => [h.id, h.verified, h.classification, h.per_capita])).toEqual([
      [1, true, 'ekstrem', 300000],
      [2, false, 'miskin', 450000],
      [3, true, 'miskin', 500000],
    ]);
    expect(needRows(data.needs).map((n) => [n.id, n.status, n.quantity])).toEqual([
      [10, 'open', 1],
      [11, 'open', 3],
      [20, 'open', 1],
      [30, 'planned', null],
    ]);
    expect(data.rules).toEqual([
      { key: 'floor', applies_to: ['ekstrem', 'miskin'] },
      { key: 'jkn', applies_to: null },
    ]);
    expect(data.sub_kegiatan.map((s) => [s.code, s.unit_cost, s.active])).toEqual([
      ['S1', 20000000, true],
      ['S2', 504000, false],
    ]);
    expect(data.ceilings).toEqual({ disperkim: 40000000 });
    expect(data.interventions.map((i) => [i.id, i.status, i.planned_cost, i.finalised])).toEqual([
      [100, 'planned', 20000000, false],
    ]);
  });

  it('serves the cached copy until anything is written', async () => {
    expect((await readAllocationData(db, 2026)).fromCache).toBe(true);
    expect((await readAllocationData(db, 2027)).fromCache).toBe(false);
    await db('households').where({ id: 1 }).update({ income_per_capita: 299000 });
    const again = await readAllocationData(db, 2027);
    expect(again.fromCache).toBe(false);
    expect(again.data.households[0]?.per_capita).toBe(299000);
  });

  it.each<[name: string, change: () => Promise<unknown>, undo: () => Promise<unknown>]>([
    ['the data as loaded', () => Promise.resolve(), () => Promise.resolve()],
    [
      'a text holding the separator of the fast path',
      () => db('interventions').where({ id: 100 }).update({ status: 'planned\u001fx' }),
      () => db('interventions').where({ id: 100 }).update({ status: 'planned' }),
    ],
    [
      'a key missing from its reference table',
      () => db('interventions').where({ id: 100 }).update({ perangkat_daerah: 'dinkes' }),
      () => db('interventions').where({ id: 100 }).update({ perangkat_daerah: 'disperkim' }),
    ],
    [
      'an empty reference',
      () => db('needs').where({ id: 20 }).update({ sub_kegiatan: null }),
      () => db('needs').where({ id: 20 }).update({ sub_kegiatan: 'S1' }),
    ],
    [
      'an empty text',
      () => db('households').where({ id: 2 }).update({ desa: null }),
      () => db('households').where({ id: 2 }).update({ desa: 'd1' }),
    ],
    [
      'a number column holding text',
      () => db('needs').where({ id: 11 }).update({ quantity: 'banyak' }),
      () => db('needs').where({ id: 11 }).update({ quantity: 3 }),
    ],
    [
      'fractions, negative and large numbers',
      () =>
        db('households')
          .where({ id: 2 })
          .update({ income_per_capita: -1.5, poverty_line_used: 9_007_199_254_740_991 }),
      () =>
        db('households').where({ id: 2 }).update({ income_per_capita: 450000, poverty_line_used: 544169 }),
    ],
  ])('reads %s as stored', async (_name, change, undo) => {
    await change();
    try {
      const { data } = await readAllocationData(db, 2026);
      const households = (await db('households')
        .orderBy('id')
        .select('id', 'desa', 'income_per_capita', 'poverty_line_used')) as Record<string, unknown>[];
      expect(data.households.map((h) => [h.id, h.desa, h.per_capita, h.poverty_line_used])).toEqual(
        households.map((row) => [row['id'], row['desa'], row['income_per_capita'], row['poverty_line_used']]),
      );
      const needs = (await db('needs')
        .whereIn('status', ['open', 'planned'])
        .orderBy('id')
        .select('id', 'indicator', 'sub_kegiatan', 'quantity')) as Record<string, unknown>[];
      expect(needRows(data.needs).map((n) => [n.id, n.indicator, n.sub_kegiatan, n.quantity])).toEqual(
        needs.map((row) => [
          row['id'],
          row['indicator'],
          row['sub_kegiatan'],
          typeof row['quantity'] === 'number' ? row['quantity'] : null,
        ]),
      );
      const interventions = (await db('interventions')
        .where({ id: 100 })
        .select('id', 'status', 'desa', 'perangkat_daerah')) as Record<string, unknown>[];
      expect(data.interventions.map((i) => [i.id, i.status, i.desa, i.perangkat_daerah])).toEqual(
        interventions.map((row) => [row['id'], row['status'], row['desa'], row['perangkat_daerah']]),
      );
    } finally {
      await undo();
    }
  });
});

/** Writes `result` as a run in one transaction, as the run route does, with what rememberRun needs. */
async function writeRun(
  data: AllocationData,
  result: AllocationResult,
  now: Date,
): Promise<WrittenRun & { after: RunAftermath }> {
  const { writes, written, token } = await db.transaction(async (trx) => {
    const run = await writeAllocationRun(
      trx,
      result,
      { fiscal_year: 2026, scope: null, parameters: {}, user: null, now },
      data.interventions,
    );
    return { ...run, token: await readFreshnessToken(trx) };
  });
  expect(token).not.toBeNull();
  return {
    writes,
    written,
    after: { year: 2026, token: token as string, data, result, run: writes.run, written },
  };
}

describe('writeAllocationRun (SQLite)', () => {
  it('releases, records the run and its interventions, and plans the needs, in one transaction', async () => {
    const { data } = await readAllocationData(db, 2026);
    const result = allocateBudget({ ...data, tabulate_unfunded: true });
    // household 3's planned intervention is released and allocated again; household 2 is not verified
    expect(result.release).toEqual({ interventions: [100], needs: [30] });
    const now = new Date('2026-01-05T00:00:00Z');
    const { writes } = await db.transaction((trx) =>
      writeAllocationRun(
        trx,
        result,
        { fiscal_year: 2026, scope: null, parameters: { x: 1 }, user: null, now },
        data.interventions,
      ),
    );
    // household 3's released intervention comes back unchanged: kept (same id), re-pointed to the new run
    expect(writes).toMatchObject({
      released: 1,
      kept: 1,
      deleted: 0,
      inserted: 1,
      created: 2,
      reopened_needs: 0,
      planned_needs: 2,
    });
    const rows = (await db('interventions').where({ fiscal_year: 2026 }).orderBy('id')) as Record<
      string,
      unknown
    >[];
    expect(
      rows.map((r) => [
        r['id'] === 100 ? 'kept' : 'new',
        r['household'],
        r['need'],
        r['sub_kegiatan'],
        r['allocation_run'],
        r['planned_cost'],
        r['status'],
        r['desa'],
      ]),
    ).toEqual([
      ['kept', 3, 30, 'S1', writes.run, 20000000, 'planned', 'd2'],
      ['new', 1, 10, 'S1', writes.run, 20000000, 'planned', 'd1'],
    ]);
    expect(Number(rows[1]?.['date_created'])).toBe(now.getTime());
    expect(Number(rows[0]?.['date_updated'])).toBe(now.getTime());
    expect(
      (await db('needs').orderBy('id').select('id', 'status')).map(
        (n: { id: number; status: string }) => `${n.id}:${n.status}`,
      ),
    ).toEqual(['10:planned', '11:open', '20:open', '30:planned', '31:resolved']);
    const run = (await db('allocation_runs').where({ id: writes.run }).first()) as Record<string, unknown>;
    expect(run['status']).toBe('draft');
    expect(JSON.parse(String(run['totals']))).toEqual(result.totals);
    expect(readUnfundedTable(run['unfunded'])).toEqual(result.unfunded);
  });

  it('after a run, keeps the cached copy as the run left it: the same as reading everything again', async () => {
    forgetAllocationData();
    const { data } = await readAllocationData(db, 2026);
    // a ceiling that funds nothing more releases the earlier run's planned interventions
    const result = allocateBudget({ ...data, ceilings: { disperkim: 0 }, tabulate_unfunded: true });
    const { after } = await writeRun(data, result, new Date('2026-01-06T00:00:00Z'));
    expect(await rememberRun(db, after)).toBe(true);
    const cached = await readAllocationData(db, 2026);
    expect(cached.fromCache).toBe(true);
    forgetAllocationData();
    const fresh = await readAllocationData(db, 2026);
    expect(fresh.fromCache).toBe(false);
    const sorted = <T extends { id: number }>(list: readonly T[]): T[] =>
      [...list].sort((a, b) => a.id - b.id);
    expect(sorted(needRows(cached.data.needs))).toEqual(sorted(needRows(fresh.data.needs)));
    expect(sorted(cached.data.interventions)).toEqual(sorted(fresh.data.interventions));
    expect(allocateBudget(cached.data)).toEqual(allocateBudget(fresh.data));
  });

  it('does not keep the cached copy when the new ids are not the ones SQLite gave', async () => {
    forgetAllocationData();
    const { data } = await readAllocationData(db, 2026);
    const result = allocateBudget({ ...data, tabulate_unfunded: true });
    const { writes, written, after } = await writeRun(data, result, new Date('2026-01-08T00:00:00Z'));
    expect(writes.inserted).toBeGreaterThan(0);
    const ids = written.ids as number[];
    const stored = (await db('interventions').where({ allocation_run: writes.run }).pluck('id')) as number[];
    expect([...ids].sort((a, b) => a - b)).toEqual([...stored].sort((a, b) => a - b));
    // the inserted ones numbered one further: the check against the table refuses them
    const shifted = ids.map((id, index) => (written.inserted.includes(index) ? id + 1 : id));
    expect(await rememberRun(db, { ...after, written: { ...written, ids: shifted } })).toBe(false);
    expect(await rememberRun(db, { ...after, written: { ...written, ids: null } })).toBe(false);
    expect(await rememberRun(db, after)).toBe(true);
  });

  it('a read that comes while the run makes its copy waits for it instead of reading again', async () => {
    forgetAllocationData();
    const { data } = await readAllocationData(db, 2026);
    const result = allocateBudget({ ...data, tabulate_unfunded: true });
    const { after } = await writeRun(data, result, new Date('2026-01-09T00:00:00Z'));
    // the answer "goes out" 50 ms later; a preview arrives meanwhile
    const sent = new Promise<void>((resolve) => setTimeout(resolve, 50));
    const remembered = rememberRunOnce(sent, db, after);
    const read = await readAllocationData(db, 2026);
    expect(await remembered).toBe(true);
    expect(read.fromCache).toBe(true);
    expect(read.data.interventions.length).toBe(
      data.interventions.length - result.release.interventions.length + result.interventions.length,
    );
  });

  it('does not keep the cached copy when anything else was written after the run', async () => {
    forgetAllocationData();
    const { data } = await readAllocationData(db, 2026);
    const result = allocateBudget({ ...data, tabulate_unfunded: true });
    const { after } = await writeRun(data, result, new Date('2026-01-07T00:00:00Z'));
    await db('needs').where({ id: 11 }).update({ quantity: 2 });
    expect(await rememberRun(db, after)).toBe(false);
    expect((await readAllocationData(db, 2026)).fromCache).toBe(false);
  });
});

describe('touchesAllocationCopy', () => {
  it.each<[sql: string, touches: boolean]>([
    ['update `households` set `income_per_capita` = ? where `id` = ?', true],
    ['insert into `needs` (`household`) values (?)', true],
    ['delete from `interventions` where `id` in (?)', true],
    ['update `surveys` set `status` = ? where `id` = ?', true],
    ['update `allocation_runs` set `status` = ? where `id` = ?', true],
    // the small tables are read again on every call; only deleting one of their rows changes copied rows
    ['insert into `budget_ceilings` (`amount`) values (?)', false],
    ['update `sub_kegiatan` set `unit_cost` = ? where `code` = ?', false],
    ['delete from `sub_kegiatan` where `code` = ?', true],
    ['delete from `desa` where `code` = ?', true],
    // logins, activity, jobs
    ['insert into `directus_sessions` (`token`) values (?)', false],
    ['insert into `directus_activity` (`action`) values (?)', false],
    ['update `import_jobs` set `status` = ? where `id` = ?', false],
    ['select * from `needs`', false],
    ['alter table `needs` add column `x` integer', true],
  ])('%s', (sql, touches) => {
    expect(touchesAllocationCopy(sql)).toBe(touches);
  });
});

describe('the in-memory copy while Directus writes elsewhere (watchAllocationWrites)', () => {
  it('keeps the copy through writes to other tables and reads the small tables again', async () => {
    watchAllocationWrites(db);
    forgetAllocationData();
    expect((await readAllocationData(db, 2026)).fromCache).toBe(false);
    // a pagu edited: the copy holds, the pagu is the new one
    await db('budget_ceilings').insert({ fiscal_year: 2026, perangkat_daerah: 'dinsos', amount: 123 });
    const afterPagu = await readAllocationData(db, 2026);
    expect(afterPagu.fromCache).toBe(true);
    expect(afterPagu.data.ceilings['dinsos']).toBe(123);
    // a unit cost edited and a sub-kegiatan added: the copy holds, the catalogue is the new one
    await db('sub_kegiatan').where({ code: 'S1' }).update({ unit_cost: 21_000_000 });
    await db('sub_kegiatan').insert({ code: 'S9', name: 'baru', perangkat_daerah: 'dinsos', active: true });
    const afterCatalogue = await readAllocationData(db, 2026);
    expect(afterCatalogue.fromCache).toBe(true);
    expect(afterCatalogue.data.sub_kegiatan.find((sub) => sub.code === 'S1')?.unit_cost).toBe(21_000_000);
    expect(afterCatalogue.data.sub_kegiatan.map((sub) => sub.code)).toContain('S9');
    // the same as reading everything again
    forgetAllocationData();
    const fresh = await readAllocationData(db, 2026);
    expect(fresh.fromCache).toBe(false);
    expect(afterCatalogue.data).toEqual(fresh.data);
  });

  it.each<[name: string, write: () => Promise<unknown>]>([
    ['a need changed', () => db('needs').where({ id: 11 }).update({ quantity: 2 })],
    ['a household changed', () => db('households').where({ id: 2 }).update({ income_per_capita: 449000 })],
    ['a survey changed', () => db('surveys').where({ id: 2 }).update({ status: 'submitted' })],
    [
      'an intervention added',
      () =>
        db('interventions').insert({
          household: 1,
          sub_kegiatan: 'S1',
          perangkat_daerah: 'disperkim',
          fiscal_year: 2025,
          status: 'completed',
        }),
    ],
    ['a sub-kegiatan deleted', () => db('sub_kegiatan').where({ code: 'S9' }).delete()],
    [
      'a household changed inside a transaction',
      () => db.transaction((trx) => trx('households').where({ id: 2 }).update({ income_per_capita: 450000 })),
    ],
  ])('reads everything again after %s', async (_, write) => {
    await readAllocationData(db, 2026);
    expect((await readAllocationData(db, 2026)).fromCache).toBe(true);
    await write();
    expect((await readAllocationData(db, 2026)).fromCache).toBe(false);
  });
});
