import type { Knex } from 'knex';
import { createRequire } from 'node:module';

type KnexFactory = (config: Knex.Config) => Knex;
type Logger = { warn: (message: string) => void; info: (message: string) => void };
/** The part of a Directus extension context this needs (an endpoint's or a hook's). */
type DirectusContext = { database: Knex; env: Record<string, unknown>; logger: Logger };

/** How many read-only SQLite connections serve the summaries at once (one per core on a small server). */
const READ_CONNECTIONS = 2;
/** How often the write-ahead log is copied back into the database file, off the requests' path. */
const CHECKPOINT_EVERY_MS = 1_000;
/**
 * Directus's own connection copies the log back itself only past this many pages (256 MB of 4 KB
 * pages): a safety net should the background checkpoint ever fall behind.
 */
const AUTO_CHECKPOINT_PAGES = 65_536;

let pending: Promise<Knex> | undefined;

/**
 * The database the dashboard's summary reads run on.
 *
 * Directus opens ONE SQLite connection (knex's default pool for sqlite3), so every query of every
 * request waits for the one before it: a summary page's aggregates over 100,000 households and their
 * needs run one after another on one core. On SQLite this opens a small pool of read-only connections to
 * the same file, so those aggregates run side by side. The file is switched to write-ahead logging
 * (PRAGMA journal_mode = WAL, kept in the file) first: readers then never block Directus's writer and
 * the writer never blocks them, so a long import or re-classification cannot make a summary fail, nor
 * the other way round. Each reader sees the data as last committed.
 *
 * Commits then only append to the log (synchronous = NORMAL) and a checkpoint every second copies the log
 * into the file in the background, as PostgreSQL does with its own write-ahead log.
 *
 * PostgreSQL (and any other client) already has a pool: Directus's own database is returned. So is it
 * when the file cannot switch to WAL or knex cannot be loaded; reads then simply wait their turn.
 */
export function readDatabase({ database: main, env, logger }: DirectusContext): Promise<Knex> {
  pending ??= openReadDatabase(main, env, logger).catch((error: unknown) => {
    logger.warn(
      `SIAP-PD: koneksi baca SQLite tambahan tidak dibuka (${String(error)}); ringkasan memakai koneksi utama.`,
    );
    return main;
  });
  return pending;
}

async function openReadDatabase(main: Knex, env: Record<string, unknown>, logger: Logger): Promise<Knex> {
  const client = String(main.client.config.client ?? '');
  const filename = env['DB_FILENAME'];
  if (
    !client.includes('sqlite') ||
    typeof filename !== 'string' ||
    filename === '' ||
    filename === ':memory:'
  ) {
    return main;
  }
  if ((await journalMode(main)) !== 'wal') {
    const rows = (await main.raw('PRAGMA journal_mode = WAL')) as Array<{ journal_mode?: string }>;
    if (rows[0]?.journal_mode !== 'wal') {
      logger.warn(
        `SIAP-PD: basis data SQLite tidak dapat beralih ke mode WAL; ringkasan memakai koneksi utama.`,
      );
      return main;
    }
    logger.info('SIAP-PD: basis data SQLite kini memakai write-ahead logging (WAL).');
  }
  const knex = loadKnex();
  if (knex === null) return main;
  // Like PostgreSQL: a commit appends to the log and returns; the log is copied into the database file
  // by a background checkpoint. With WAL, synchronous = NORMAL keeps the file consistent after a crash;
  // only the last commits before a power loss may be lost. Both settings are for Directus's connection.
  await main.raw('PRAGMA synchronous = NORMAL');
  await main.raw(`PRAGMA wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
  const reader = knex({
    client: 'sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: {
      // kept open: each connection keeps its own page cache warm between page loads
      min: READ_CONNECTIONS,
      max: READ_CONNECTIONS,
      afterCreate: (
        connection: SqliteConnection,
        done: (error: Error | null, connection: unknown) => void,
      ) => {
        // Guard: these connections only ever read.
        connection.run('PRAGMA query_only = 1', (error) => done(error, connection));
      },
    },
  });
  // PASSIVE: copies what no reader still needs, never waits for or blocks Directus's writer. On a
  // connection of its own: after a large commit (an allocation run rewrites most pages of needs) the
  // copy takes a while, and reads queued behind it on a read connection waited as long.
  const checkpointer = knex({
    client: 'sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: { min: 1, max: 1 },
  });
  let copying = false;
  setInterval(() => {
    if (copying) return;
    copying = true;
    checkpointer
      .raw('PRAGMA wal_checkpoint(PASSIVE)')
      .catch((error: unknown) => {
        logger.warn(`SIAP-PD: checkpoint WAL gagal (${String(error)}); dicoba lagi.`);
      })
      .finally(() => {
        copying = false;
      });
  }, CHECKPOINT_EVERY_MS).unref();
  return reader;
}

interface SqliteConnection {
  run(sql: string, callback: (error: Error | null) => void): void;
}

async function journalMode(database: Knex): Promise<string> {
  const rows = (await database.raw('PRAGMA journal_mode')) as Array<{ journal_mode?: string }>;
  return String(rows[0]?.journal_mode ?? '').toLowerCase();
}

/** knex as Directus itself loads it (not bundled into the extension); null when it cannot be found. */
function loadKnex(): KnexFactory | null {
  for (const from of [process.argv[1], import.meta.url]) {
    if (from === undefined) continue;
    try {
      const loaded = createRequire(from)('knex') as KnexFactory | { knex: KnexFactory };
      return typeof loaded === 'function' ? loaded : loaded.knex;
    } catch {
      // try the next location
    }
  }
  return null;
}
