import type { DirectusClient, RestClient, StaticTokenClient } from '@directus/sdk';

/**
 * The collections and custom fields the typed SDK commands read (login, refresh, /users/me). Everything else
 * goes through items.ts with plain queries and checked answers. Kept apart from directus.ts (which reads the
 * environment) so scripts outside SvelteKit (the benchmark) can use the readers with their own client.
 */
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
