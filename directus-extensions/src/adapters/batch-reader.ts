import type { EndpointExtensionContext } from '@directus/extensions';
import type { Accountability, SchemaOverview } from '@directus/types';
import type { BatchRead } from './batch-read-request.ts';
import { itemsReader } from './items-reader.ts';
import { readDatabase } from './read-database.ts';

interface RequestWithDirectus {
  accountability?: Accountability | null;
  schema?: SchemaOverview;
}

/** One read's answer: its data, or Directus's refusal of it (status and code, as GET /items would give). */
export type BatchReadResult =
  { data: unknown } | { error: { status: number; code: string; message: string } };

/**
 * Runs every read through Directus's ItemsService with the caller's own accountability, so Directus's
 * permissions decide each one exactly as for GET /items/<collection>; all at once, on the read-only
 * connections of readDatabase (on SQLite they run side by side). One read refused does not fail the rest.
 */
export async function runBatchReads(
  context: EndpointExtensionContext,
  req: unknown,
  reads: readonly BatchRead[],
): Promise<BatchReadResult[]> {
  const { accountability, schema } = req as RequestWithDirectus;
  const knex = await readDatabase(context);
  return Promise.all(
    reads.map(async (read): Promise<BatchReadResult> => {
      try {
        // Like GET /items/<collection>: a collection that does not exist is refused, not revealed.
        if (schema?.collections[read.collection] === undefined) throw forbiddenRead(read.collection);
        const service = itemsReader(context, read.collection, { schema, accountability, knex });
        // Like GET /items/<collection>: a singleton (planning_settings) answers with its one object.
        const data = schema.collections[read.collection]?.singleton
          ? await service.readSingleton(read.query)
          : await service.readByQuery(read.query);
        return { data };
      } catch (error) {
        const { status, code, message } = (error ?? {}) as {
          status?: unknown;
          code?: unknown;
          message?: unknown;
        };
        if (typeof status !== 'number' || status >= 500) throw error;
        return {
          error: {
            status,
            code: typeof code === 'string' ? code : 'INVALID_QUERY',
            message: typeof message === 'string' ? message : 'Kueri ditolak.',
          },
        };
      }
    }),
  );
}

/** Directus's own words for a collection one may not read, which it also gives for one that is missing. */
function forbiddenRead(collection: string): { status: number; code: string; message: string } {
  return {
    status: 403,
    code: 'FORBIDDEN',
    message: `You don't have permission to access collection "${collection}" or it does not exist. Queried in root.`,
  };
}
