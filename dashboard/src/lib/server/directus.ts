import { createDirectus, rest, staticToken } from '@directus/sdk';
import type { DirectusSchema, FetchFunction, PublicDirectus, UserDirectus } from './directus-types.ts';
import { withBatchedReads } from './batched-reads.ts';
import { directusUrl } from './config.ts';

export type {
  DirectusSchema,
  FetchFunction,
  HouseholdRecord,
  KecamatanRecord,
  PublicDirectus,
  UserCustomFields,
  UserDirectus,
} from './directus-types.ts';

/** How long one Directus call may take before the dashboard reports the server as unreachable. */
const REQUEST_TIMEOUT_MS = 20_000;

function restWithTimeout() {
  return rest({
    onRequest: (options) => ({
      ...options,
      signal: options.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    }),
  });
}

/** Creates a client without a token (per request; `fetch` is the request's own fetch). */
export function createPublicDirectus(fetchFunction: FetchFunction): PublicDirectus {
  return createDirectus<DirectusSchema>(directusUrl(), { globals: { fetch: fetchFunction } }).with(
    restWithTimeout(),
  );
}

/**
 * Creates a client for one request that sends the user's own access token. List reads a page starts
 * together go out as one batch (withBatchedReads).
 */
export function createUserDirectus(accessToken: string, fetchFunction: FetchFunction): UserDirectus {
  return withBatchedReads(
    createDirectus<DirectusSchema>(directusUrl(), { globals: { fetch: fetchFunction } })
      .with(staticToken(accessToken))
      .with(restWithTimeout()),
  );
}
