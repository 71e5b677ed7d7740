/**
 * Returns `target` when it is a path on this site ("/wilayah?x=1"), else "/".
 * Guards the login page's redirectTo against open redirects ("//evil.example", "https://...", "/\\evil").
 */
export function safeRedirectPath(target: string | null | undefined): string {
  if (target === null || target === undefined) return '/';
  if (!target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return '/';
  // Control characters (e.g. a newline or tab that browsers strip) could smuggle another host in.
  for (const character of target) {
    const code = character.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return '/';
  }
  const parsed = new URL(target, 'http://dashboard.invalid');
  if (parsed.origin !== 'http://dashboard.invalid') return '/';
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** The login page URL that brings the user back to `url` afterwards. */
export function loginPath(url: { pathname: string; search: string }): string {
  const target = `${url.pathname}${url.search}`;
  if (url.pathname === '/login' || url.pathname === '/logout' || target === '/') return '/login';
  return `/login?redirectTo=${encodeURIComponent(safeRedirectPath(target))}`;
}
