import type { Config } from '@sveltejs/kit/vite';

type CspDirectives = NonNullable<NonNullable<Config['csp']>['directives']>;

/**
 * Content-Security-Policy of the built dashboard (SvelteKit adds nonces for its own inline scripts).
 * Everything loads from this origin; chart.js needs no eval and sets canvas sizes through the CSSOM,
 * which style-src does not restrict.
 */

/**
 * SvelteKit's route announcer (`<div id="svelte-announcer" style="...">` in its root component) is the only
 * inline style attribute. Its hash is allowed with 'unsafe-hashes'; csp.test.ts checks it against the
 * installed SvelteKit, and app.css hides the announcer anyway should the hash ever go stale.
 */
export const SVELTEKIT_ANNOUNCER_STYLE_HASH = 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=';

export const CSP_DIRECTIVES: CspDirectives = {
  'default-src': ['self'],
  'script-src': ['self'],
  'style-src': ['self'],
  'style-src-attr': ['unsafe-hashes', SVELTEKIT_ANNOUNCER_STYLE_HASH],
  'img-src': ['self', 'data:'],
  'font-src': ['self'],
  'connect-src': ['self'],
  'object-src': ['none'],
  'base-uri': ['self'],
  'form-action': ['self'],
  'frame-ancestors': ['none'],
};
