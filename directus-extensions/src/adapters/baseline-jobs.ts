import type { Accountability, ApiExtensionContext, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';

// Baseline imports, data-quality recomputes and the reconciliation change list (it contains NIK)
// each write one import_jobs record (who, when, what, counts, rejected rows) and one Directus
// activity row naming the user. Bulk rows themselves get no per-record revisions (DESIGN "Data model").

type Context = Pick<ApiExtensionContext, 'services'>;

export type BaselineJobKind = 'import_baseline' | 'recompute_quality' | 'export' | 'load_demo';

type ServiceClass = new (
  collection: string,
  options: { schema: SchemaOverview | undefined; knex: Knex },
) => { createOne(data: Record<string, unknown>): Promise<string | number> };
type ActivityClass = new (options: { schema: SchemaOverview | undefined; knex: Knex }) => {
  createOne(data: Record<string, unknown>): Promise<string | number>;
};

export async function openBaselineJob(
  context: Context,
  db: Knex,
  schema: SchemaOverview | undefined,
  job: {
    kind: BaselineJobKind;
    source: string;
    file_name?: string | null;
    accountability: Accountability | null;
    started: Date;
  },
): Promise<number> {
  const { ItemsService, ActivityService } = context.services as {
    ItemsService: ServiceClass;
    ActivityService: ActivityClass;
  };
  const user = job.accountability?.user ?? null;
  // written by the system: planners may read import_jobs, not create them
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

export async function closeBaselineJob(
  db: Knex,
  id: number,
  outcome: {
    status: 'done' | 'failed';
    counts: Record<string, unknown>;
    message: string;
    errors?: unknown[];
    file_name?: string | null;
    finished: Date;
  },
): Promise<void> {
  await db('import_jobs')
    .where({ id })
    .update({
      status: outcome.status,
      finished_at: outcome.finished,
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

export async function readBaselineJob(db: Knex, id: number): Promise<StoredJob | null> {
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
