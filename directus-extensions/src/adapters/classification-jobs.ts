import type { Accountability, ApiExtensionContext } from '@directus/types';
import type { Knex } from 'knex';
import { addCounts, emptyCounts, evaluateHouseholds, type EngineCounts } from './classification-engine.ts';
import { loadClassificationReference } from './classification-rows.ts';
import { isRetryableConflict } from './classification-sql.ts';
import { closeJob, openJob } from './import-jobs.ts';

// Bulk re-runs of the classification and needs engine. A change of a poverty line, of the
// settings that drive classification, or of a need rule schedules one job; several changes in a
// short time are merged into one job, and jobs run one after the other (never two at once). Each
// job walks the households in id order, a few thousand per transaction, so interactive saves get
// the database between two chunks (SQLite has a single connection), and writes one import_jobs
// record (kind reclassify or recompute_needs) plus one activity row.

export type JobKind = 'reclassify' | 'recompute_needs';

export type JobRequest = {
  kind: JobKind;
  /** 'changed': run the need rules only where the class or the counted survey changed */
  needs: 'all' | 'changed';
  /** who caused it (import_jobs.user) */
  user: string | null;
  /** what caused it, e.g. 'poverty_lines' (import_jobs.source) */
  source: string;
  accountability?: Accountability | null;
};

export type JobResult = EngineCounts & {
  job: number | null;
  kind: JobKind;
  started_at: string;
  finished_at: string;
  duration_ms: number;
  /** CPU time of the Directus process during the job (the job's own cost on a busy machine) */
  cpu_ms: number;
  warnings: string[];
};

export type JobRunner = {
  /** runs a job after the ones already queued and resolves with its counts */
  run(request: JobRequest): Promise<JobResult>;
  /** queues a job in the background after a short pause that merges further changes */
  schedule(request: JobRequest): void;
  /** resolves once nothing is queued or running */
  idle(): Promise<void>;
  status(): { running: JobKind | null; scheduled: JobKind | null; last: JobResult | null };
};

type Context = Pick<ApiExtensionContext, 'database' | 'getSchema' | 'services' | 'logger'>;

/**
 * Households per transaction, so that one transaction holds the database for a couple of hundred
 * milliseconds at most. A classification-only pass (needs 'changed') costs about a third of a pass
 * that runs every rule per household; its bigger chunks mean fewer commits (each commit syncs the
 * SQLite journal and file: about 20 ms here, 1 s of a 100,000-household job in chunks of 2,000).
 */
export const CHUNK_HOUSEHOLDS: Record<JobRequest['needs'], number> = { all: 2_000, changed: 5_000 };
/** Causes of a job that never change a survey's status: households.survey_status is left alone. */
const SURVEY_STATUS_KEPT = new Set(['poverty_lines', 'indicators', 'sub_kegiatan', 'fields']);
const SCHEDULE_DELAY_MS = 250;

let shared: JobRunner | null = null;

/** One runner per Directus process, shared by the hooks and the endpoints of the bundle. */
export function classificationJobs(context: Context): JobRunner {
  shared ??= createJobRunner(context);
  return shared;
}

export function createJobRunner(context: Context): JobRunner {
  let tail: Promise<unknown> = Promise.resolve();
  let running: JobKind | null = null;
  let last: JobResult | null = null;
  let pending: { request: JobRequest; timer: NodeJS.Timeout } | null = null;

  const run = (request: JobRequest): Promise<JobResult> => {
    const job = tail.then(() => execute(context, request, (kind) => (running = kind)));
    tail = job.then(
      (result) => {
        last = result;
        running = null;
      },
      () => {
        running = null;
      },
    );
    return job;
  };

  const schedule = (request: JobRequest): void => {
    if (pending !== null) {
      clearTimeout(pending.timer);
      request = merge(pending.request, request);
    }
    const timer = setTimeout(() => {
      pending = null;
      run(request).catch((error: unknown) => context.logger.error(error, 'SIAP-PD: klasifikasi ulang gagal'));
    }, SCHEDULE_DELAY_MS);
    pending = { request, timer };
  };

  const idle = async (): Promise<void> => {
    for (;;) {
      if (pending !== null) await new Promise((resolve) => setTimeout(resolve, SCHEDULE_DELAY_MS));
      const current = tail;
      await current.catch(() => undefined);
      if (pending === null && current === tail) return;
    }
  };

  return {
    run,
    schedule,
    idle,
    status: () => ({ running, scheduled: pending?.request.kind ?? null, last }),
  };
}

function merge(a: JobRequest, b: JobRequest): JobRequest {
  return {
    kind: a.kind === 'reclassify' || b.kind === 'reclassify' ? 'reclassify' : 'recompute_needs',
    needs: a.needs === 'all' || b.needs === 'all' ? 'all' : 'changed',
    user: b.user ?? a.user,
    source:
      a.source === b.source
        ? a.source
        : [...new Set([...a.source.split(','), ...b.source.split(',')])].join(','),
    accountability: b.accountability ?? a.accountability ?? null,
  };
}

async function execute(
  context: Context,
  request: JobRequest,
  onStart: (kind: JobKind) => void,
): Promise<JobResult> {
  onStart(request.kind);
  const { database, logger } = context;
  const schema = await context.getSchema({ database });
  const started = new Date();
  const cpu = process.cpuUsage();
  const jobId = await openJob(context, context.database, schema, {
    kind: request.kind,
    source: request.source,
    user: request.user,
    accountability: request.accountability ?? null,
    started,
  });
  const counts = emptyCounts();
  const warnings = new Set<string>();
  const profile: Record<string, number> = {};
  try {
    const reference = await loadClassificationReference(database, schema);
    const bounds = (await database('households').min('id as low').max('id as high').first()) as
      { low: number | string | null; high: number | string | null } | undefined;
    const low = bounds?.low === null || bounds?.low === undefined ? null : Number(bounds.low);
    const high = bounds?.high === null || bounds?.high === undefined ? null : Number(bounds.high);
    if (low !== null && high !== null) {
      let from = low;
      while (from <= high) {
        // the next CHUNK_HOUSEHOLDS ids (ids have gaps after deletions)
        const edge = (await database('households')
          .where('id', '>=', from)
          .orderBy('id')
          .offset(CHUNK_HOUSEHOLDS[request.needs] - 1)
          .first('id')) as { id: number | string } | undefined;
        const to = edge === undefined ? high : Number(edge.id);
        const part = await inChunkTransaction(database, (trx) =>
          evaluateHouseholds(
            trx,
            schema,
            reference,
            { from, to },
            {
              needs: request.needs,
              surveyStatus: request.source.split(',').some((source) => !SURVEY_STATUS_KEPT.has(source)),
              now: new Date(),
              warnings,
              profile,
            },
          ),
        );
        addCounts(counts, part);
        logger.info(
          `SIAP-PD ${request.kind}: ${counts.households} rumah tangga diproses (id sampai ${to}), ` +
            `${counts.changed} berubah kelas, ${counts.needs_opened} kebutuhan baru, ${counts.needs_resolved} selesai.`,
        );
        from = to + 1;
        // let interactive requests waiting for the connection go first
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const finished = new Date();
    const used = process.cpuUsage(cpu);
    const result: JobResult = {
      job: jobId,
      kind: request.kind,
      ...counts,
      started_at: started.toISOString(),
      finished_at: finished.toISOString(),
      duration_ms: finished.getTime() - started.getTime(),
      cpu_ms: Math.round((used.user + used.system) / 1000),
      warnings: [...warnings].slice(0, 50),
    };
    logger.info(
      `SIAP-PD ${request.kind} selesai dalam ${result.duration_ms} ms (CPU ${result.cpu_ms} ms); per tahap (ms): ` +
        Object.entries(profile)
          .map(([phase, ms]) => `${phase} ${Math.round(ms)}`)
          .join(', '),
    );
    await closeClassificationJob(database, jobId, 'done', result, finished, warnings);
    return result;
  } catch (error) {
    await closeClassificationJob(database, jobId, 'failed', counts, new Date(), warnings, error).catch(
      () => undefined,
    );
    throw error;
  }
}

/**
 * One chunk in its own transaction, retried when it collides with a save (PostgreSQL may pick the
 * chunk as a deadlock victim when a save holds a survey row and waits for the household the chunk
 * locked): the retry reads the saved state.
 */
async function inChunkTransaction<T>(
  database: Knex,
  work: (trx: Knex.Transaction) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await database.transaction(work);
    } catch (error) {
      if (attempt >= 4 || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

async function closeClassificationJob(
  database: Knex,
  id: number | null,
  status: 'done' | 'failed',
  counts: object,
  finished: Date,
  warnings: Set<string>,
  error?: unknown,
): Promise<void> {
  if (id === null) return;
  const {
    warnings: _list,
    job: _job,
    kind: _kind,
    started_at: _started,
    finished_at: _finished,
    ...numbers
  } = counts as Record<string, unknown>;
  const message =
    status === 'failed'
      ? `Gagal: ${error instanceof Error ? error.message : String(error)}`
      : warnings.size > 0
        ? `Selesai dengan ${warnings.size} peringatan aturan: ${[...warnings].slice(0, 5).join(' ')}`
        : 'Selesai.';
  await closeJob(database, id, {
    status,
    counts: numbers,
    message,
    errors: [...warnings].slice(0, 200),
    finished,
  });
}
