// ESLint flat config for the whole repository (npm run lint).
// TypeScript is linted with type information: each file is checked against the nearest tsconfig.json
// (root tsconfig.json for core, directus-extensions, access, scripts and test; dashboard/tsconfig.json,
// which extends .svelte-kit/tsconfig.json, for the dashboard: run `svelte-kit sync` first).
import { defineConfig, globalIgnores } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const svelteFiles = ['dashboard/**/*.svelte', 'dashboard/**/*.svelte.ts', 'dashboard/**/*.svelte.js'];

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/build/',
    '**/.svelte-kit/',
    '**/coverage/',
    'data/',
    'data-demo/',
    'backups/',
    'test-results/',
    'directus-extensions/dist/',
  ]),

  tseslint.configs.recommended,

  {
    name: 'siap-pd/typescript',
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  {
    // SvelteKit code runs on the server (Node) and in the browser.
    name: 'siap-pd/dashboard-globals',
    files: ['dashboard/**'],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
  },

  {
    name: 'siap-pd/svelte',
    files: svelteFiles,
    extends: [svelte.configs.recommended],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: {
        parser: tseslint.parser,
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
  },

  {
    // Plain JavaScript (config files) is not part of any tsconfig: lint it without type information.
    name: 'siap-pd/javascript',
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ignores: ['dashboard/**/*.svelte.js'],
    extends: [tseslint.configs.disableTypeChecked],
    rules: {
      'no-undef': 'error',
    },
  },
);
