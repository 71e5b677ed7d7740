import type {
  AllocationHousehold,
  AllocationInput,
  AllocationNeed,
  AllocationNeedTable,
  AllocationResult,
  AllocationRule,
  AllocationScope,
  AllocationSubKegiatan,
  ExistingIntervention,
  InterventionStatus,
  PlannedIntervention,
} from '@siap-pd/core/allocation-types';
import type { Classification } from '@siap-pd/core/types';
import type { Knex } from 'knex';
import { idSetOf, type IdSet } from './id-set.ts';
import { tablesWrittenBy } from './tables-written-by.ts';

// The only code that reads and writes allocation data: set-based queries (no per-item services),
// because a run touches hundreds of thousands of rows.
//
// SQLite: node-sqlite3 turns every row into a JavaScript object, about 25 µs per row here (7 s for
// 300,000 needs). So on SQLite a read asks SQLite for ONE JSON text (json_group_array) that V8 parses
// at once (10x faster), and writes pass the ids or rows as ONE JSON parameter expanded by json_each
// (one statement instead of hundreds). Other databases use plain chunked knex queries. Money comes
// back from PostgreSQL as strings (bigInteger): everything is converted here.

/** Rows per statement on other databases (PostgreSQL allows 65,535 bound parameters). */
const INSERT_CHUNK = 1_000;
const ID_CHUNK = 5_000;

type Row = Record<string, unknown>;

export type AllocationData = Omit<AllocationInput, 'scope' | 'overrides' | 'needs'> & {
  needs: AllocationNeedTable;
};

export function isSqlite(database: Knex): boolean {
  const client = (database as unknown as { client?: { config?: { client?: unknown } } }).client?.config
    ?.client;
  return client === 'sqlite3' || client === 'sqlite' || client === 'better-sqlite3';
}

/**
 * How a column is read: `number`; `text` (NULL reads as '', see toText); or a reference: a text
 * column holding keys of a small table (`key` is its primary key, e.g. indicators.key), read as that
 * table's rowid and turned back into the key here, one string per key.
 */
type ColumnKind = 'number' | 'text' | Reference;
type Reference = { table: string; key: string };
type ColumnKinds = Readonly<Record<string, ColumnKind>>;
type Columns = { count: number; columns: unknown[][] };

/** Separates the text values of a column on SQLite (the ASCII unit separator, never in a code or key). */
const UNIT_SEPARATOR = '\u001f';

/**
 * Runs a select and returns its values column by column, in the order of `kinds` (`count` rows).
 *
 * On SQLite, where every row turned into an object costs ~25 µs, it asks for ONE row: one JSON text
 * holding an array per number or reference column, and one text per text column with the values
 * joined by the unit separator. V8 parses flat arrays of numbers fast; a reference column costs SQLite
 * one index lookup per row and spares this thread a string per row (300,000 strings, each hashed again
 * by every lookup). If anything does not fit (a text holding the separator, a key missing from its
 * table), the columns are read again as plain JSON.
 */
async function readColumns(
  database: Knex,
  query: Knex.QueryBuilder,
  kinds: ColumnKinds,
  references: ReferenceReader = referenceReader(database),
): Promise<Columns> {
  const names = Object.keys(kinds);
  if (!isSqlite(database)) {
    const rows = (await query) as Row[];
    return { count: rows.length, columns: names.map((name) => rows.map((row) => row[name])) };
  }
  const native = query.toSQL().toNative();
  const bindings = native.bindings as readonly Knex.Value[];
  const kindOf = (name: string): ColumnKind => kinds[name] as ColumnKind;
  const packed = names.filter((name) => kindOf(name) !== 'text');
  const texts = names.filter((name) => kindOf(name) === 'text');
  const referenced = names.filter((name) => typeof kindOf(name) === 'object');
  const alias = (name: string): string => `r${referenced.indexOf(name)}`;
  const selected = [
    `json_array(${packed
      .map((name) =>
        kindOf(name) === 'number'
          ? `json_group_array(q."${name}")`
          : // -1: a key that is not in its table (none while the foreign keys hold)
            `json_group_array(coalesce(${alias(name)}.rowid, case when q."${name}" is null then null else -1 end))`,
      )
      .join(', ')}) as packed`,
    ...texts.map((name, index) => `group_concat(coalesce(q."${name}", ''), char(31)) as t${index}`),
    'count(*) as n',
  ];
  const joins = referenced.map((name) => {
    const { table, key } = kindOf(name) as Reference;
    return `left join "${table}" as ${alias(name)} on ${alias(name)}."${key}" = q."${name}"`;
  });
  const [dictionaries, [row]] = await Promise.all([
    Promise.all(referenced.map((name) => references(kindOf(name) as Reference))),
    database.raw(
      `select ${selected.join(', ')} from (${native.sql}) as q ${joins.join(' ')}`,
      bindings,
    ) as Promise<Row[]>,
  ]);
  const count = Number(row?.['n'] ?? 0);
  const parsed = JSON.parse(String(row?.['packed'] ?? '[]')) as unknown[][];
  const byName = new Map<string, unknown[]>(packed.map((name, index) => [name, parsed[index] ?? []]));
  for (const [index, name] of referenced.entries()) {
    const keys = dictionaries[index] as (string | undefined)[];
    const values = byName.get(name) ?? [];
    for (let i = 0; i < values.length; i++) {
      const id = values[i];
      if (id === null) continue;
      const key = keys[id as number];
      if (key === undefined) return readColumnsAsJson(database, native.sql, bindings, names);
      values[i] = key;
    }
  }
  for (const [index, name] of texts.entries()) {
    const joined = row?.[`t${index}`];
    const values = count === 0 || typeof joined !== 'string' ? [] : joined.split(UNIT_SEPARATOR);
    if (values.length !== count) return readColumnsAsJson(database, native.sql, bindings, names);
    byName.set(name, values);
  }
  return { count, columns: names.map((name) => byName.get(name) ?? []) };
}

/** A reference table's keys by rowid. */
type ReferenceReader = (reference: Reference) => Promise<(string | undefined)[]>;

/** Reads each reference table once (several reads of one call share it). */
function referenceReader(database: Knex): ReferenceReader {
  const read = new Map<string, Promise<(string | undefined)[]>>();
  return (reference) => {
    const name = `${reference.table}.${reference.key}`;
    let keys = read.get(name);
    if (keys === undefined) {
      keys = (
        database.raw(`select rowid as id, "${reference.key}" as value from "${reference.table}"`) as Promise<
          { id: number; value: unknown }[]
        >
      ).then((rows) => {
        const byRowid: (string | undefined)[] = [];
        for (const { id, value } of rows) byRowid[id] = String(value);
        return byRowid;
      });
      read.set(name, keys);
    }
    return keys;
  };
}

async function readColumnsAsJson(
  database: Knex,
  sql: string,
  bindings: readonly Knex.Value[],
  names: readonly string[],
): Promise<Columns> {
  const list = names.map((name) => `json_group_array(q."${name}")`).join(', ');
  const result = (await database.raw(
    `select json_array(${list}) as packed from (${sql}) as q`,
    bindings,
  )) as {
    packed: string | null;
  }[];
  const parsed = JSON.parse(result[0]?.packed ?? '[]') as unknown[][];
  const columns = names.map((_, index) => parsed[index] ?? []);
  return { count: columns[0]?.length ?? 0, columns };
}

/** Appends columnar reads of the same columns, in order. */
function concatColumns(parts: readonly Columns[]): Columns {
  if (parts.length === 1) return parts[0] as Columns;
  const width = parts[0]?.columns.length ?? 0;
  return {
    count: parts.reduce((total, part) => total + part.count, 0),
    columns: Array.from({ length: width }, (_, index) =>
      ([] as unknown[]).concat(...parts.map((part) => part.columns[index] ?? [])),
    ),
  };
}

/** Starts a knex query at once (a builder only runs when awaited) and keeps its outcome for later. */
function runNow<T>(query: PromiseLike<T>): Promise<T> {
  const started = Promise.resolve(query);
  // handled when awaited; this keeps an early failure from counting as unhandled meanwhile
  started.catch(() => undefined);
  return started;
}

/**
 * Lets the query just started reach the database thread before this thread does synchronous work.
 * node-sqlite3 prepares a statement in its thread pool and only queues the statement's run when this
 * thread has handled the prepare's completion: one turn of the event loop is not always enough (the
 * run then waited for all of the synchronous work), a few milliseconds are.
 */
function yieldToDatabase(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 3));
}

/** One column of `readColumns` (an empty column when absent). */
function column(table: { columns: unknown[][] }, index: number): unknown[] {
  return table.columns[index] ?? [];
}

type Tuple<T, N extends number, R extends T[] = []> = R['length'] extends N ? R : Tuple<T, N, [...R, T]>;

/** The first `count` columns of a columnar read, as a tuple to destructure. */
function columnsOf<N extends number>(table: { columns: unknown[][] }, count: N): Tuple<unknown[], N> {
  return Array.from({ length: count }, (_, index) => column(table, index)) as Tuple<unknown[], N>;
}

// ---------------------------------------------------------------------------------------------
// A what-if page asks for many previews of the same data. On SQLite the data of the last year read
// stays in memory and is reused while the database has not changed: Directus holds a single SQLite
// connection, so total_changes() of that connection counts every write made through Directus, and
// PRAGMA data_version changes when any other connection (another process) commits. Elsewhere nothing
// is cached.
//
// Most writes do not touch what the copy holds: a pagu edited, a login, an activity row. Once
// watchAllocationWrites listens to Directus's database, every statement sent through it is read for
// the tables it writes (tablesWrittenBy). While none of them touched the copy's tables, a changed
// total_changes() keeps the copy, and only the small tables (rules, sub-kegiatan, the year's pagu)
// are read again. Another process's commit (data_version) still means a fresh read.

type Cached = { year: number; token: string; data: AllocationData; timer: NodeJS.Timeout | null };
let cached: Cached | null = null;
const CACHE_IDLE_MS = 10 * 60 * 1000;

/** Tables the in-memory copy holds rows of: any write to them means a fresh read. */
const COPIED_TABLES = new Set(['households', 'surveys', 'needs', 'interventions', 'allocation_runs']);
/**
 * Tables whose keys copied rows hold: deleting one of their rows can change copied rows (ON DELETE SET
 * NULL or CASCADE, e.g. needs.sub_kegiatan); inserting or editing one cannot (a referenced key cannot
 * change: ON UPDATE NO ACTION). Of these, rules and sub-kegiatan are read again on every call anyway.
 */
const REFERENCED_TABLES = new Set(['sub_kegiatan', 'indicators', 'perangkat_daerah', 'desa', 'kecamatan']);

/** Statements sent through a watched database that wrote to what the copy holds (or changed the schema). */
let copyWrites = 0;
const watched = new WeakSet<object>();
/** Whether any database is watched: until then any write means a fresh read. */
let watchedAny = false;

/** Whether a statement may change what the in-memory copy holds. */
export function touchesAllocationCopy(sql: string): boolean {
  const writes = tablesWrittenBy(sql);
  if (writes === 'schema') return true;
  return writes.some(
    ({ table, kind }) => COPIED_TABLES.has(table) || (kind === 'delete' && REFERENCED_TABLES.has(table)),
  );
}

/**
 * Counts the statements sent through `database` (Directus's own; knex reports every statement,
 * transactions' included, when it is sent on the connection) that may change the copy. Call once at
 * start, before the first read; until then every write means a fresh read.
 */
export function watchAllocationWrites(database: Knex): void {
  if (!isSqlite(database) || watched.has(database)) return;
  watched.add(database);
  watchedAny = true;
  database.on('query', (query: { sql?: unknown }) => {
    if (typeof query.sql === 'string' && touchesAllocationCopy(query.sql)) copyWrites++;
  });
}

/**
 * Whether a copy read at token `then` still holds at token `now`: nothing written at all, or (once
 * Directus's database is watched) only writes through Directus's connection to other tables.
 */
function copyHolds(then: string, now: string): boolean {
  if (then === now) return true;
  if (!watchedAny) return false;
  // total_changes():data_version:max(needs.id):copyWrites; only the first may differ
  return then.slice(then.indexOf(':')) === now.slice(now.indexOf(':'));
}

async function freshnessToken(database: Knex): Promise<string | null> {
  if (!isSqlite(database)) return null;
  // counted BEFORE the queries: a statement counted later was sent later (and the next token differs)
  const writes = copyWrites;
  const changes = (await database.raw('select total_changes() as changes')) as { changes: number }[];
  const version = (await database.raw('pragma data_version')) as { data_version: number }[];
  // a cheap guard besides (the rowid's maximum is read from the end of the table); counting the needs
  // cost 30 ms at 300,000 and told nothing the two above do not
  const needs = (await database.raw('select max(id) as m from needs')) as { m: number | null }[];
  return [changes[0]?.changes, version[0]?.data_version, needs[0]?.m, writes].join(':');
}

/**
 * Everything an allocation of `year` reads, for the whole region (the scope is applied by the core,
 * which also needs out-of-scope interventions for the reservation): every household with whether its
 * counted survey is verified, the needs that are open or planned, the need rules, the sub-kegiatan
 * catalogue, the year's ceilings and every intervention that is of the year or still holds needs.
 * `fromCache` tells whether the in-memory copy was still valid.
 */
export async function readAllocationData(
  database: Knex,
  year: number,
  phases?: Phases,
  readers: Knex = database,
): Promise<{ data: AllocationData; fromCache: boolean }> {
  // a run that just answered is making its copy (rememberRunOnce): waiting for it costs far less than
  // reading everything again. Not inside a transaction: the copy is checked on Directus's connection.
  if (!isTransaction(database)) await remembering;
  // The token comes from `database` BEFORE the rows (which `readers` may read on other connections): a
  // write in between leaves the copy with an older token, so the next call reads again.
  const token = await freshnessToken(database);
  if (token !== null && cached !== null && cached.year === year) {
    const entry = cached;
    if (entry.token === token) {
      touch(entry);
      return { data: entry.data, fromCache: true };
    }
    if (copyHolds(entry.token, token)) {
      // written meanwhile, but none of it to the copied tables: the small ones are read again
      const data = { ...entry.data, ...(await readSettings(readers, year)) };
      if (cached === entry) {
        entry.data = data;
        entry.token = token;
        touch(entry);
      }
      return { data, fromCache: true };
    }
  }
  // the stale copy goes first: two copies of 400,000 rows at once would only slow the garbage collector
  forgetAllocationData();
  const data = await readFresh(readers, year, phases);
  if (token !== null) {
    if (cached?.timer) clearTimeout(cached.timer);
    cached = { year, token, data, timer: null };
    touch(cached);
  }
  return { data, fromCache: false };
}

/**
 * What a committed run left behind, to keep the in-memory copy valid instead of reading 400,000 rows
 * again: `token` is the freshness token read as the last statement of the run's transaction.
 */
export type RunAftermath = {
  year: number;
  token: string;
  data: AllocationData;
  result: AllocationResult;
  run: number;
  written: Written;
};

/** The freshness token inside a transaction (SQLite only; null elsewhere). */
export async function readFreshnessToken(database: Knex): Promise<string | null> {
  return freshnessToken(database);
}

/** How long rememberRunOnce waits for the run's answer to go out before it starts anyway. */
const REMEMBER_WAIT_MS = 10_000;

/** The rememberRun under way, if any (settled otherwise; never rejects). */
let remembering: Promise<unknown> = Promise.resolve();

function isTransaction(database: Knex): boolean {
  return (database as unknown as { isTransaction?: boolean }).isTransaction === true;
}

/**
 * Runs rememberRun once `ready` settles (the run's answer has gone out); a preview or run that comes
 * meanwhile waits for it instead of reading afresh. Never rejects: a failure only leaves no copy.
 */
export function rememberRunOnce(
  ready: Promise<unknown>,
  database: Knex,
  after: RunAftermath,
  readers: Knex = database,
): Promise<boolean> {
  // never later than REMEMBER_WAIT_MS: a preview waiting for the copy must not wait on a lost answer
  const due = new Promise<void>((resolve) => setTimeout(resolve, REMEMBER_WAIT_MS).unref());
  const work = Promise.race([ready, due])
    .then(() => rememberRun(database, after, readers))
    .catch(() => {
      forgetAllocationData();
      return false;
    });
  remembering = work;
  return work;
}

/** Modulus of the position checksum (keeps every sum an exact integer). */
const CHECK_MODULUS = 1_000_003;

/**
 * After a run committed: the data the allocation read, changed as the run changed it (released
 * interventions gone, this run's interventions in, need statuses moved), becomes the cached copy,
 * but only when nothing that the copy holds was written since the run's last statement (copyHolds,
 * before and after the check below; a pagu edited meanwhile is fine). Otherwise the cache stays empty.
 *
 * The new interventions' ids are those SQLite gave in one insert, consecutive in the order of the
 * rows; one aggregate on a read connection checks that against the table (how many, first, last,
 * and a checksum of household by position), so no id has to be read or looked up here: after the
 * heaviest run that was 190,000 ids and a second of this thread before the next request.
 */
export async function rememberRun(
  database: Knex,
  after: RunAftermath,
  readers: Knex = database,
): Promise<boolean> {
  forgetAllocationData();
  const { data, result, year, written } = after;
  const ids = written.ids;
  const holds = async (): Promise<boolean> => {
    const now = await freshnessToken(database);
    return now !== null && copyHolds(after.token, now);
  };
  if (!isSqlite(database) || ids === null || !(await holds())) return false;
  const households = written.inserted.map(
    (index) => (result.interventions[index] as PlannedIntervention).household,
  );
  if (households.length > 0) {
    const first = ids[written.inserted[0] as number] as number;
    let check = 0;
    for (const [position, household] of households.entries())
      check = (check + ((position * household) % CHECK_MODULUS)) % CHECK_MODULUS;
    // on a read connection (readDatabase): Directus's own connection stays free for the next request
    const [row] = (await readers.raw(
      `select count(*) as n, min(id) as lo, max(id) as hi,
              sum(((id - ?) * household) % ${CHECK_MODULUS}) % ${CHECK_MODULUS} as "check"
       from interventions where allocation_run = ? and id >= ?`,
      [first, after.run, first],
    )) as { n: number; lo: number; hi: number; check: number }[];
    const expected = { n: households.length, lo: first, hi: first + households.length - 1, check };
    if (
      row === undefined ||
      (Object.keys(expected) as (keyof typeof expected)[]).some((key) => Number(row[key]) !== expected[key])
    )
      return false;
  }
  if (!(await holds())) return false;
  const released = idSetOf(result.release.interventions);
  const interventions: ExistingIntervention[] = data.interventions.filter((old) => !released.has(old.id));
  for (const [index, planned] of result.interventions.entries()) {
    interventions.push({
      id: ids[index] as number,
      household: planned.household,
      sub_kegiatan: planned.sub_kegiatan,
      perangkat_daerah: planned.perangkat_daerah,
      desa: planned.desa,
      kecamatan: planned.kecamatan,
      fiscal_year: year,
      status: 'planned',
      planned_cost: planned.planned_cost,
      finalised: false,
      need: planned.need,
      unit_cost: planned.unit_cost,
    });
  }
  const { served } = written;
  const reopened = idSetOf(written.reopened);
  const status = data.needs.status.map((current, i) => {
    const id = data.needs.id[i] as number;
    return served.has(id) ? 'planned' : reopened.has(id) ? 'open' : current;
  });
  const needs = { ...data.needs, status };
  // the run's token: the next read compares with it (and reads the small tables again if need be)
  cached = { year, token: after.token, data: { ...data, interventions, needs }, timer: null };
  touch(cached);
  return true;
}

/** Forgets the cached copy (after our own writes the token changes anyway; this frees the memory at once). */
export function forgetAllocationData(): void {
  if (cached?.timer) clearTimeout(cached.timer);
  cached = null;
}

function touch(entry: Cached): void {
  if (entry.timer) clearTimeout(entry.timer);
  entry.timer = setTimeout(() => {
    if (cached === entry) cached = null;
  }, CACHE_IDLE_MS);
  entry.timer.unref();
}

type IdRange = (where: Knex.QueryBuilder) => void;

/**
 * `parts` id ranges that together cover `table`, to read side by side: each goes to whichever read
 * connection is free first, and this thread decodes one part while SQLite reads the next. One range
 * inside a transaction, where reads queue on one connection anyway.
 */
async function idRanges(database: Knex, table: string, parts: number, column: string): Promise<IdRange[]> {
  const all: IdRange = () => undefined;
  if (isTransaction(database)) return [all];
  const [bounds] = (await database(table).min('id as low').max('id as high')) as Row[];
  const low = toNumber(bounds?.['low']);
  const high = toNumber(bounds?.['high']);
  if (low === null || high === null || high - low < parts) return [all];
  const step = (high - low + 1) / parts;
  return Array.from({ length: parts }, (_, part): IdRange => {
    const from = Math.floor(low + part * step);
    const to = part === parts - 1 ? high : Math.floor(low + (part + 1) * step) - 1;
    return (where) => void where.whereBetween(column, [from, to]);
  });
}

const SUB_KEGIATAN: Reference = { table: 'sub_kegiatan', key: 'code' };
/** the needs are read in this many id ranges (four: each of the two read connections gets two) */
const NEEDS_PARTS = 4;
/** interventions too (after a run, those of the year are tens of thousands) */
const INTERVENTION_PARTS = 2;

/**
 * Reads `table` in `parts` id ranges side by side (idRanges) and appends the parts in id order;
 * `column` is the id as the query names it.
 */
async function readInParts(
  database: Knex,
  [table, column]: [table: string, column: string],
  parts: number,
  read: (range: IdRange) => Promise<Columns>,
): Promise<Columns> {
  const ranges = await idRanges(database, table, parts, column);
  return concatColumns(await Promise.all(ranges.map(read)));
}

/** A 0/1 (SQLite) or boolean (PostgreSQL) column. */
function isTrue(value: unknown): boolean {
  return value === 1 || value === true || value === '1';
}

async function readFresh(database: Knex, year: number, phases?: Phases): Promise<AllocationData> {
  const lap = stopwatch(phases);
  // All reads start at once: on SQLite's read-only connections (readDatabase) or PostgreSQL's pool they
  // run side by side; on one connection or in a transaction they simply queue.
  const timedRead = async <T>(name: string, read: PromiseLike<T>): Promise<T> => {
    const started = performance.now();
    const result = await read;
    if (phases !== undefined) phases[name] = Math.round(performance.now() - started);
    return result;
  };
  const references = referenceReader(database);
  const householdsRead = timedRead(
    'read_households',
    readColumns(
      database,
      database('households as h')
        .leftJoin('surveys as s', 's.id', 'h.classified_survey')
        .select(
          'h.id',
          'h.desa',
          'h.kecamatan',
          'h.classification',
          'h.income_per_capita',
          'h.poverty_line_used',
          'h.extreme_line_used',
          database.raw('(s.status = ?) as verified', ['verified']),
        ),
      {
        id: 'number',
        // text: a lookup per row costs SQLite more than splitting costs this thread (only scopes use them)
        desa: 'text',
        kecamatan: 'text',
        classification: 'text',
        income_per_capita: 'number',
        poverty_line_used: 'number',
        extreme_line_used: 'number',
        verified: 'number',
      },
    ),
  );
  // the needs are most of what is read: in parts by id, side by side
  const needsRead = timedRead(
    'read_needs',
    readInParts(database, ['needs', 'id'], NEEDS_PARTS, (range) =>
      readColumns(
        database,
        (isSqlite(database)
          ? // a plain scan in id order: the status index (siap_needs_summary; older databases also
            // have needs_status_index) makes SQLite visit the rows in random order, twice as slow
            // when most needs are open or planned
            database('needs').whereRaw('+"status" in (?, ?)', ['open', 'planned'])
          : database('needs').whereIn('status', ['open', 'planned'])
        )
          .andWhere(range)
          .select(
            'id',
            'household',
            'indicator',
            'sub_kegiatan',
            'quantity',
            database.raw('(status = ?) as planned', ['planned']),
          ),
        {
          id: 'number',
          household: 'number',
          indicator: { table: 'indicators', key: 'key' },
          sub_kegiatan: SUB_KEGIATAN,
          quantity: 'number',
          planned: 'number',
        },
        references,
      ),
    ),
  );
  const settingsRead = runNow(readSettings(database, year));
  const interventionsRead = timedRead(
    'read_reference_interventions',
    readInParts(database, ['interventions', 'i.id'], INTERVENTION_PARTS, (range) =>
      readColumns(
        database,
        database('interventions as i')
          .leftJoin('allocation_runs as r', 'r.id', 'i.allocation_run')
          .where((where) => {
            if (isSqlite(database))
              // a plain scan of each id range: through the two indexes (MULTI-INDEX OR) SQLite fetched
              // every row at random, and each range again scanned both indexes whole
              where
                .whereRaw('+"i"."fiscal_year" = ?', [year])
                .orWhereRaw('+"i"."status" in (?, ?, ?)', ['planned', 'budgeted', 'in_progress']);
            else
              where
                .where('i.fiscal_year', year)
                .orWhereIn('i.status', ['planned', 'budgeted', 'in_progress']);
          })
          .andWhere(range)
          .select(
            'i.id',
            'i.household',
            'i.sub_kegiatan',
            'i.perangkat_daerah',
            'i.desa',
            'i.kecamatan',
            'i.fiscal_year',
            'i.status',
            'i.planned_cost',
            database.raw('(r.status = ?) as finalised', ['ditetapkan']),
            'i.need',
            'i.unit_cost',
          ),
        {
          id: 'number',
          household: 'number',
          sub_kegiatan: SUB_KEGIATAN,
          perangkat_daerah: { table: 'perangkat_daerah', key: 'id' },
          desa: 'text',
          kecamatan: 'text',
          fiscal_year: 'number',
          status: 'text',
          planned_cost: 'number',
          finalised: 'number',
          need: 'number',
          unit_cost: 'number',
        },
        references,
      ),
    ),
  );
  const [households, needs, settings, interventions] = await Promise.all([
    householdsRead,
    needsRead,
    settingsRead,
    interventionsRead,
  ]);
  lap('read_rows');

  const data: AllocationData = {
    fiscal_year: year,
    households: householdsOf(households),
    needs: needsOf(needs),
    ...settings,
    interventions: interventionsOf(interventions),
  };
  lap('read_convert');
  return data;
}

/** The small tables of an allocation: the need rules, the sub-kegiatan catalogue, the year's pagu. */
type AllocationSettings = Pick<AllocationData, 'rules' | 'sub_kegiatan' | 'ceilings'>;

async function readSettings(database: Knex, year: number): Promise<AllocationSettings> {
  const [rules, subKegiatan, ceilings] = (await Promise.all([
    database('indicators').select('key', 'applies_to'),
    database('sub_kegiatan').select('code', 'name', 'perangkat_daerah', 'unit', 'unit_cost', 'active'),
    database('budget_ceilings')
      .where({ fiscal_year: year })
      .orderBy('id')
      .select('perangkat_daerah', 'amount'),
  ])) as [Row[], Row[], Row[]];
  const ceilingByAgency: Record<string, number> = {};
  for (const row of ceilings) {
    const amount = toNumber(row['amount']);
    // one pagu per agency and year; if there are several, the latest row counts
    if (amount !== null) ceilingByAgency[String(row['perangkat_daerah'])] = amount;
  }
  return {
    rules: rules.map((row): AllocationRule => ({
      key: String(row['key']),
      applies_to: toClassList(row['applies_to']),
    })),
    sub_kegiatan: subKegiatan.map((row): AllocationSubKegiatan => ({
      code: String(row['code']),
      name: String(row['name'] ?? ''),
      perangkat_daerah: String(row['perangkat_daerah']),
      unit: toText(row['unit']),
      unit_cost: toNumber(row['unit_cost']),
      active: row['active'] !== false && row['active'] !== 0 && row['active'] !== '0',
    })),
    ceilings: ceilingByAgency,
  };
}

function householdsOf(table: Columns): AllocationHousehold[] {
  const [id, desa, kecamatan, classification, perCapita, povertyLine, extremeLine, verified] = columnsOf(
    table,
    8,
  );
  const list = new Array<AllocationHousehold>(table.count);
  for (let i = 0; i < table.count; i++) {
    list[i] = {
      id: Number(id[i]),
      desa: toText(desa[i]),
      kecamatan: toText(kecamatan[i]),
      classification: toText(classification[i]) as Classification | null,
      per_capita: toNumber(perCapita[i]),
      poverty_line_used: toNumber(povertyLine[i]),
      extreme_line_used: toNumber(extremeLine[i]),
      verified: isTrue(verified[i]),
    };
  }
  return list;
}

function needsOf(table: Columns): AllocationNeedTable {
  const [id, household, indicator, subKegiatan, quantity, planned] = columnsOf(table, 6);
  const status = new Array<AllocationNeed['status']>(table.count);
  for (let i = 0; i < table.count; i++) status[i] = isTrue(planned[i]) ? 'planned' : 'open';
  return {
    id: asNumbers(id),
    household: asNumbers(household),
    indicator: asTexts(indicator) as string[],
    sub_kegiatan: asTexts(subKegiatan),
    quantity: asNumbers(quantity),
    status,
  };
}

/**
 * The column itself when it holds only numbers and null (SQLite's JSON), else a copy through toNumber
 * (PostgreSQL's bigints come as text). One empty quantity no longer copies the whole column.
 */
function asNumbers<T extends number | null = number>(values: unknown[]): T[] {
  for (const value of values)
    if (value !== null && typeof value !== 'number') return values.map(toNumber) as T[];
  return values as T[];
}

/** The column itself when it holds only non-empty text and null, else a copy through toText. */
function asTexts(values: unknown[]): (string | null)[] {
  for (const value of values)
    if (value !== null && (typeof value !== 'string' || value === '')) return values.map(toText);
  return values as (string | null)[];
}

function interventionsOf(table: Columns): ExistingIntervention[] {
  const [id, household, code, agency, desa, kecamatan, year, status, plannedCost, finalised, need, unitCost] =
    columnsOf(table, 12);
  const list = new Array<ExistingIntervention>(table.count);
  for (let i = 0; i < table.count; i++) {
    list[i] = {
      id: Number(id[i]),
      household: Number(household[i]),
      sub_kegiatan: String(code[i]),
      perangkat_daerah: String(agency[i]),
      desa: toText(desa[i]),
      kecamatan: toText(kecamatan[i]),
      fiscal_year: Number(year[i]),
      status: String(status[i]) as InterventionStatus,
      planned_cost: toNumber(plannedCost[i]),
      finalised: isTrue(finalised[i]),
      need: toNumber(need[i]),
      unit_cost: toNumber(unitCost[i]),
    };
  }
  return list;
}

export type Phases = Record<string, number>;

/**
 * Adds the wall milliseconds since the previous lap to `phases[name]` and the process CPU
 * milliseconds (all threads, SQLite's included) to `phases['cpu_' + name]`; nothing without `phases`.
 */
export function stopwatch(phases: Phases | undefined): (name: string) => void {
  if (phases === undefined) return () => undefined;
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  return (name) => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    phases[name] = (phases[name] ?? 0) + Math.round(now - last);
    phases[`cpu_${name}`] = (phases[`cpu_${name}`] ?? 0) + Math.round((cpu.user + cpu.system) / 1000);
    last = now;
    lastCpu = process.cpuUsage();
  };
}

export type RunRecord = {
  fiscal_year: number;
  scope: AllocationScope | null;
  parameters: Record<string, unknown>;
  user: string | null;
  now: Date;
};

export type RunWrites = {
  run: number;
  /** interventions of earlier runs released by this one (deleted or taken over) */
  released: number;
  /** released interventions this run plans again unchanged: kept, re-pointed to this run */
  kept: number;
  deleted: number;
  inserted: number;
  /** interventions of this run (kept + inserted) */
  created: number;
  reopened_needs: number;
  planned_needs: number;
};

/** What a run wrote, beyond the counts: what rememberRun needs to keep the in-memory copy. */
export type Written = {
  /** the id of each of result.interventions in its order; null when SQLite's numbering is not known */
  ids: number[] | null;
  /** indexes into result.interventions of the inserted ones, in the order they were inserted */
  inserted: readonly number[];
  /** needs now planned, and released needs opened again */
  served: IdSet;
  reopened: readonly number[];
};

export type WrittenRun = { writes: RunWrites; written: Written };

const INTERVENTION_COLUMNS = [
  'household',
  'need',
  'sub_kegiatan',
  'perangkat_daerah',
  'desa',
  'kecamatan',
  'fiscal_year',
  'allocation_run',
  'quantity',
  'unit_cost',
  'planned_cost',
] as const;

/**
 * Writes a run inside the caller's transaction, set-based:
 * - the interventions the allocation released are deleted, except those this run plans again
 *   unchanged (same household, sub-kegiatan, need, unit cost, cost and desa): they are kept and
 *   re-pointed to this run (same id; far cheaper than delete + insert, and a reference stays valid);
 * - the allocation_runs row (status draft) and the new interventions (planned, with unit cost and
 *   planned cost snapshots and the household's region);
 * - needs: released ones no longer served return to open; served ones become planned.
 * `previous` is the interventions the allocation read (to know what a released id was).
 */
export async function writeAllocationRun(
  trx: Knex.Transaction,
  result: AllocationResult,
  record: RunRecord,
  previous: readonly ExistingIntervention[],
  phases?: Phases,
): Promise<WrittenRun> {
  if (result.unfunded_table === null)
    // a run records every unfunded item (allocateBudget with tabulate_unfunded); shown in the job record
    throw new Error(
      'daftar tidak terdanai tidak lengkap: alokasi harus menghitung semuanya (tabulate_unfunded)',
    );
  const lap = stopwatch(phases);
  const sqlite = isSqlite(trx);
  const reuse = sqlite || isPostgres(trx);

  // needs: only real changes (planned in id order)
  const servedIds: number[] = [];
  for (const intervention of result.interventions)
    for (const need of intervention.needs) servedIds.push(need);
  const served = idSetOf(servedIds);
  const releasedNeeds = idSetOf(result.release.needs);
  const reopen = result.release.needs.filter((id) => !served.has(id));
  const plan = served.sorted().filter((id) => !releasedNeeds.has(id));

  // The need statuses go first: one of the longest statements of a run on SQLite (every page of the
  // needs table and of siap_needs_summary), and it needs nothing else of this run. While SQLite works
  // on it in its own thread, this thread prepares the run record's JSON and the rows of the new
  // interventions.
  const planning = runNow(
    updateByIds(trx, sqlite, 'needs', plan, { status: 'planned', date_updated: record.now }),
  );
  await yieldToDatabase();

  const runRecord = {
    fiscal_year: record.fiscal_year,
    status: 'draft',
    scope: record.scope === null ? null : JSON.stringify(record.scope),
    parameters: JSON.stringify(record.parameters),
    totals: JSON.stringify(result.totals),
    agencies: JSON.stringify(result.agencies),
    lines: JSON.stringify(result.lines),
    // every item, as a table: a fifth of the JSON of one object per item (a usual run leaves ~200,000)
    unfunded: JSON.stringify(result.unfunded_table),
    date_created: record.now,
    user_created: record.user,
  };

  // which released interventions come back unchanged (looked up by household: a handful each)
  const releasedByHousehold = new Map<number, ExistingIntervention[]>();
  if (reuse && result.release.interventions.length > 0) {
    const released = idSetOf(result.release.interventions);
    for (const old of previous) {
      if (!released.has(old.id)) continue;
      const list = releasedByHousehold.get(old.household);
      if (list === undefined) releasedByHousehold.set(old.household, [old]);
      else list.push(old);
    }
  }
  // the id of each planned intervention, in the order of result.interventions: a kept one's now, a new
  // one's once SQLite has numbered it (0 until then)
  const ids = new Array<number>(result.interventions.length).fill(0);
  const kept: number[] = [];
  const fresh: number[] = [];
  for (const [index, intervention] of result.interventions.entries()) {
    const list = releasedByHousehold.get(intervention.household);
    const at = list === undefined ? -1 : list.findIndex((old) => sameIntervention(old, intervention));
    if (list === undefined || at < 0) {
      fresh.push(index);
    } else {
      const id = (list[at] as ExistingIntervention).id;
      kept.push(id);
      ids[index] = id;
      list.splice(at, 1);
    }
  }
  const keptIds = idSetOf(kept);
  const toDelete = result.release.interventions.filter((id) => !keptIds.has(id));

  // rows in household order: the indexes on household and need grow at their end
  const planned = result.interventions;
  fresh.sort((a, b) => {
    const x = planned[a] as PlannedIntervention;
    const y = planned[b] as PlannedIntervention;
    return x.household - y.household || (x.sub_kegiatan < y.sub_kegiatan ? -1 : 1);
  });
  const ordered = fresh.map((index) => planned[index] as PlannedIntervention);
  // SQLite: the year and the run are the same for every row: bound once, not read from each row's JSON
  const sqliteRows = sqlite
    ? JSON.stringify(
        ordered.map((intervention) => [
          intervention.household,
          intervention.need,
          intervention.sub_kegiatan,
          intervention.perangkat_daerah,
          intervention.desa,
          intervention.kecamatan,
          intervention.quantity,
          intervention.unit_cost,
          intervention.planned_cost,
        ]),
      )
    : null;
  lap('write_prepare');

  await planning;
  await updateByIds(trx, sqlite, 'needs', reopen, { status: 'open', date_updated: record.now });
  lap('write_need_statuses');

  const inserted = (await trx('allocation_runs').insert(runRecord).returning('id')) as (
    number | { id: number }
  )[];
  const first = inserted[0];
  const run = Number(typeof first === 'object' ? first.id : first);
  lap('write_run_record');

  await deleteByIds(trx, sqlite, 'interventions', toDelete, { status: 'planned' });
  if (reuse)
    await updateByIds(trx, sqlite, 'interventions', kept, { allocation_run: run, date_updated: record.now });
  lap('write_release_previous');

  if (sqliteRows !== null) {
    if (ordered.length > 0) {
      await trx.raw(
        `insert into interventions (${INTERVENTION_COLUMNS.join(', ')}, status, date_created)
         select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, ?, ?,
                value ->> 6, value ->> 7, value ->> 8, 'planned', ?
         from json_each(?)`,
        [record.fiscal_year, run, record.now, sqliteRows],
      );
      // one statement into an AUTOINCREMENT table: consecutive ids in the order of the rows
      // (rememberRun checks this against the table before it relies on it)
      const [last] = (await trx.raw('select last_insert_rowid() as id, changes() as n')) as {
        id: number;
        n: number;
      }[];
      if (last !== undefined && last.n === ordered.length) {
        const firstId = last.id - ordered.length + 1;
        for (const [position, index] of fresh.entries()) ids[index] = firstId + position;
      }
    }
  } else {
    for (const part of chunks(ordered, INSERT_CHUNK)) {
      await trx('interventions').insert(
        part.map((intervention) => ({
          household: intervention.household,
          need: intervention.need,
          sub_kegiatan: intervention.sub_kegiatan,
          perangkat_daerah: intervention.perangkat_daerah,
          desa: intervention.desa,
          kecamatan: intervention.kecamatan,
          fiscal_year: record.fiscal_year,
          allocation_run: run,
          quantity: intervention.quantity,
          unit_cost: intervention.unit_cost,
          planned_cost: intervention.planned_cost,
          status: 'planned',
          date_created: record.now,
        })),
      );
    }
  }
  lap('write_insert_interventions');

  const writes: RunWrites = {
    run,
    released: result.release.interventions.length,
    kept: kept.length,
    deleted: toDelete.length,
    inserted: ordered.length,
    created: result.interventions.length,
    reopened_needs: reopen.length,
    planned_needs: served.size,
  };
  const numbered = sqliteRows !== null && ids.every((id) => id > 0);
  return { writes, written: { ids: numbered ? ids : null, inserted: fresh, served, reopened: reopen } };
}

/** A released intervention planned again unchanged is kept instead of deleted and inserted again. */
function sameIntervention(old: ExistingIntervention, planned: PlannedIntervention): boolean {
  return (
    old.sub_kegiatan === planned.sub_kegiatan &&
    (old.need ?? null) === planned.need &&
    (old.unit_cost ?? null) === planned.unit_cost &&
    old.planned_cost === planned.planned_cost &&
    old.perangkat_daerah === planned.perangkat_daerah &&
    old.desa === planned.desa
  );
}

export function isPostgres(database: Knex): boolean {
  const client = (database as unknown as { client?: { config?: { client?: unknown } } }).client?.config
    ?.client;
  return client === 'pg' || client === 'postgres' || client === 'postgresql';
}

async function updateByIds(
  trx: Knex.Transaction,
  sqlite: boolean,
  table: string,
  ids: readonly number[],
  values: Record<string, Knex.Value>,
): Promise<void> {
  if (ids.length === 0) return;
  if (sqlite) {
    // a join with the ids (UPDATE ... FROM) instead of id IN (...): no temporary index of the ids
    // first (a third faster for 200,000 needs)
    const names = Object.keys(values);
    await trx.raw(
      `update "${table}" set ${names.map((name) => `"${name}" = ?`).join(', ')}
       from (select value as id from json_each(?)) as ids where "${table}".id = ids.id`,
      [...names.map((name) => values[name] as Knex.Value), JSON.stringify(ids)],
    );
    return;
  }
  for (const part of chunks(ids, ID_CHUNK)) await trx(table).whereIn('id', part).update(values);
}

async function deleteByIds(
  trx: Knex.Transaction,
  sqlite: boolean,
  table: string,
  ids: readonly number[],
  where: Record<string, Knex.Value>,
): Promise<void> {
  if (ids.length === 0) return;
  if (sqlite) {
    await trx(table)
      .whereRaw('id in (select value from json_each(?))', [JSON.stringify(ids)])
      .andWhere(where)
      .delete();
    return;
  }
  for (const part of chunks(ids, ID_CHUNK)) await trx(table).whereIn('id', part).andWhere(where).delete();
}

export type StoredRun = { id: number; fiscal_year: number; status: string };

export async function readRun(database: Knex, id: number): Promise<StoredRun | null> {
  const row = (await database('allocation_runs').where({ id }).first('id', 'fiscal_year', 'status')) as
    Row | undefined;
  if (!row) return null;
  return { id: Number(row['id']), fiscal_year: Number(row['fiscal_year']), status: String(row['status']) };
}

/** planning_settings.active_fiscal_year (the default year of exports and reports). */
export async function readActiveFiscalYear(database: Knex): Promise<number | null> {
  const row = (await database('planning_settings').first('active_fiscal_year')) as Row | undefined;
  return toNumber(row?.['active_fiscal_year']);
}

export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

export function toText(value: unknown): string | null {
  return value === null || value === undefined || value === '' ? null : String(value);
}

function toClassList(value: unknown): Classification[] | null {
  let list = value;
  if (typeof value === 'string') {
    try {
      list = JSON.parse(value) as unknown;
    } catch {
      return null;
    }
  }
  return Array.isArray(list) ? list.filter((item): item is Classification => typeof item === 'string') : null;
}
