import { describe, expect, it } from 'vitest';
import { tablesWrittenBy, type TableWrite } from './tables-written-by.ts';

describe('tablesWrittenBy', () => {
  const cases: { sql: string; expected: TableWrite[] | 'schema' }[] = [
    // knex's SQLite builder (backticks)
    {
      sql: 'insert into `budget_ceilings` (`amount`, `fiscal_year`) values (?, ?) returning `id`',
      expected: [{ table: 'budget_ceilings', kind: 'insert' }],
    },
    { sql: 'update `needs` set `status` = ? where `id` = ?', expected: [{ table: 'needs', kind: 'update' }] },
    {
      sql: 'delete from `budget_ceilings` where `id` in (?, ?)',
      expected: [{ table: 'budget_ceilings', kind: 'delete' }],
    },
    // PostgreSQL quoting, a schema, upper case
    {
      sql: 'DELETE FROM "public"."households" WHERE "id" = $1',
      expected: [{ table: 'households', kind: 'delete' }],
    },
    {
      sql: 'INSERT OR REPLACE INTO sub_kegiatan (code) VALUES (?)',
      expected: [{ table: 'sub_kegiatan', kind: 'insert' }],
    },
    { sql: 'replace into [desa] (code) values (?)', expected: [{ table: 'desa', kind: 'insert' }] },
    // raw SQL of this extension: UPDATE ... FROM json_each
    {
      sql: 'update "needs" set "status" = ? from (select value as id from json_each(?)) as ids where "needs".id = ids.id',
      expected: [{ table: 'needs', kind: 'update' }],
    },
    // an upsert: DO UPDATE SET counts as a write to a table named "set" (harmless)
    {
      sql: 'insert into households (id) values (?) on conflict (id) do update set head_name = excluded.head_name',
      expected: [
        { table: 'households', kind: 'insert' },
        { table: 'set', kind: 'update' },
      ],
    },
    // a CTE in front of the write
    {
      sql: 'with x as (select 1) delete from interventions where id in (select * from x)',
      expected: [{ table: 'interventions', kind: 'delete' }],
    },
    // reads and transaction control write nothing; a column named date_updated is not UPDATE
    { sql: 'select `id`, `date_updated` from `needs` where `status` = ?', expected: [] },
    { sql: 'select total_changes() as changes', expected: [] },
    { sql: 'PRAGMA cache_size = -131072', expected: [] },
    { sql: 'BEGIN;', expected: [] },
    { sql: 'SAVEPOINT trx2', expected: [] },
    { sql: 'COMMIT;', expected: [] },
    // schema changes
    { sql: 'alter table `households` add column `x` varchar(255)', expected: 'schema' },
    { sql: 'CREATE INDEX IF NOT EXISTS "siap_needs_summary" ON "needs" ("status")', expected: 'schema' },
    { sql: 'drop table `tagged_budget`', expected: 'schema' },
    { sql: 'create unique index `u` on `desa` (`code`)', expected: 'schema' },
  ];
  it.each(cases)('$sql', ({ sql, expected }) => {
    expect(tablesWrittenBy(sql)).toEqual(expected);
  });
});
