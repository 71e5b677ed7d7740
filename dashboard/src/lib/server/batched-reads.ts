import { customEndpoint } from '@directus/sdk';
import type { UserDirectus } from './directus-types.ts';

/** What POST /siap-pd/batch-read takes at most in one request. */
export const MAX_READS_PER_BATCH = 16;

const ITEMS_PATH = /^\/items\/([a-z][a-z0-9_]*)$/;
const QUERY_KEYS = new Set([
  'fields',
  'filter',
  'search',
  'sort',
  'limit',
  'offset',
  'aggregate',
  'groupBy',
  'deep',
]);

interface RequestOptions {
  path: string;
  method?: string;
  params?: Record<string, unknown>;
  body?: unknown;
}

type Command = () => RequestOptions;

interface PendingRead {
  command: Command;
  collection: string;
  query: Record<string, unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * The user's client, with every list read (GET /items/<collection>) that a page starts in the same turn
 * sent together as ONE POST /siap-pd/batch-read: Directus authenticates the user once and runs the reads
 * side by side, each under the user's own permissions exactly as GET /items would. Everything else (one
 * item by id, writes, /siap-pd routes) and a read that is alone in its turn go out as before. A read that
 * Directus refuses rejects like the SDK's own error, so unlessForbidden and the error pages work unchanged.
 */
export function withBatchedReads(directus: UserDirectus): UserDirectus {
  let pending: PendingRead[] = [];
  const flush = (): void => {
    const reads = pending;
    pending = [];
    for (let start = 0; start < reads.length; start += MAX_READS_PER_BATCH) {
      send(directus, reads.slice(start, start + MAX_READS_PER_BATCH));
    }
  };
  const request = (command: Command): Promise<unknown> => {
    const read = batchable(command);
    if (read === null) return directus.request(command as never);
    return new Promise((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ ...read, command, resolve, reject });
    });
  };
  return Object.assign(Object.create(directus) as UserDirectus, { request });
}

/** The collection and query of a plain list read, or null for any other request. */
function batchable(command: Command): { collection: string; query: Record<string, unknown> } | null {
  if (typeof command !== 'function') return null;
  const options = command();
  const collection = (options.method ?? 'GET') === 'GET' ? ITEMS_PATH.exec(options.path)?.[1] : undefined;
  if (collection === undefined || collection.startsWith('directus_') || options.body !== undefined)
    return null;
  const query = options.params ?? {};
  if (Object.keys(query).some((key) => !QUERY_KEYS.has(key))) return null;
  return { collection, query };
}

function send(directus: UserDirectus, reads: readonly PendingRead[]): void {
  const [only] = reads;
  if (reads.length === 1 && only !== undefined) {
    directus.request(only.command as never).then(only.resolve, only.reject);
    return;
  }
  const body = JSON.stringify({ reads: reads.map(({ collection, query }) => ({ collection, query })) });
  directus.request(customEndpoint<unknown>({ path: '/siap-pd/batch-read', method: 'POST', body })).then(
    (answers) => {
      reads.forEach((read, index) =>
        settle(read, Array.isArray(answers) ? (answers[index] as unknown) : null),
      );
    },
    (error: unknown) => {
      // A Directus whose SIAP-PD bundle predates the route (an update half done): read one by one.
      if (isMissingRoute(error)) {
        for (const read of reads) directus.request(read.command as never).then(read.resolve, read.reject);
        return;
      }
      for (const read of reads) read.reject(error);
    },
  );
}

function isMissingRoute(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('response' in error)) return false;
  const { response } = error as { response?: { status?: unknown } };
  return response?.status === 404;
}

function settle(read: PendingRead, answer: unknown): void {
  if (typeof answer === 'object' && answer !== null && 'data' in answer) {
    read.resolve(answer.data);
    return;
  }
  const refusal =
    typeof answer === 'object' && answer !== null && 'error' in answer && typeof answer.error === 'object'
      ? (answer.error as { status?: unknown; code?: unknown; message?: unknown } | null)
      : null;
  const status = typeof refusal?.status === 'number' ? refusal.status : 500;
  const message =
    typeof refusal?.message === 'string' ? refusal.message : 'Jawaban server data tidak lengkap.';
  const code = typeof refusal?.code === 'string' ? refusal.code : 'INTERNAL_SERVER_ERROR';
  // The shape @directus/sdk gives a refused request: errors[] and the response's status.
  read.reject(
    Object.assign(new Error(message), {
      errors: [{ message, extensions: { code } }],
      response: new Response(null, { status }),
    }),
  );
}
