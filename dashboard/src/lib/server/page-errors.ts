import { error, redirect } from '@sveltejs/kit';
import { loginPath } from '../safe-redirect.ts';
import { DIRECTUS_UNREACHABLE_MESSAGE, classifyDirectusError } from './directus-errors.ts';

/**
 * Runs a Directus read for a load function and turns its failures into what the user should see:
 * Directus down -> 503 with the Indonesian message; session gone -> the login page; other errors rethrown
 * (handleError logs them and shows a generic message).
 */
export async function loadFromDirectus<T>(url: URL, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (caught) {
    const failure = classifyDirectusError(caught);
    if (failure === 'unreachable') error(503, DIRECTUS_UNREACHABLE_MESSAGE);
    if (failure === 'unauthorized') redirect(303, loginPath(url));
    if (failure === 'rate_limited')
      error(429, 'Terlalu banyak permintaan ke server data; coba lagi sebentar lagi.');
    throw caught;
  }
}
