import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { CSP_DIRECTIVES } from './src/lib/csp.ts';

// SvelteKit 3 reads its options here (svelte.config.js is no longer used).
export default defineConfig({
  plugins: [
    sveltekit({
      adapter: adapter(),
      csp: {
        // Nonces for the few inline scripts SvelteKit renders; everything else comes from our own origin.
        mode: 'auto',
        // In `vite dev` SvelteKit adds 'unsafe-inline' to style-src itself, for Vite's injected styles.
        directives: CSP_DIRECTIVES,
      },
    }),
  ],
  test: {
    name: 'dashboard',
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
