import type { SessionUser } from '#lib/session-user.ts';
import type { UserDirectus } from '#lib/server/directus.ts';

declare global {
  namespace App {
    interface Locals {
      /** The logged-in user, set by hooks.server.ts; null on the login page when nobody is logged in. */
      user: SessionUser | null;
      /** A Directus client that sends this user's own access token (server only). */
      directus: UserDirectus | null;
    }
  }
}

export {};
