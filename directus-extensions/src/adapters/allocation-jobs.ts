import type { Accountability, ApiExtensionContext, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';

// Every allocation run, tagged-budget import and export with NIK writes one import_jobs record (who,
// when, what, counts) and one Directus activity row naming the user (DESIGN "Data model").

type Context = Pick<ApiExtensionContext, 'database' | 'services'>;

export type JobKind = 'allocation' | 'export' | 'import_tagged_budget';

export type OpenJob = {
  kind: JobKind;
  source: string;
  file_name?: string | null;
  accountability: Accountability | null;
  started: Date;
};

export async function openAllocationJob(
  context: Context,
  schema: SchemaOverview | undefined,
  job: OpenJob,
): Promise<number> {
  const { ItemsService, ActivityService } = context.services as {
    ItemsService: new (
      collection: string,
      options: { schema: SchemaOverview | undefined; knex: Knex },
    ) => {
      createOne(data: Record<string, unknown>): Promise<string | number>;
    };
    ActivityService: new (options: { schema: SchemaOverview | undefined; knex: Knex }) => {
      createOne(data: Record<string, unknown>): Promise<string | number>;
    };
  };
  const user = job.accountability?.user ?? null;
  // written by the system: planners and agencies may read import_jobs, not create them
  const id = Number(
    await new ItemsService('import_jobs', { schema, knex: context.database }).createOne({
      kind: job.kind,
      source: job.source,
      file_name: job.file_name ?? null,
      user,
      started_at: job.started.toISOString(),
      status: 'running',
      counts: {},
    }),
  );
  await new ActivityService({ schema, knex: context.database }).createOne({
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

export async function closeAllocationJob(
  database: Knex,
  id: number,
  outcome: {
    status: 'done' | 'failed';
    counts: Record<string, unknown>;
    message: string;
    errors?: unknown[];
  },
): Promise<void> {
  await database('import_jobs')
    .where({ id })
    .update({
      status: outcome.status,
      finished_at: new Date(),
      counts: JSON.stringify(outcome.counts),
      errors: outcome.errors && outcome.errors.length > 0 ? JSON.stringify(outcome.errors) : null,
      message: outcome.message,
    });
}
