import { DIRECTUS_URL, PUBLIC_ADMIN_URL } from '$app/env/private';

/** Base URL of Directus for server-side calls, without a trailing slash. */
export function directusUrl(): string {
  return DIRECTUS_URL;
}

/** Link to the Directus admin app shown in the header. */
export function adminUrl(): string {
  return PUBLIC_ADMIN_URL ?? `${DIRECTUS_URL}/admin`;
}
