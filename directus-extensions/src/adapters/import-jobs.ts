import type { Accountability, ApiExtensionContext, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';

// Every bulk job writes one import_jobs record (who, when, what, counts, rejected rows or warnings)
// and one Directus activity row naming the user (DESIGN "Data model"): baseline imports, data-quality
// recomputes, the demo load, re-classifications and need re-runs, allocation runs, tagged-budget
// imports and exports with NIK. Bulk rows themselves get no per-record revisions.

type Services = Pick<ApiExtensionContext, 'services'>;

export type JobKind =
  | 'import_baseline'
  | 'recompute_quality'
  | 'load_demo'
  | 'reclassify'
  | 'recompute_needs'
  | 'allocation'
  | 'import_tagged_budget'
  | 'export';

export type NewJob = {
  kind: JobKind;
  source: string;
  file_name?: string | null;
  /** who caused it (import_jobs.user); the accountability's user unless given */
  user?: string | null;
  /** the request's, for the activity row (ip, user agent, origin); null for the system */
  accountability: Accountability | null;
  started: Date;
};

type CreateOne = { createOne(data: Record<string, unknown>): Promise<string | number> };

/** Writes the job's record (status running) and its activity row through `db`; returns the job's id. */
export async function openJob(
  context: Services,
  db: Knex,
  schema: SchemaOverview | undefined,
  job: NewJob,
): Promise<number> {
  const { ItemsService, ActivityService } = context.services as {
    ItemsService: new (
      collection: string,
      options: { schema: SchemaOverview | undefined; knex: Knex },
    ) => CreateOne;
    ActivityService: new (options: { schema: SchemaOverview | undefined; knex: Knex }) => CreateOne;
  };
  const user = job.user === undefined ? (job.accountability?.user ?? null) : job.user;
  // written by the system: planners and agencies may read import_jobs, not create them ...
  const id = Number(
    await new ItemsService('import_jobs', { schema, knex: db }).createOne({
      kind: job.kind,
      source: job.source,
      file_name: job.file_name ?? null,
      user,
      started_at: job.started.toISOString(),
      status: 'running',
      counts: {},
    }),
  );
  // ... with one activity row naming the user who caused it
  await new ActivityService({ schema, knex: db }).createOne({
    action: 'create',
    user,
    collection: 'import_jobs',
    item: String(id),
    ip: job.accountability?.ip ?? null,
    user_agent: job.accountability?.userAgent ?? null,
    origin: job.accountability?.origin ?? null,
  });
  return id;
}

export type JobOutcome = {
  status: 'done' | 'failed';
  counts: Record<string, unknown>;
  message: string;
  /** rejected rows or warnings; none = null */
  errors?: unknown[];
  /** the error file, when the job wrote one */
  file_name?: string | null;
  /** now unless given */
  finished?: Date;
};

export async function closeJob(db: Knex, id: number, outcome: JobOutcome): Promise<void> {
  await db('import_jobs')
    .where({ id })
    .update({
      status: outcome.status,
      finished_at: outcome.finished ?? new Date(),
      counts: JSON.stringify(outcome.counts),
      errors:
        outcome.errors !== undefined && outcome.errors.length > 0 ? JSON.stringify(outcome.errors) : null,
      message: outcome.message,
      ...(outcome.file_name === undefined || outcome.file_name === null
        ? {}
        : { file_name: outcome.file_name }),
    });
}

export type StoredJob = {
  id: number;
  kind: string;
  source: string | null;
  file_name: string | null;
  user: string | null;
  status: string | null;
  counts: Record<string, unknown>;
  errors: unknown[];
};

export async function readJob(db: Knex, id: number): Promise<StoredJob | null> {
  const row = (await db('import_jobs').where({ id }).first('*')) as Record<string, unknown> | undefined;
  if (row === undefined) return null;
  const json = (value: unknown): unknown => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return null;
    }
  };
  const counts = json(row['counts']);
  const errors = json(row['errors']);
  return {
    id: Number(row['id']),
    kind: String(row['kind']),
    source: (row['source'] as string | null) ?? null,
    file_name: (row['file_name'] as string | null) ?? null,
    user: (row['user'] as string | null) ?? null,
    status: (row['status'] as string | null) ?? null,
    counts:
      counts !== null && typeof counts === 'object' && !Array.isArray(counts)
        ? (counts as Record<string, unknown>)
        : {},
    errors: Array.isArray(errors) ? errors : [],
  };
}
