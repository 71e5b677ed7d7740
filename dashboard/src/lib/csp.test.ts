import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES, SVELTEKIT_ANNOUNCER_STYLE_HASH } from './csp.ts';

describe('CSP_DIRECTIVES', () => {
  it("allows the inline style of SvelteKit's route announcer by its hash", () => {
    const kitRoot = dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json'));
    const component = readFileSync(join(kitRoot, 'src/runtime/components/root.svelte'), 'utf8');
    const style = /id="svelte-announcer"[^>]*?style="([^"]*)"/s.exec(component)?.[1];
    expect(style).toBeDefined();
    const hash = `sha256-${createHash('sha256')
      .update(style ?? '')
      .digest('base64')}`;
    expect(hash).toBe(SVELTEKIT_ANNOUNCER_STYLE_HASH);
  });

  it.each([
    ['script-src', ['self']],
    ['style-src', ['self']],
    ['frame-ancestors', ['none']],
    ['object-src', ['none']],
  ])('%s is %j', (directive, expected) => {
    expect((CSP_DIRECTIVES as Record<string, unknown>)[directive]).toEqual(expected);
  });
});
