import type { SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import type { Row } from './classification-rows.ts';

/** Keeps statements well below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const MAX_PARAMETERS = 8_000;

export type ClientKind = 'sqlite' | 'postgres' | 'other';

export function clientOf(database: Knex): ClientKind {
  const client = (database.client as { config?: { client?: unknown } }).config?.client;
  const name = typeof client === 'string' ? client : '';
  if (name.includes('sqlite')) return 'sqlite';
  if (name === 'pg' || name.includes('postgres') || name === 'cockroachdb') return 'postgres';
  return 'other';
}

/**
 * Runs `query`, which selects exactly `columns` (names, in that order), and returns its rows as knex
 * would. On SQLite the rows come back as ONE JSON text (json_group_array) that V8 parses at once:
 * node-sqlite3 spends about 10 µs building each row object, several times what parsing costs.
 * Reals travel as their 17 significant digits (SQLite's JSON keeps 15), so every value reads back
 * exactly as the driver would return it. Should SQLite refuse a value (a BLOB), the rows are read
 * the plain way.
 */
export async function selectRows(
  database: Knex,
  query: Knex.QueryBuilder,
  columns: readonly string[],
): Promise<Row[]> {
  if (clientOf(database) !== 'sqlite' || columns.length === 0 || columns.includes('*'))
    return (await query) as Row[];
  const native = query.toSQL().toNative();
  const cells = columns
    .map((column) => {
      const cell = `q.${quote(column)}`;
      return `CASE typeof(${cell}) WHEN 'real' THEN json(printf('%!.17g', ${cell})) ELSE ${cell} END`;
    })
    .join(', ');
  let packed: string;
  try {
    const result = (await database.raw(
      `SELECT json_group_array(json_array(${cells})) AS packed FROM (${native.sql}) AS q`,
      native.bindings as readonly Knex.Value[],
    )) as Array<{ packed?: unknown }>;
    packed = String(result[0]?.packed ?? '[]');
  } catch {
    return (await query) as Row[];
  }
  const rows = JSON.parse(packed) as unknown[][];
  const width = columns.length;
  return rows.map((cells) => {
    const row: Row = {};
    for (let i = 0; i < width; i += 1) row[columns[i] as string] = cells[i] ?? null;
    return row;
  });
}

const PG_CAST: Record<string, string> = {
  integer: 'integer',
  bigInteger: 'bigint',
  float: 'double precision',
  decimal: 'numeric',
  boolean: 'boolean',
  string: 'text',
  text: 'text',
  uuid: 'uuid',
};

/** Rows sharing exactly the same new values are written together once there are this many. */
const GROUP_MIN = 8;
const IDS_PER_STATEMENT = 4_000;

/**
 * Writes many rows' changes set-based, never one UPDATE per row:
 * - rows whose new values are identical (a new line for a whole class, 'resolved' for many needs)
 *   go in `UPDATE t SET ... WHERE id IN (...)`, a few thousand ids per statement;
 * - the others, grouped by the columns they change, in
 *   `UPDATE t SET c = v.column2, ... FROM (VALUES (...), (...)) AS v WHERE t.id = v.column1`
 *   (SQLite >= 3.33 and PostgreSQL both name VALUES columns column1, column2, ...).
 * `constants` are written to every row (e.g. a timestamp). Databases other than SQLite and
 * PostgreSQL fall back to one UPDATE per row for the second kind.
 */
export async function updateRows(
  database: Knex,
  schema: SchemaOverview,
  table: string,
  rows: ReadonlyArray<{ id: number; values: Record<string, unknown> }>,
  constants: Record<string, unknown> = {},
): Promise<void> {
  if (rows.length === 0) return;
  const sqlite = clientOf(database) === 'sqlite';
  const sameValues = new Map<string, { values: Record<string, unknown>; ids: number[] }>();
  for (const row of rows) {
    const key = JSON.stringify(row.values, (_key, value: unknown) => (value === undefined ? null : value));
    const group = sameValues.get(key);
    if (group === undefined) sameValues.set(key, { values: row.values, ids: [row.id] });
    else group.ids.push(row.id);
  }
  const rest = new Map<string, Array<{ id: number; values: Record<string, unknown> }>>();
  for (const group of sameValues.values()) {
    if (group.ids.length >= GROUP_MIN) {
      const values: Record<string, unknown> = { ...constants };
      for (const [column, value] of Object.entries(group.values)) values[column] = bindable(value);
      for (let start = 0; start < group.ids.length; start += IDS_PER_STATEMENT) {
        const ids = group.ids.slice(start, start + IDS_PER_STATEMENT);
        // SQLite: the ids as ONE JSON parameter (knex and the driver spend more on thousands of
        // bound ids than SQLite spends on the update)
        await (
          sqlite
            ? database(table).whereRaw('"id" IN (SELECT value FROM json_each(?))', [JSON.stringify(ids)])
            : database(table).whereIn('id', ids)
        ).update(values);
      }
      continue;
    }
    for (const id of group.ids) {
      const signature = Object.keys(group.values).join(',');
      const list = rest.get(signature);
      if (list === undefined) rest.set(signature, [{ id, values: group.values }]);
      else list.push({ id, values: group.values });
    }
  }
  for (const [signature, list] of rest) {
    await updateByValues(
      database,
      schema,
      table,
      signature === '' ? [] : signature.split(','),
      list,
      constants,
    );
  }
}

async function updateByValues(
  database: Knex,
  schema: SchemaOverview,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<{ id: number; values: Record<string, unknown> }>,
  constants: Record<string, unknown>,
): Promise<void> {
  const client = clientOf(database);
  if (client === 'other' || columns.length === 0) {
    for (const row of rows) {
      const values: Record<string, unknown> = { ...constants };
      for (const column of columns) values[column] = bindable(row.values[column]);
      if (Object.keys(values).length > 0) await database(table).where('id', row.id).update(values);
    }
    return;
  }
  const fields = schema.collections[table]?.fields ?? {};
  const cast = (column: string): string => {
    if (client !== 'postgres') return '?';
    const type = fields[column]?.type ?? (column === 'id' ? 'integer' : 'string');
    return `CAST(? AS ${PG_CAST[type] ?? 'text'})`;
  };
  const tuple = `(${['id', ...columns].map(cast).join(', ')})`;
  const constantNames = Object.keys(constants);
  const set = [
    ...columns.map((column, index) => `${quote(column)} = v.column${index + 2}`),
    ...constantNames.map((name) => `${quote(name)} = ?`),
  ].join(', ');
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / (columns.length + 1)));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    // placeholders in text order: the SET constants first, then the VALUES rows
    const bindings: unknown[] = constantNames.map((name) => bindable(constants[name]));
    for (const row of chunk) {
      bindings.push(row.id);
      for (const column of columns) bindings.push(bindable(row.values[column]));
    }
    const sql =
      `UPDATE ${quote(table)} SET ${set} FROM (VALUES ${chunk.map(() => tuple).join(', ')}) AS v ` +
      `WHERE ${quote(table)}.${quote('id')} = v.column1`;
    await database.raw(sql, bindings as Knex.RawBinding[]);
  }
}

/** Inserts rows in multi-row statements of at most a few thousand parameters. */
export async function insertRows(
  database: Knex,
  table: string,
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  if (rows.length === 0) return;
  const width = Object.keys(rows[0] ?? {}).length || 1;
  // at most 400 rows: knex writes a multi-row insert on SQLite as a compound SELECT (limit 500 terms)
  const perStatement = Math.max(1, Math.min(400, Math.floor(MAX_PARAMETERS / width)));
  for (let start = 0; start < rows.length; start += perStatement) {
    await database(table).insert(rows.slice(start, start + perStatement));
  }
}

/**
 * A conflict between two transactions that a retry resolves: a PostgreSQL deadlock or
 * serialization failure (a job chunk and a save touching the same household), SQLite busy.
 */
export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001' || code === 'SQLITE_BUSY';
}

function bindable(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
