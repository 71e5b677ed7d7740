import type { EventContext, HookExtensionContext, RegisterFunctions, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { loadQualitySettings, recomputeQualityFlags } from '../adapters/quality-recompute.ts';

// Data-quality flags (households.quality_flags) kept current on every save of a household, a member
// or a survey. Like the classification hooks, the work runs in the `activity.create` filter: Directus
// writes a save's activity row inside the save's own transaction after the item row, so the flags
// commit with the save and are in place when the response returns. Saves that write no activity row
// (internal calls without accountability) are caught by the action hooks after the commit.
// Bulk writers (baseline import, POST /siap-pd/quality/recompute) compute flags themselves.

type Payload = Record<string, unknown>;
const COLLECTIONS = new Set(['households', 'household_members', 'surveys']);
/** household columns the quality rules read; other household updates do not re-check */
const HOUSEHOLD_FIELDS = ['no_kk', 'head_nik', 'head_name', 'member_count', 'latitude', 'longitude'];
const STALE_MS = 60_000;
const DEBOUNCE_MS = 50;

function surveyCoordinates(schema: SchemaOverview | null | undefined): boolean {
  const fields = schema?.collections['surveys']?.fields;
  return fields?.['latitude'] !== undefined && fields['longitude'] !== undefined;
}

export function registerQualityHooks(
  { filter, action }: Pick<RegisterFunctions, 'filter' | 'action'>,
  context: HookExtensionContext,
): void {
  const { logger } = context;
  /** `${collection}:${key}` -> households the record belonged to before a delete or a move */
  const before = new Map<string, { households: number[]; at: number }>();
  /** household updates that touch no quality field */
  const irrelevant = new Map<string, number>();
  /** saves handled inside their transaction: the action hook skips them */
  const handled = new Map<string, number>();

  const prune = (): void => {
    const limit = Date.now() - STALE_MS;
    for (const map of [irrelevant, handled]) for (const [key, at] of map) if (at < limit) map.delete(key);
    for (const [key, entry] of before) if (entry.at < limit) before.delete(key);
  };

  /** settings read once per transaction (a batch create of 500 members reads them once) */
  const settingsOf = new WeakMap<object, ReturnType<typeof loadQualitySettings>>();
  const recompute = async (
    db: Knex,
    schema: SchemaOverview | null | undefined,
    households: Iterable<number>,
    transaction?: Knex,
  ): Promise<void> => {
    const ids = [...new Set(households)].filter((id) => Number.isFinite(id));
    if (ids.length === 0) return;
    const owner = transaction ?? db;
    let pending = owner.isTransaction ? settingsOf.get(owner) : undefined;
    if (pending === undefined) {
      pending = loadQualitySettings(db);
      if (owner.isTransaction) settingsOf.set(owner, pending);
    }
    const settings = await pending;
    await recomputeQualityFlags(db, ids, { settings, surveyCoordinates: surveyCoordinates(schema) });
  };

  const householdsOf = async (db: Knex, collection: string, keys: readonly unknown[]): Promise<number[]> => {
    if (keys.length === 0) return [];
    if (collection === 'households') return keys.map(Number);
    const rows = (await db(collection)
      .whereIn('id', keys as (string | number)[])
      .select('household')) as { household: number | string | null }[];
    return rows.filter((r) => r.household !== null).map((r) => Number(r.household));
  };

  const remember = async (db: Knex, collection: string, keys: readonly unknown[]): Promise<void> => {
    if (keys.length === 0) return;
    const rows = (await db(collection)
      .whereIn('id', keys as (string | number)[])
      .select('id', 'household')) as { id: number | string; household: number | string | null }[];
    for (const row of rows) {
      if (row.household !== null)
        before.set(`${collection}:${row.id}`, { households: [Number(row.household)], at: Date.now() });
    }
  };

  for (const collection of ['household_members', 'surveys']) {
    filter(`${collection}.items.delete`, async (keys, _meta, ctx) => {
      prune();
      await remember(ctx.database, collection, Array.isArray(keys) ? (keys as unknown[]) : []);
      return keys;
    });
    filter(`${collection}.items.update`, async (payload, meta, ctx) => {
      // a member or survey moved to another household: the old one is re-checked too
      if (payload && typeof payload === 'object' && 'household' in (payload as Payload)) {
        await remember(ctx.database, collection, (meta['keys'] ?? []) as unknown[]);
      }
      return payload;
    });
  }
  filter('households.items.update', (payload, meta) => {
    const changes = (payload ?? {}) as Payload;
    if (!HOUSEHOLD_FIELDS.some((field) => field in changes)) {
      for (const key of (meta['keys'] ?? []) as unknown[]) irrelevant.set(String(key), Date.now());
    }
    return payload;
  });

  // Inside the save's transaction, after its row is written (see the top).
  filter('activity.create', async (payload, _meta, ctx) => {
    const entry = payload as Payload;
    const collection = String(entry['collection'] ?? '');
    const act = String(entry['action'] ?? '');
    if (!COLLECTIONS.has(collection) || !['create', 'update', 'delete'].includes(act)) return payload;
    const key = String(entry['item']);
    if (collection === 'households' && act === 'update' && irrelevant.delete(key)) {
      handled.set(`${collection}:${act}:${key}`, Date.now());
      return payload;
    }
    if (collection === 'households' && act === 'delete') return payload;
    try {
      const households = new Set<number>(before.get(`${collection}:${key}`)?.households ?? []);
      before.delete(`${collection}:${key}`);
      if (act !== 'delete')
        for (const id of await householdsOf(ctx.database, collection, [key])) households.add(id);
      await ctx.database.transaction((savepoint: Knex.Transaction) =>
        recompute(savepoint, ctx.schema, households, ctx.database),
      );
      handled.set(`${collection}:${act}:${key}`, Date.now());
    } catch (error) {
      // never block a save because of a soft check: the bulk recompute repairs it
      logger.error(error, `SIAP-PD: pemeriksaan kualitas data ${collection} ${key} gagal`);
    }
    return payload;
  });

  // Fallback after the commit for saves without an activity row, merged and debounced.
  const pending = new Set<number>();
  let timer: NodeJS.Timeout | null = null;
  const flush = (schema: SchemaOverview | null | undefined): void => {
    timer = null;
    const ids = [...pending];
    pending.clear();
    context.database
      .transaction((trx: Knex.Transaction) => recompute(trx, schema, ids))
      .catch((error: unknown) =>
        logger.error(error, 'SIAP-PD: pemeriksaan kualitas data setelah simpan gagal'),
      );
  };
  const afterCommit = (
    collection: string,
    act: string,
    keys: readonly unknown[],
    ctx: EventContext,
  ): void => {
    prune();
    const todo = keys.map(String).filter((key) => !handled.delete(`${collection}:${act}:${key}`));
    if (todo.length === 0) return;
    if (collection === 'households' && act === 'update') {
      const relevant = todo.filter((key) => !irrelevant.delete(key));
      if (relevant.length === 0) return;
    }
    const run = async (): Promise<void> => {
      for (const key of todo) {
        for (const id of before.get(`${collection}:${key}`)?.households ?? []) pending.add(id);
        before.delete(`${collection}:${key}`);
      }
      if (act !== 'delete')
        for (const id of await householdsOf(context.database, collection, todo)) pending.add(id);
      if (pending.size > 0 && timer === null) timer = setTimeout(() => flush(ctx.schema), DEBOUNCE_MS);
    };
    run().catch((error: unknown) =>
      logger.error(error, 'SIAP-PD: pemeriksaan kualitas data setelah simpan gagal'),
    );
  };
  for (const collection of COLLECTIONS) {
    action(`${collection}.items.create`, (meta, ctx) =>
      afterCommit(collection, 'create', [meta['key']], ctx),
    );
    action(`${collection}.items.update`, (meta, ctx) =>
      afterCommit(collection, 'update', (meta['keys'] ?? []) as unknown[], ctx),
    );
    action(`${collection}.items.delete`, (meta, ctx) =>
      afterCommit(collection, 'delete', (meta['keys'] ?? meta['payload'] ?? []) as unknown[], ctx),
    );
  }
}
