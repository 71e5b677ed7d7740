import type { Knex } from 'knex';

// Set-based statements for the baseline import, one shape per database:
// - SQLite: the rows travel as ONE JSON parameter expanded by json_each (`value->>0`, `value->>1`,
//   ...), so a chunk of thousands of rows is one short statement with one binding instead of tens of
//   thousands of bound values (binding them costs more CPU than SQLite's own work);
// - PostgreSQL and others: multi-row VALUES with bound parameters (below 65,535 per statement),
//   typed with CAST where PostgreSQL cannot infer the type.
// Constants (a timestamp, the user) are bound once per statement, never inside the JSON: a Date
// is then stored exactly as knex would store it.

export type SqlClient = 'sqlite' | 'postgres' | 'other';

export function sqlClientOf(db: Knex): SqlClient {
  const client = (db.client as { config?: { client?: unknown } }).config?.client;
  const name = typeof client === 'string' ? client : '';
  if (name.includes('sqlite')) return 'sqlite';
  if (name === 'pg' || name.includes('postgres') || name === 'cockroachdb') return 'postgres';
  return 'other';
}

export type SqlColumn = { name: string; type: 'integer' | 'text' };

/** Bound parameters per statement on the VALUES path (SQLite allows 32,766, PostgreSQL 65,535). */
const MAX_PARAMETERS = 30_000;
/** Rows per statement on the SQLite JSON path (about 200 bytes of JSON each). */
const JSON_ROWS = 5_000;
/** Values per IN list: one query per chunk on PostgreSQL, short lists elsewhere. */
const IN_LIMIT: Record<SqlClient, number> = { sqlite: 5_000, postgres: 5_000, other: 500 };

/**
 * Reads the rows of `build(filter)` for the distinct `values`, `filter(qb, column)` restricting
 * `column` to them. The query must select exactly `columns` (names or aliases, in that order).
 * - SQLite: `column IN (SELECT value FROM json_each(?))` (one query, the index used per value), and
 *   the rows come back as ONE JSON text (json_group_array), which costs a fraction of what the
 *   driver spends building one object per row;
 * - elsewhere: `whereIn` in lists of a few thousand values.
 * No values, no query.
 */
export async function selectWhereIn<T extends Record<string, unknown>>(
  db: Knex,
  values: readonly (string | number)[],
  columns: readonly string[],
  build: (filter: (qb: Knex.QueryBuilder, column: string) => Knex.QueryBuilder) => Knex.QueryBuilder,
): Promise<T[]> {
  const unique = [...new Set(values)];
  if (unique.length === 0) return [];
  const client = sqlClientOf(db);
  if (client === 'sqlite') {
    const json = JSON.stringify(unique);
    const query = build((qb, column) =>
      qb.whereRaw('?? in (select value from json_each(?))', [column, json]),
    ).toSQL();
    const sql =
      `select json_group_array(json_array(${columns.map((c) => `t.${q(c)}`).join(', ')})) as json_rows ` +
      `from (${query.sql}) as t`;
    const answer = rowsOf<{ json_rows?: unknown }>(await db.raw(sql, query.bindings as Knex.RawBinding[]));
    const list = JSON.parse(String(answer[0]?.json_rows ?? '[]')) as unknown[][];
    return list.map((cells) => {
      const row: Record<string, unknown> = {};
      columns.forEach((column, i) => (row[column] = cells[i] ?? null));
      return row as T;
    });
  }
  const out: T[] = [];
  const limit = IN_LIMIT[client];
  for (let i = 0; i < unique.length; i += limit) {
    const part = unique.slice(i, i + limit);
    out.push(...((await build((qb, column) => qb.whereIn(column, part))) as T[]));
  }
  return out;
}

const q = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function rowsOf<T>(result: unknown): T[] {
  // sqlite3 answers with the rows, pg with { rows }
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: unknown[] } | undefined)?.rows ?? []) as T[];
}

/**
 * Inserts `rows` (values in the order of `columns`), each also given the `constants`; returns
 * the `returning` columns of the new rows (in no guaranteed order).
 */
export async function insertRows<T = Record<string, unknown>>(
  db: Knex,
  table: string,
  columns: readonly SqlColumn[],
  rows: readonly (readonly unknown[])[],
  options: { constants?: Record<string, unknown>; returning?: readonly string[] } = {},
): Promise<T[]> {
  if (rows.length === 0) return [];
  const constants = Object.entries(options.constants ?? {});
  const names = [...columns.map((c) => q(c.name)), ...constants.map(([name]) => q(name))].join(', ');
  const returning =
    options.returning === undefined || options.returning.length === 0
      ? ''
      : ` returning ${options.returning.map(q).join(', ')}`;
  const out: T[] = [];
  if (sqlClientOf(db) === 'sqlite') {
    const select = [...columns.map((_, i) => `value->>${i}`), ...constants.map(() => '?')].join(', ');
    const sql = `insert into ${q(table)} (${names}) select ${select} from json_each(?)${returning}`;
    for (let i = 0; i < rows.length; i += JSON_ROWS) {
      // (undefined inside an array becomes null in JSON)
      const json = JSON.stringify(rows.slice(i, i + JSON_ROWS));
      const bindings = [...constants.map(([, value]) => value), json] as Knex.RawBinding[];
      out.push(...rowsOf<T>(await db.raw(sql, bindings)));
    }
    return out;
  }
  const tuple = `(${[...columns.map(() => '?'), ...constants.map(() => '?')].join(', ')})`;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / (columns.length + constants.length)));
  for (let i = 0; i < rows.length; i += perStatement) {
    const part = rows.slice(i, i + perStatement);
    const bindings: unknown[] = [];
    for (const row of part) {
      for (let c = 0; c < columns.length; c += 1) bindings.push(row[c] ?? null);
      for (const [, value] of constants) bindings.push(value);
    }
    const sql = `insert into ${q(table)} (${names}) values ${part.map(() => tuple).join(', ')}${returning}`;
    out.push(...rowsOf<T>(await db.raw(sql, bindings as Knex.RawBinding[])));
  }
  return out;
}

/**
 * Sets `columns` of the rows whose `key` column equals each row's key (all rows of that key), and
 * the `constants` on each of them. One statement per few thousand rows:
 * SQLite `UPDATE t SET c = j.value->>1 ... FROM json_each(?) AS j WHERE t.key = j.value->>0`,
 * elsewhere `UPDATE t SET c = v.column2 ... FROM (VALUES (CAST(? AS ...), ...), ...) AS v
 * WHERE t.key = v.column1`
 * (SQLite >= 3.33 and PostgreSQL). Other databases: one UPDATE per row.
 */
export async function updateRowsByKey(
  db: Knex,
  table: string,
  key: SqlColumn,
  columns: readonly SqlColumn[],
  rows: readonly { key: number | string; values: readonly unknown[] }[],
  constants: Record<string, unknown> = {},
): Promise<void> {
  if (rows.length === 0 || (columns.length === 0 && Object.keys(constants).length === 0)) return;
  const client = sqlClientOf(db);
  const constantEntries = Object.entries(constants);
  if (client === 'other') {
    for (const row of rows) {
      const values: Record<string, unknown> = Object.fromEntries(constantEntries);
      columns.forEach((c, i) => (values[c.name] = row.values[i] ?? null));
      await db(table)
        .where(key.name, row.key)
        .update(values as Record<string, Knex.Value>);
    }
    return;
  }
  if (client === 'sqlite') {
    const set = [
      ...columns.map((c, i) => `${q(c.name)} = j.value->>${i + 1}`),
      ...constantEntries.map(([name]) => `${q(name)} = ?`),
    ].join(', ');
    const sql =
      `update ${q(table)} set ${set} from json_each(?) as j ` +
      `where ${q(table)}.${q(key.name)} = j.value->>0`;
    for (let i = 0; i < rows.length; i += JSON_ROWS) {
      const json = JSON.stringify(
        rows.slice(i, i + JSON_ROWS).map((r) => [r.key, ...columns.map((_, c) => r.values[c] ?? null)]),
      );
      await db.raw(sql, [...constantEntries.map(([, value]) => value), json] as Knex.RawBinding[]);
    }
    return;
  }
  const cast = (c: SqlColumn): string => `CAST(? AS ${c.type === 'integer' ? 'integer' : 'text'})`;
  const tuple = `(${[key, ...columns].map(cast).join(', ')})`;
  const set = [
    ...columns.map((c, i) => `${q(c.name)} = v.column${i + 2}`),
    ...constantEntries.map(([name]) => `${q(name)} = ?`),
  ].join(', ');
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / (columns.length + 1)));
  for (let i = 0; i < rows.length; i += perStatement) {
    const part = rows.slice(i, i + perStatement);
    // placeholders in text order: the SET constants first, then the VALUES rows
    const bindings: unknown[] = constantEntries.map(([, value]) => value);
    for (const row of part) {
      bindings.push(row.key);
      for (let c = 0; c < columns.length; c += 1) bindings.push(row.values[c] ?? null);
    }
    const sql =
      `update ${q(table)} set ${set} from (values ${part.map(() => tuple).join(', ')}) as v ` +
      `where ${q(table)}.${q(key.name)} = v.column1`;
    await db.raw(sql, bindings as Knex.RawBinding[]);
  }
}

/**
 * Runs `work` with SQLite's page cache of this connection raised to `kib` KiB (restored after):
 * a chunk touches pages of a dozen indexes, and with the default 2 MB cache SQLite spills dirty
 * pages to the file (and syncs its journal) in the middle of the transaction. No-op elsewhere.
 */
export async function withLargeSqliteCache<T>(db: Knex, kib: number, work: () => Promise<T>): Promise<T> {
  if (sqlClientOf(db) !== 'sqlite') return work();
  const current = rowsOf<{ cache_size?: unknown }>(await db.raw('PRAGMA cache_size'))[0]?.cache_size;
  const previous = Number(current);
  if (!Number.isFinite(previous) || previous === 0) return work();
  // negative: KiB; positive: pages (4 KiB each by default)
  if ((previous < 0 ? -previous : previous * 4) >= kib) return work();
  await db.raw(`PRAGMA cache_size = ${-Math.round(kib)}`);
  try {
    return await work();
  } finally {
    await db.raw(`PRAGMA cache_size = ${Math.round(previous)}`);
  }
}
