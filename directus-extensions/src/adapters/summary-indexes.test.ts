import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import knexFactory, { type Knex } from 'knex';
import { ensureIndexes, type IndexSpec, type SupersededIndex } from './summary-indexes.ts';

// The maintenance step on a database created by an earlier release: single-column indexes that a
// composite index now replaces are dropped, but only once the replacement exists.

let db: Knex;

beforeEach(async () => {
  db = knexFactory({ client: 'sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  await db.schema.createTable('interventions', (t) => {
    t.increments('id');
    t.integer('fiscal_year').index('interventions_fiscal_year_index');
    t.string('perangkat_daerah').index('interventions_perangkat_daerah_index');
    t.string('sub_kegiatan');
  });
});

afterEach(async () => {
  await db.destroy();
});

async function indexNames(): Promise<string[]> {
  const rows = (await db.raw(
    `select name from sqlite_master where type = 'index' and tbl_name = 'interventions' order by name`,
  )) as { name: string }[];
  return rows.map((row) => row.name);
}

const superseded: SupersededIndex[] = ['fiscal_year', 'perangkat_daerah'].map((field) => ({
  name: `interventions_${field}_index`,
  table: 'interventions',
  by: 'siap_interventions_year',
}));

describe('ensureIndexes', () => {
  it.each<{ title: string; columns: string[]; created: string[]; skipped: string[]; left: string[] }>([
    {
      title: 'creates the composite index and drops the indexes it replaces',
      columns: ['fiscal_year', 'perangkat_daerah', 'sub_kegiatan'],
      created: ['siap_interventions_year'],
      skipped: [],
      left: ['siap_interventions_year'],
    },
    {
      title: 'keeps the old indexes when the composite one cannot be created (a field was removed)',
      columns: ['fiscal_year', 'perangkat_daerah', 'removed_field'],
      created: [],
      skipped: ['siap_interventions_year'],
      left: ['interventions_fiscal_year_index', 'interventions_perangkat_daerah_index'],
    },
  ])('$title', async ({ columns, created, skipped, left }) => {
    const specs: IndexSpec[] = [{ name: 'siap_interventions_year', table: 'interventions', columns }];
    const result = await ensureIndexes(db, specs, superseded);
    expect(result.created).toEqual(created);
    expect(result.skipped).toEqual(skipped);
    expect(result.dropped).toEqual(created.length > 0 ? superseded.map((index) => index.name) : []);
    expect(await indexNames()).toEqual(left);
    // a second start changes nothing
    const again = await ensureIndexes(db, specs, superseded);
    expect(again.created).toEqual([]);
    expect(again.dropped).toEqual([]);
  });
});
