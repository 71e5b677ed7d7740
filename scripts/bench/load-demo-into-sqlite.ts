// The benches' dataset loader: the generated demo households and surveys written straight into a
// bench instance's SQLite file while Directus is idle (REST would run every hook per row), a few
// thousand rows per transaction. The engine then classifies everyone in one bulk job.
import knexFactory, { type Knex } from 'knex';
import { generateDemoDataset } from '../demo/generate-demo-dataset.ts';
import { readDesa } from '../seed/read-reference.ts';

const ROWS_PER_INSERT = 400;
const ROWS_PER_TRANSACTION = 5_000;

/** Loads `households` generated households (and their surveys) into `file`; returns how many. */
export async function loadDemoIntoSqlite(
  file: string,
  households: number,
  log: (message: string) => void,
): Promise<number> {
  const started = performance.now();
  const dataset = generateDemoDataset({ desa: readDesa(), households });
  log(`Data dibuat: ${fmt(dataset.households.length)} RT, ${fmt(dataset.surveys.length)} survei.`);
  const db = knexFactory({ client: 'sqlite3', connection: { filename: file }, useNullAsDefault: true });
  try {
    const now = Date.now();
    const householdColumns = await columnsOf(db, 'households');
    const surveyColumns = await columnsOf(db, 'surveys');
    const idOf = new Map<string, number>();
    const householdRows = dataset.households.map(
      ({ ref, related_household_ref: _related, ...household }, index) => {
        idOf.set(ref, index + 1);
        return pick({ ...household, id: index + 1, date_created: now, need_count: 0 }, householdColumns);
      },
    );
    const surveyRows = dataset.surveys.map(({ household_ref, verified_by: _verifier, ...survey }, index) =>
      pick(
        {
          ...survey,
          id: index + 1,
          household: idOf.get(household_ref),
          // Directus keeps dates in SQLite as epoch milliseconds.
          surveyed_at: survey.surveyed_at ? Date.parse(survey.surveyed_at) : null,
          verified_at: survey.verified_at ? Date.parse(survey.verified_at) : null,
          aid_received: survey.aid_received === null ? null : JSON.stringify(survey.aid_received),
          date_created: now,
        },
        surveyColumns,
      ),
    );
    await insertAll(db, 'households', householdRows);
    await insertAll(db, 'surveys', surveyRows);
    log(`Data dimuat langsung ke SQLite dalam ${Math.round(performance.now() - started)} ms.`);
    return householdRows.length;
  } finally {
    await db.destroy();
  }
}

async function columnsOf(db: Knex, table: string): Promise<Set<string>> {
  const info = (await db.raw(`PRAGMA table_info("${table}")`)) as Array<{ name: string }>;
  return new Set(info.map((column) => column.name));
}

function pick(row: Record<string, unknown>, columns: Set<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([name]) => columns.has(name)));
}

async function insertAll(db: Knex, table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_TRANSACTION) {
    await db.transaction(async (trx) => {
      const part = rows.slice(start, start + ROWS_PER_TRANSACTION);
      for (let i = 0; i < part.length; i += ROWS_PER_INSERT)
        await trx(table).insert(part.slice(i, i + ROWS_PER_INSERT));
    });
  }
}

const fmt = (n: number): string => n.toLocaleString('en-US');
