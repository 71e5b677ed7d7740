import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';

/**
 * An internal link ("/wilayah/63.11.07", "/rumah-tangga?desa=63.11.07.2002") resolved against the app's base
 * path. Paths built at run time (codes, query strings) go through here so every link honours the base path.
 */
export function href(path: `/${string}`): ResolvedPathname {
  // The cast only widens the route type: resolve() prefixes the base path and keeps the query string.
  return resolve(path as '/');
}
