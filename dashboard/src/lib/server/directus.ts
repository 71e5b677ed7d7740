import { createDirectus, rest, staticToken } from '@directus/sdk';
import type { DirectusClient, RestClient, StaticTokenClient } from '@directus/sdk';
import { directusUrl } from './config.ts';

/** The collections and custom fields the dashboard reads (see the data model contract). */
export interface DirectusSchema {
  households: HouseholdRecord[];
  kecamatan: KecamatanRecord[];
  directus_users: UserCustomFields;
  /** Declared so the SDK treats directus_users.role as a relation (fields: [{ role: ['name'] }]). */
  directus_roles: { name: string }[];
}

export interface HouseholdRecord {
  id: number;
  desa: string | null;
  kecamatan: string | null;
  classification: 'ekstrem' | 'miskin' | 'tidak_miskin' | 'unclassified' | null;
}

export interface KecamatanRecord {
  code: string;
  name: string;
}

export interface UserCustomFields {
  desa: string | null;
  kecamatan: string | null;
  perangkat_daerah: string | null;
}

export type FetchFunction = typeof fetch;

/** A client without credentials: only for login, refresh and logout. */
export type PublicDirectus = DirectusClient<DirectusSchema> & RestClient<DirectusSchema>;

/** A client that acts as the logged-in user (their access token), so Directus permissions apply. */
export type UserDirectus = PublicDirectus & StaticTokenClient<DirectusSchema>;

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

/** Creates a client for one request that sends the user's own access token. */
export function createUserDirectus(accessToken: string, fetchFunction: FetchFunction): UserDirectus {
  return createDirectus<DirectusSchema>(directusUrl(), { globals: { fetch: fetchFunction } })
    .with(staticToken(accessToken))
    .with(restWithTimeout());
}
