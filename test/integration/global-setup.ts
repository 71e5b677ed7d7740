// Starts one real Directus for the whole integration run and stops it at the end.
import type { TestProject } from 'vitest/node';
import { startTestDirectus } from '../support/start-test-directus.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    directusUrl: string;
    adminToken: string;
    demoPassword: string;
    database: 'sqlite' | 'postgres';
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const directus = await startTestDirectus();
  project.provide('directusUrl', directus.url);
  project.provide('adminToken', directus.adminToken);
  project.provide('demoPassword', directus.demoPassword);
  project.provide('database', directus.database);
  return () => directus.stop();
}
