import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'core/src/**/*.test.ts',
            'scripts/**/*.test.ts',
            'access/**/*.test.ts',
            'directus-extensions/src/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      'dashboard/vite.config.ts',
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          // One Directus-heavy project at a time: on 2 cores, browser tests next to the access matrix time out.
          sequence: { groupOrder: 1 },
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          sequence: { groupOrder: 2 },
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // a page answers in well under a second here, but CI shares 2 cores with Directus and the build
          expect: { poll: { timeout: 30_000 } },
        },
      },
    ],
  },
});
