import type { Knex } from 'knex';

// Composite indexes that the data model (Directus fields know single-column indexes only) cannot
// declare. They cover the dashboard's summary aggregates, so SQLite answers them from the index
// alone, in index order, without touching the table:
// - households grouped per kecamatan or desa by class, source, disposition and survey status,
//   with the member sum (Ringkasan, Wilayah);
// - active needs grouped by category and agency, with the quantity sum;
// - submitted and verified surveys by round and day (survey progress).
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
];

export type EnsureIndexesResult = { created: string[]; existing: string[]; skipped: string[] };

/**
 * Creates the missing indexes of `specs`. An index whose table or columns do not exist (an
 * administrator removed a field) is skipped, never an error.
 */
export async function ensureIndexes(
  database: Knex,
  specs: readonly IndexSpec[] = SUMMARY_INDEXES,
): Promise<EnsureIndexesResult> {
  const result: EnsureIndexesResult = { created: [], existing: [], skipped: [] };
  for (const spec of specs) {
    const columns = await columnsOf(database, spec.table);
    if (!spec.columns.every((column) => columns.has(column))) {
      result.skipped.push(spec.name);
      continue;
    }
    if (await indexExists(database, spec)) {
      result.existing.push(spec.name);
      continue;
    }
    const quoted = spec.columns.map((column) => `"${column}"`).join(', ');
    await database.raw(`CREATE INDEX IF NOT EXISTS "${spec.name}" ON "${spec.table}" (${quoted})`);
    result.created.push(spec.name);
  }
  return result;
}

async function columnsOf(database: Knex, table: string): Promise<Set<string>> {
  if (!(await database.schema.hasTable(table))) return new Set();
  const info = await database(table).columnInfo();
  return new Set(Object.keys(info));
}

async function indexExists(database: Knex, spec: IndexSpec): Promise<boolean> {
  const client = String(database.client.config.client ?? '');
  if (client.includes('sqlite')) {
    const rows = (await database.raw(`SELECT name FROM sqlite_master WHERE type = 'index' AND name = ?`, [
      spec.name,
    ])) as unknown[];
    return rows.length > 0;
  }
  if (client === 'pg' || client.includes('postgres')) {
    const answer = (await database.raw(`SELECT 1 FROM pg_indexes WHERE indexname = ?`, [spec.name])) as {
      rows: unknown[];
    };
    return answer.rows.length > 0;
  }
  return false;
}
