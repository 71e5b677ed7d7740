import { defineEnvVars } from '@sveltejs/kit/env';

const DEFAULT_DIRECTUS_URL = 'http://127.0.0.1:8055';

/** Removes trailing slashes so paths can be appended with a single '/'. */
function trimUrl(value: string): string {
  return value.trim().replace(/\/+$/, '');
}

/**
 * Environment of the dashboard. Both variables are private (server only) and read when the app starts,
 * so one build serves every deployment.
 */
export const variables = defineEnvVars({
  DIRECTUS_URL: {
    description: `Base URL of Directus for server-side calls (default ${DEFAULT_DIRECTUS_URL}).`,
    schema: (value: string | undefined): string =>
      value !== undefined && value.trim() !== '' ? trimUrl(value) : DEFAULT_DIRECTUS_URL,
  },
  PUBLIC_ADMIN_URL: {
    description: 'URL of the Directus admin app shown to users (default DIRECTUS_URL + "/admin").',
    schema: (value: string | undefined): string | undefined =>
      value !== undefined && value.trim() !== '' ? trimUrl(value) : undefined,
  },
});
