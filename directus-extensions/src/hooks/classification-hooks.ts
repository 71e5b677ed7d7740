import type { EventContext, HookExtensionContext, RegisterFunctions, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { evaluateHouseholds } from '../adapters/classification-engine.ts';
import { classificationJobs, type JobRequest } from '../adapters/classification-jobs.ts';
import {
  loadClassificationReference,
  type ClassificationReference,
} from '../adapters/classification-rows.ts';
import { isRetryableConflict } from '../adapters/classification-sql.ts';
import { recordHookDuration } from '../adapters/classification-stats.ts';

// Classification and needs, kept current on every save.
//
// Where the work happens (and why): the result must be visible in the response of the save that
// caused it, and must commit or roll back with it. A `surveys.items.create` filter runs before the
// row exists (no id yet) and the update filter does not even get a transaction; writing the
// computed columns through the filter's payload is also refused for operators and verifiers, who
// may not write those fields. So the engine runs in the `activity.create` filter instead: Directus
// writes the activity row of a save inside the save's own transaction, AFTER the item row is
// written (create, update and delete alike), and hands that transaction over as context.database.
// There the survey is stored with its id and its final values; the engine reads it through that
// same transaction and writes the survey's own result, the household's result and its needs. The
// request returns only after all of it, so the operator sees the class on save, and tests need
// no polling. Saves without an activity row (tracking switched off for the collection, internal
// calls without accountability) are caught by the action hooks below, which run the same engine
// after the commit (not awaited by the request).
//
// Bulk re-runs (poverty lines, settings, need rules) go to the job runner: merged, chunked, one
// import_jobs record each. Hooks stay thin: adapters read and write, core computes.

type Payload = Record<string, unknown>;
const STALE_MS = 60_000;

export function registerClassificationHooks(
  { filter, action }: Pick<RegisterFunctions, 'filter' | 'action'>,
  context: HookExtensionContext,
): void {
  const { logger } = context;
  const jobs = () => classificationJobs(context);
  /** survey key -> household, captured before a delete (the row is gone afterwards) */
  const deleted = new Map<string, { household: number; at: number }>();
  /** survey key -> the household it is being moved away from */
  const left = new Map<string, { household: number; at: number }>();
  /** households whose desa is being changed: their needs follow */
  const moved = new Map<string, number>();
  /** saves already handled inside their transaction: the action hook skips them */
  const handled = new Map<string, number>();
  /** reference data read once per transaction (a batch create of 500 surveys reads it once) */
  const references = new WeakMap<object, Promise<ClassificationReference>>();

  const prune = (): void => {
    const limit = Date.now() - STALE_MS;
    for (const map of [handled, moved]) for (const [key, at] of map) if (at < limit) map.delete(key);
    for (const store of [deleted, left])
      for (const [key, entry] of store) if (entry.at < limit) store.delete(key);
  };

  const evaluate = async (
    database: Knex,
    schemaOrNull: SchemaOverview | null,
    households: number[],
    surveys: number[],
  ): Promise<void> => {
    if (households.length === 0) return;
    const started = performance.now();
    const schema = schemaOrNull ?? (await context.getSchema({ database }));
    // cached per transaction only: outside one, every call reads the current rules
    let reference = database.isTransaction ? references.get(database) : undefined;
    if (reference === undefined) {
      reference = loadClassificationReference(database, schema);
      if (database.isTransaction) references.set(database, reference);
    }
    const loaded = await reference;
    const warnings = new Set<string>();
    try {
      // a savepoint: if the engine fails, its partial writes roll back and the save itself goes
      // through (logged; the next re-run or POST /siap-pd/reclassify repairs the result)
      await database.transaction((savepoint: Knex.Transaction) =>
        evaluateHouseholds(
          savepoint,
          schema,
          loaded,
          { ids: households },
          { needs: 'all', surveys, now: new Date(), warnings },
        ),
      );
    } catch (error) {
      // a conflict with a bulk job: let Directus retry the whole save rather than keep it unclassified
      if (isRetryableConflict(error)) throw error;
      logger.error(error, `SIAP-PD: klasifikasi rumah tangga ${households.join(', ')} gagal`);
    }
    for (const warning of warnings) logger.debug(`SIAP-PD: ${warning}`);
    recordHookDuration(performance.now() - started);
  };

  const householdOfSurvey = async (database: Knex, key: unknown): Promise<number | null> => {
    const row = (await database('surveys')
      .where('id', key as number)
      .first('household')) as { household: number | string | null } | undefined;
    return row?.household === null || row?.household === undefined ? null : Number(row.household);
  };

  filter('surveys.items.delete', async (keys, _meta, ctx) => {
    const list = (Array.isArray(keys) ? keys : []) as Array<string | number>;
    if (list.length > 0) {
      const rows = (await ctx.database('surveys').whereIn('id', list).select('id', 'household')) as Array<{
        id: number | string;
        household: number | string | null;
      }>;
      for (const row of rows) {
        if (row.household !== null)
          deleted.set(String(row.id), { household: Number(row.household), at: Date.now() });
      }
    }
    return keys;
  });

  filter('surveys.items.update', async (payload, meta, ctx) => {
    // a survey moved to another household: the household it leaves is re-evaluated too
    if (payload && typeof payload === 'object' && 'household' in (payload as Payload)) {
      const keys = (meta['keys'] ?? []) as Array<string | number>;
      const rows = (await ctx.database('surveys').whereIn('id', keys).select('id', 'household')) as Array<{
        id: number | string;
        household: number | string | null;
      }>;
      for (const row of rows) {
        if (row.household !== null)
          left.set(String(row.id), { household: Number(row.household), at: Date.now() });
      }
    }
    return payload;
  });

  filter('households.items.update', (payload, meta) => {
    if (payload && typeof payload === 'object' && 'desa' in (payload as Payload)) {
      for (const key of (meta['keys'] ?? []) as unknown[]) moved.set(String(key), Date.now());
    }
    return payload;
  });

  // The save's own transaction, after its row is written: see the comment at the top.
  filter('activity.create', async (payload, _meta, ctx) => {
    const entry = payload as Payload;
    const collection = entry['collection'];
    if (collection !== 'surveys' && collection !== 'households') return payload;
    const key = String(entry['item']);
    const act = entry['action'];
    if (collection === 'surveys') {
      let household: number | null = null;
      if (act === 'delete') household = deleted.get(key)?.household ?? null;
      else if (act === 'create' || act === 'update') household = await householdOfSurvey(ctx.database, key);
      const previous = act === 'update' ? left.get(key)?.household : undefined;
      left.delete(key);
      const households = [household, previous].filter((id): id is number => id !== null && id !== undefined);
      if (households.length === 0) return payload;
      await evaluate(
        ctx.database,
        ctx.schema,
        [...new Set(households)],
        act === 'delete' ? [] : [Number(key)],
      );
      handled.set(`surveys:${act}:${key}`, Date.now());
      if (act === 'delete') deleted.delete(key);
    } else if (act === 'update' && moved.has(key)) {
      moved.delete(key);
      await evaluate(ctx.database, ctx.schema, [Number(key)], []);
    }
    return payload;
  });

  // Fallback for saves that wrote no activity row (see the top): same engine, after the commit.
  const afterCommit = (act: 'create' | 'update' | 'delete', keys: unknown[], ctx: EventContext): void => {
    prune();
    const todo = keys.map(String).filter((key) => !handled.delete(`surveys:${act}:${key}`));
    if (todo.length === 0) return;
    const run = async (): Promise<void> => {
      const households = new Set<number>();
      for (const key of todo) {
        const household =
          act === 'delete'
            ? (deleted.get(key)?.household ?? null)
            : await householdOfSurvey(context.database, key);
        deleted.delete(key);
        if (household !== null) households.add(household);
        const previous = left.get(key)?.household;
        left.delete(key);
        if (previous !== undefined) households.add(previous);
      }
      await evaluate(context.database, ctx.schema, [...households], act === 'delete' ? [] : todo.map(Number));
    };
    run().catch((error: unknown) => logger.error(error, 'SIAP-PD: klasifikasi setelah simpan gagal'));
  };
  action('surveys.items.create', (meta, ctx) => afterCommit('create', [meta['key']], ctx));
  action('surveys.items.update', (meta, ctx) =>
    afterCommit('update', (meta['keys'] ?? []) as unknown[], ctx),
  );
  action('surveys.items.delete', (meta, ctx) =>
    afterCommit('delete', (meta['keys'] ?? meta['payload'] ?? []) as unknown[], ctx),
  );

  // Bulk re-runs: what they change decides how much is re-evaluated.
  const schedule = (request: Omit<JobRequest, 'user' | 'accountability'>, ctx: EventContext): void => {
    jobs().schedule({
      ...request,
      user: ctx.accountability?.user ?? null,
      accountability: ctx.accountability,
    });
  };
  for (const act of ['create', 'update', 'delete']) {
    // a line moves classes; needs follow only where the class changed
    action(`poverty_lines.items.${act}`, (_meta, ctx) =>
      schedule({ kind: 'reclassify', needs: 'changed', source: 'poverty_lines' }, ctx),
    );
    action(`indicators.items.${act}`, (_meta, ctx) =>
      schedule({ kind: 'recompute_needs', needs: 'all', source: 'indicators' }, ctx),
    );
  }
  for (const act of ['create', 'update']) {
    action(`planning_settings.items.${act}`, (meta, ctx) => {
      const payload = (meta['payload'] ?? {}) as Payload;
      // the basis changes every per capita; the round and region change which survey and line count
      if (['classification_basis', 'survey_round', 'region_code'].some((field) => field in payload)) {
        schedule({ kind: 'reclassify', needs: 'all', source: 'planning_settings' }, ctx);
      }
    });
  }
  action('sub_kegiatan.items.update', (meta, ctx) => {
    // needs carry their sub_kegiatan's agency
    if ('perangkat_daerah' in ((meta['payload'] ?? {}) as Payload)) {
      schedule({ kind: 'recompute_needs', needs: 'all', source: 'sub_kegiatan' }, ctx);
    }
  });
  action('fields.delete', (meta, ctx) => {
    // a rule on a removed survey field stops firing: close what it had opened
    if (meta['collection'] === 'surveys')
      schedule({ kind: 'recompute_needs', needs: 'all', source: 'fields' }, ctx);
  });
}
