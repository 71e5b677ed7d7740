import type { Knex } from 'knex';

// Composite indexes that the data model (Directus fields know single-column indexes only) cannot
// declare. They cover the dashboard's summary aggregates, so SQLite answers them from the index
// alone, in index order, without touching the table:
// - households grouped per kecamatan or desa by class, source, disposition and survey status,
//   with the member sum (Ringkasan, Wilayah);
// - active needs grouped by category and agency, with the quantity sum;
// - submitted and verified surveys by round and day (survey progress);
// - interventions by fiscal year, agency and sub-kegiatan: the one index behind every reader of
//   interventions by year (allocation, SIPD export, effectiveness, Monev, the agency's own list).
//   With the household, need and status indexes it replaces the single-column indexes on year,
//   agency, sub-kegiatan, desa, kecamatan and run that the data model no longer declares: an
//   allocation run inserts up to 200,000 interventions and re-points the ones it keeps to itself, and
//   every index costs it (desa and kecamatan filters of operators and verifiers always come with a
//   year or a household; a run's interventions are read with their year).
// CREATE INDEX IF NOT EXISTS works on SQLite and PostgreSQL alike; the setup runs it on every start.

export type IndexSpec = { name: string; table: string; columns: readonly string[] };

export const SUMMARY_INDEXES: readonly IndexSpec[] = [
  {
    name: 'siap_households_kecamatan_summary',
    table: 'households',
    columns: [
      'kecamatan',
      'classification',
      'source',
      'baseline_disposition',
      'survey_status',
      'member_count',
    ],
  },
  {
    name: 'siap_households_desa_summary',
    table: 'households',
    columns: ['desa', 'classification', 'source', 'baseline_disposition', 'survey_status', 'member_count'],
  },
  {
    name: 'siap_needs_summary',
    table: 'needs',
    columns: ['status', 'category', 'perangkat_daerah', 'quantity'],
  },
  { name: 'siap_surveys_progress', table: 'surveys', columns: ['status', 'round', 'surveyed_at'] },
  {
    name: 'siap_interventions_year',
    table: 'interventions',
    columns: ['fiscal_year', 'perangkat_daerah', 'sub_kegiatan'],
  },
];

/** A single-column index of earlier releases, dropped once the composite index `by` exists. */
export type SupersededIndex = { name: string; table: string; by: string };

/**
 * Indexes that databases created before the data model dropped them still have (Directus names a
 * field's index <table>_<field>_index). They only slow the allocation's writes down: a run moves
 * tens of thousands of needs from open to planned (siap_needs_summary starts with the status) and
 * inserts as many interventions (siap_interventions_year serves the readers by year).
 */
export const SUPERSEDED_INDEXES: readonly SupersededIndex[] = [
  { name: 'needs_status_index', table: 'needs', by: 'siap_needs_summary' },
  ...['fiscal_year', 'perangkat_daerah', 'sub_kegiatan', 'desa', 'kecamatan', 'allocation_run'].map(
    (field) => ({
      name: `interventions_${field}_index`,
      table: 'interventions',
      by: 'siap_interventions_year',
    }),
  ),
];

export type EnsureIndexesResult = {
  created: string[];
  existing: string[];
  skipped: string[];
  /** superseded indexes dropped now */
  dropped: string[];
};

/**
 * Creates the missing indexes of `specs`, then drops the `superseded` ones whose replacement exists.
 * An index whose table or columns do not exist (an administrator removed a field) is skipped, never
 * an error.
 */
export async function ensureIndexes(
  database: Knex,
  specs: readonly IndexSpec[] = SUMMARY_INDEXES,
  superseded: readonly SupersededIndex[] = SUPERSEDED_INDEXES,
): Promise<EnsureIndexesResult> {
  const result: EnsureIndexesResult = { created: [], existing: [], skipped: [], dropped: [] };
  for (const spec of specs) {
    const columns = await columnsOf(database, spec.table);
    if (!spec.columns.every((column) => columns.has(column))) {
      result.skipped.push(spec.name);
      continue;
    }
    if (await indexExists(database, spec.name)) {
      result.existing.push(spec.name);
      continue;
    }
    const quoted = spec.columns.map((column) => `"${column}"`).join(', ');
    await database.raw(`CREATE INDEX IF NOT EXISTS "${spec.name}" ON "${spec.table}" (${quoted})`);
    result.created.push(spec.name);
  }
  for (const old of superseded) {
    if (!(await indexExists(database, old.name)) || !(await indexExists(database, old.by))) continue;
    await database.raw(`DROP INDEX IF EXISTS "${old.name}"`);
    result.dropped.push(old.name);
  }
  return result;
}

async function columnsOf(database: Knex, table: string): Promise<Set<string>> {
  if (!(await database.schema.hasTable(table))) return new Set();
  const info = await database(table).columnInfo();
  return new Set(Object.keys(info));
}

async function indexExists(database: Knex, name: string): Promise<boolean> {
  const client = String(database.client.config.client ?? '');
  if (client.includes('sqlite')) {
    const rows = (await database.raw(`SELECT name FROM sqlite_master WHERE type = 'index' AND name = ?`, [
      name,
    ])) as unknown[];
    return rows.length > 0;
  }
  if (client === 'pg' || client.includes('postgres')) {
    const answer = (await database.raw(`SELECT 1 FROM pg_indexes WHERE indexname = ?`, [name])) as {
      rows: unknown[];
    };
    return answer.rows.length > 0;
  }
  return false;
}
