// The engine adapter against a real (in-memory) SQLite through knex: what it reads, what it writes,
// and that it writes set-based only what changed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import knexFactory, { type Knex } from 'knex';
import type { SchemaOverview } from '@directus/types';
import { evaluateHouseholds, type EvaluateOptions } from './classification-engine.ts';
import { createRowReader, loadClassificationReference } from './classification-rows.ts';
import { selectRows, updateRows } from './classification-sql.ts';

const TYPES: Record<string, Record<string, string>> = {
  households: {
    id: 'integer',
    desa: 'string',
    kecamatan: 'string',
    classification: 'string',
    classification_reason: 'string',
    income_per_capita: 'bigInteger',
    classification_basis: 'string',
    poverty_line_used: 'bigInteger',
    extreme_line_used: 'bigInteger',
    classified_survey: 'integer',
    classified_at: 'timestamp',
    need_count: 'integer',
  },
  surveys: {
    id: 'integer',
    household: 'integer',
    round: 'integer',
    status: 'string',
    surveyed_at: 'date',
    date_created: 'timestamp',
    monthly_income: 'bigInteger',
    monthly_expenditure: 'bigInteger',
    member_count: 'integer',
    floor_area_m2: 'float',
    toilet: 'string',
    roof_leaking: 'boolean',
    aid_received: 'json',
    classification: 'string',
    classification_reason: 'string',
    income_per_capita: 'bigInteger',
    poverty_line_used: 'bigInteger',
    extreme_line_used: 'bigInteger',
  },
  needs: {
    id: 'integer',
    household: 'integer',
    indicator: 'string',
    survey: 'integer',
    quantity: 'integer',
    category: 'string',
    sub_kegiatan: 'string',
    perangkat_daerah: 'string',
    desa: 'string',
    kecamatan: 'string',
    status: 'string',
    no_longer_detected: 'boolean',
    date_created: 'timestamp',
    date_updated: 'timestamp',
  },
  indicators: {
    key: 'string',
    label: 'string',
    category: 'string',
    field: 'string',
    operator: 'string',
    value: 'json',
    condition: 'json',
    quantity_field: 'string',
    applies_to: 'json',
    sub_kegiatan: 'string',
    weight: 'integer',
    active: 'boolean',
    note: 'text',
  },
  poverty_lines: {
    id: 'integer',
    year: 'integer',
    region: 'string',
    poverty_line: 'bigInteger',
    extreme_poverty_line: 'bigInteger',
  },
  planning_settings: {
    id: 'integer',
    region_code: 'string',
    survey_round: 'integer',
    classification_basis: 'string',
  },
  sub_kegiatan: { code: 'string', perangkat_daerah: 'string' },
  desa: { code: 'string', kecamatan: 'string' },
};

const SQL_TYPE: Record<string, string> = {
  integer: 'integer',
  bigInteger: 'bigint',
  float: 'float',
  boolean: 'boolean',
  json: 'json',
  timestamp: 'datetime',
  date: 'date',
  string: 'varchar(255)',
  text: 'text',
};

const schema = {
  collections: Object.fromEntries(
    Object.entries(TYPES).map(([collection, fields]) => [
      collection,
      {
        collection,
        primary: 'id',
        fields: Object.fromEntries(
          Object.entries(fields).map(([field, type]) => [field, { field, type, alias: false }]),
        ),
      },
    ]),
  ),
  relations: [],
} as unknown as SchemaOverview;

let db: Knex;

beforeEach(async () => {
  db = knexFactory({ client: 'sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  for (const [table, fields] of Object.entries(TYPES)) {
    const columns = Object.entries(fields).map(([field, type]) => {
      const key =
        field === 'id'
          ? ' primary key autoincrement'
          : field === 'key' || field === 'code'
            ? ' primary key'
            : '';
      return `"${field}" ${field === 'id' ? 'integer' : SQL_TYPE[type]}${key}`;
    });
    await db.raw(`create table "${table}" (${columns.join(', ')})`);
  }
  await db('planning_settings').insert({
    id: 1,
    region_code: '63.11',
    survey_round: 2025,
    classification_basis: 'income',
  });
  await db('poverty_lines').insert({
    year: 2025,
    region: '63.11',
    poverty_line: 544169,
    extreme_poverty_line: 391000,
  });
  await db('desa').insert([
    { code: '63.11.07.2002', kecamatan: '63.11.07' },
    { code: '63.11.01.2001', kecamatan: '63.11.01' },
  ]);
  await db('sub_kegiatan').insert([
    { code: '1.04.03.2.03.0002', perangkat_daerah: 'disperkim' },
    { code: '1.03.05.2.01.0039', perangkat_daerah: 'dpupr' },
  ]);
  // stored as Directus stores them on SQLite: JSON as text (a plain string unquoted), booleans 0/1
  await db('indicators').insert([
    {
      key: 'toilet_not_own',
      label: 'Tidak punya jamban sendiri',
      category: 'sanitasi',
      field: 'toilet',
      operator: 'in',
      value: '["bersama","umum","tidak_ada"]',
      applies_to: '["ekstrem","miskin"]',
      sub_kegiatan: '1.03.05.2.01.0039',
      active: 1,
    },
    {
      key: 'roof_leaking',
      label: 'Atap bocor',
      category: 'perumahan',
      field: 'roof_leaking',
      operator: 'is_true',
      applies_to: '["ekstrem","miskin"]',
      sub_kegiatan: '1.04.03.2.03.0002',
      active: 1,
    },
    {
      key: 'crowded',
      label: 'Sempit',
      category: 'perumahan',
      field: 'floor_area_per_capita',
      operator: 'lt',
      value: 8,
      applies_to: '["ekstrem","miskin"]',
      sub_kegiatan: '1.04.03.2.03.0002',
      active: 0,
    },
  ]);
  await db('households').insert([
    { id: 1, desa: '63.11.07.2002', kecamatan: '63.11.07', need_count: 0 },
    { id: 2, desa: '63.11.01.2001', kecamatan: null, need_count: 0 },
    { id: 3, desa: '63.11.07.2002', kecamatan: '63.11.07', need_count: 0 },
  ]);
  const survey = (id: number, household: number, status: string, over: Record<string, unknown> = {}) => ({
    id,
    household,
    round: 2025,
    status,
    surveyed_at: Date.UTC(2025, 2, id),
    date_created: Date.UTC(2025, 2, id),
    monthly_income: 1_000_000,
    member_count: 4,
    floor_area_m2: 20,
    toilet: 'umum',
    roof_leaking: 1,
    aid_received: '["pkh"]',
    ...over,
  });
  await db('surveys').insert([
    survey(10, 1, 'verified'),
    survey(20, 2, 'submitted', { monthly_income: 1_800_000, roof_leaking: 0 }),
    survey(30, 3, 'draft'),
    survey(31, 3, 'returned'),
  ]);
});

afterEach(async () => {
  await db.destroy();
});

const run = async (
  options: Partial<EvaluateOptions> = {},
  selection: Parameters<typeof evaluateHouseholds>[3] = { from: 1, to: 3 },
) =>
  db.transaction(async (trx) =>
    evaluateHouseholds(trx, schema, await loadClassificationReference(trx, schema), selection, {
      needs: 'all',
      now: new Date(Date.UTC(2025, 10, 1)),
      ...options,
    }),
  );

const householdRows = () =>
  db('households')
    .orderBy('id')
    .select(
      'id',
      'classification',
      'income_per_capita',
      'extreme_line_used',
      'classified_survey',
      'need_count',
      'classified_at',
    );
const needRows = () =>
  db('needs')
    .orderBy('id')
    .select(
      'id',
      'household',
      'indicator',
      'survey',
      'quantity',
      'category',
      'sub_kegiatan',
      'perangkat_daerah',
      'desa',
      'kecamatan',
      'status',
      'no_longer_detected',
    );

describe('evaluateHouseholds (SQLite)', () => {
  it('classifies, stores the explanation columns and opens needs with their denormalised columns', async () => {
    const counts = await run();
    expect(counts).toMatchObject({
      households: 3,
      updated: 2,
      changed: 2,
      needs_opened: 3,
      surveys_updated: 2,
    });
    expect(await householdRows()).toEqual([
      {
        id: 1,
        classification: 'ekstrem',
        income_per_capita: 250000,
        extreme_line_used: 391000,
        classified_survey: 10,
        need_count: 2,
        classified_at: Date.UTC(2025, 10, 1),
      },
      {
        id: 2,
        classification: 'miskin',
        income_per_capita: 450000,
        extreme_line_used: 391000,
        classified_survey: 20,
        need_count: 1,
        classified_at: Date.UTC(2025, 10, 1),
      },
      // a draft and a returned survey do not count
      {
        id: 3,
        classification: null,
        income_per_capita: null,
        extreme_line_used: null,
        classified_survey: null,
        need_count: 0,
        classified_at: null,
      },
    ]);
    expect(await needRows()).toEqual([
      {
        id: 1,
        household: 1,
        indicator: 'roof_leaking',
        survey: 10,
        quantity: 1,
        category: 'perumahan',
        sub_kegiatan: '1.04.03.2.03.0002',
        perangkat_daerah: 'disperkim',
        desa: '63.11.07.2002',
        kecamatan: '63.11.07',
        status: 'open',
        no_longer_detected: 0,
      },
      {
        id: 2,
        household: 1,
        indicator: 'toilet_not_own',
        survey: 10,
        quantity: 1,
        category: 'sanitasi',
        sub_kegiatan: '1.03.05.2.01.0039',
        perangkat_daerah: 'dpupr',
        desa: '63.11.07.2002',
        kecamatan: '63.11.07',
        status: 'open',
        no_longer_detected: 0,
      },
      // the household's own kecamatan copy is missing: taken from its desa
      {
        id: 3,
        household: 2,
        indicator: 'toilet_not_own',
        survey: 20,
        quantity: 1,
        category: 'sanitasi',
        sub_kegiatan: '1.03.05.2.01.0039',
        perangkat_daerah: 'dpupr',
        desa: '63.11.01.2001',
        kecamatan: '63.11.01',
        status: 'open',
        no_longer_detected: 0,
      },
    ]);
    expect(
      await db('surveys').where('id', 10).first('classification', 'income_per_capita', 'poverty_line_used'),
    ).toEqual({
      classification: 'ekstrem',
      income_per_capita: 250000,
      poverty_line_used: 544169,
    });
  });

  it('a second run writes nothing', async () => {
    await run();
    const before = await householdRows();
    expect(await run()).toMatchObject({
      updated: 0,
      changed: 0,
      needs_opened: 0,
      needs_resolved: 0,
      surveys_updated: 0,
    });
    expect(await householdRows()).toEqual(before);
  });

  it('a line change moves classes; with needs "changed" the rules run only where the move matters', async () => {
    await run();
    // miskin -> ekstrem: every rule applies to both, so no rule runs
    await db('poverty_lines').update({ extreme_poverty_line: 500000 });
    expect(await run({ needs: 'changed' })).toMatchObject({
      households: 3,
      updated: 2,
      changed: 1,
      needs_evaluated: 0,
      surveys_updated: 2,
    });
    expect((await householdRows()).map((row) => [row.classification, row.extreme_line_used])).toEqual([
      ['ekstrem', 500000],
      ['ekstrem', 500000],
      [null, null],
    ]);
    // ekstrem -> tidak_miskin: the rules no longer apply, its need resolves
    await db('poverty_lines').update({ poverty_line: 400000, extreme_poverty_line: 300000 });
    expect(await run({ needs: 'changed' })).toMatchObject({
      changed: 1,
      needs_evaluated: 1,
      needs_resolved: 1,
    });
    expect((await householdRows())[1]).toMatchObject({ classification: 'tidak_miskin', need_count: 0 });
  });

  it.each<[EvaluateOptions['needs']]>([['changed'], ['all']])(
    'two counted surveys of a round: the later surveyed_at counts, whatever the ids (needs %s)',
    async (needs) => {
      // survey 11 has the higher id but was surveyed earlier than survey 10 (March 10)
      await db('surveys').insert({
        ...{ id: 11, household: 1, round: 2025, status: 'verified', member_count: 1 },
        ...{
          surveyed_at: Date.UTC(2025, 1, 1),
          date_created: Date.UTC(2025, 5, 1),
          monthly_income: 9_000_000,
        },
      });
      await run({ needs });
      expect((await householdRows())[0]).toMatchObject({ classified_survey: 10, classification: 'ekstrem' });
      await db('surveys')
        .where('id', 11)
        .update({ surveyed_at: Date.UTC(2025, 2, 10) });
      await run({ needs });
      // same day: the later date_created wins
      expect((await householdRows())[0]).toMatchObject({
        classified_survey: 11,
        classification: 'tidak_miskin',
      });
    },
  );

  it('a rule switched off resolves its open needs; a planned one is flagged and kept', async () => {
    await run();
    await db('needs').where('id', 2).update({ status: 'planned' });
    await db('indicators').where('key', 'toilet_not_own').update({ active: 0 });
    const counts = await run();
    expect(counts).toMatchObject({ needs_resolved: 1, needs_flagged: 1 });
    expect((await needRows()).map((need) => [need.id, need.status, need.no_longer_detected])).toEqual([
      [1, 'open', 0],
      [2, 'planned', 1],
      [3, 'resolved', 0],
    ]);
  });

  it('a survey that stops counting resets the household and resolves its needs', async () => {
    await run();
    await db('surveys').where('id', 10).update({ status: 'returned' });
    await run({ surveys: [10] }, { ids: [1] });
    expect((await householdRows())[0]).toMatchObject({
      classification: null,
      classified_survey: null,
      need_count: 0,
    });
    expect((await needRows()).filter((need) => need.household === 1).map((need) => need.status)).toEqual([
      'resolved',
      'resolved',
    ]);
    // the saved survey still carries its own result, whatever its status
    expect(await db('surveys').where('id', 10).first('classification')).toEqual({
      classification: 'ekstrem',
    });
  });

  it('a rule on a field the surveys no longer have warns and does not fire', async () => {
    await db('indicators').insert({
      key: 'gone',
      label: 'Hilang',
      category: 'x',
      field: 'removed_field',
      operator: 'is_true',
      applies_to: '[]',
      active: 1,
    });
    const warnings = new Set<string>();
    await run({ warnings });
    expect([...warnings].some((warning) => warning.includes('"removed_field"'))).toBe(true);
    expect(await db('needs').where('indicator', 'gone').count('* as n')).toEqual([{ n: 0 }]);
  });
});

describe('updateRows', () => {
  it('writes identical changes together and the others through VALUES, with constants', async () => {
    const rows = [
      ...Array.from({ length: 10 }, (_, i) => ({
        id: i + 1,
        values: { classification: 'miskin', need_count: 0 },
      })),
      { id: 11, values: { classification: 'ekstrem', need_count: 3 } },
      { id: 12, values: { need_count: 5 } },
    ];
    await db('households').delete();
    await db('households').insert([
      ...Array.from({ length: 12 }, (_, i) => ({ id: i + 1 })),
      { id: 100 },
      { id: 101 },
    ]);
    await updateRows(db, schema, 'households', rows, { classified_at: new Date(Date.UTC(2025, 0, 1)) });
    const stored = await db('households')
      .where('id', '<=', 12)
      .orderBy('id')
      .select('id', 'classification', 'need_count', 'classified_at');
    expect(stored[0]).toEqual({
      id: 1,
      classification: 'miskin',
      need_count: 0,
      classified_at: Date.UTC(2025, 0, 1),
    });
    expect(stored[10]).toEqual({
      id: 11,
      classification: 'ekstrem',
      need_count: 3,
      classified_at: Date.UTC(2025, 0, 1),
    });
    expect(stored[11]).toEqual({
      id: 12,
      classification: null,
      need_count: 5,
      classified_at: Date.UTC(2025, 0, 1),
    });
    expect(
      await db('households').where('id', '>=', 100).whereNotNull('classified_at').count('* as n'),
    ).toEqual([{ n: 0 }]);
  });
});

describe('createRowReader', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['SQLite booleans', { roof_leaking: 1 }, { roof_leaking: true }],
    ['JSON text', { aid_received: '["pkh","pip"]' }, { aid_received: ['pkh', 'pip'] }],
    ['bigInteger text from PostgreSQL', { monthly_income: '1500000' }, { monthly_income: 1500000 }],
    [
      'epoch milliseconds',
      { date_created: Date.UTC(2025, 2, 1) },
      { date_created: '2025-03-01T00:00:00.000Z' },
    ],
    ['a Date', { surveyed_at: new Date(Date.UTC(2025, 2, 1)) }, { surveyed_at: '2025-03-01T00:00:00.000Z' }],
    [
      'null stays null',
      { roof_leaking: null, aid_received: null },
      { roof_leaking: null, aid_received: null },
    ],
    ['unknown columns pass', { added_later: 'x' }, { added_later: 'x' }],
  ])('%s', (_name, row, expected) => {
    expect(createRowReader(schema, 'surveys')({ ...row })).toEqual(expected);
  });

  it.each<[string, { skip?: string[]; only?: string[] }, Record<string, unknown>]>([
    ['skip', { skip: ['date_created'] }, { roof_leaking: true, date_created: Date.UTC(2025, 2, 1) }],
    ['only', { only: ['date_created'] }, { roof_leaking: 1, date_created: '2025-03-01T00:00:00.000Z' }],
  ])('%s names the columns converted', (_name, options, expected) => {
    const row = { roof_leaking: 1, date_created: Date.UTC(2025, 2, 1) };
    expect(createRowReader(schema, 'surveys', options)({ ...row })).toEqual(expected);
  });

  it('a JSON string Directus stored unquoted stays text', () => {
    expect(createRowReader(schema, 'indicators')({ value: 'rumbia_daun' })).toEqual({ value: 'rumbia_daun' });
  });
});

describe('selectRows', () => {
  it('reads on SQLite through one JSON text exactly what the plain query reads', async () => {
    await db('surveys').insert([
      { id: 40, household: 1, round: 2025, status: 'draft', floor_area_m2: 0.1 + 0.2, aid_received: '[1]' },
      { id: 41, household: 1, round: 2025, status: 'draft', floor_area_m2: 1e300, roof_leaking: 0 },
      { id: 42, household: 2, round: 2025, status: 'draft', floor_area_m2: -1.5, monthly_income: 2 ** 53 },
      { id: 43, household: 2, round: 2025, status: 'draft', floor_area_m2: 36, toilet: 'é "x" \\ \n' },
    ]);
    const columns = [
      'id',
      'status',
      'floor_area_m2',
      'aid_received',
      'roof_leaking',
      'monthly_income',
      'toilet',
    ];
    const query = () => db('surveys').whereBetween('id', [40, 49]).orderBy('id').select(columns);
    const plain = (await query()) as Record<string, unknown>[];
    expect(plain).toHaveLength(4);
    expect(await selectRows(db, query(), columns)).toEqual(plain);
    expect(await selectRows(db, db('surveys').where('id', 0).select(columns), columns)).toEqual([]);
  });
});
