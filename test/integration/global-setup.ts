// Starts one real Directus for the whole integration run, on a free port with a temporary
// database, through the same startInstance() that `npm start` uses (schema, access, reference
// seed and demo data), and stops it at the end.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findFreePort } from '../../scripts/lib/find-free-port.ts';
import { repoRoot } from '../../scripts/lib/paths.ts';
import { startInstance } from '../../scripts/lib/start-instance.ts';

export const TEST_PASSWORD = 'uji-siap-pd-2025';

declare module 'vitest' {
  export interface ProvidedContext {
    directusUrl: string;
    adminToken: string;
    demoPassword: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const build = spawnSync('npm', ['run', 'build', '--workspace', 'directus-extensions'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build ekstensi gagal:\n${build.stdout}\n${build.stderr}`);

  const dataDir = mkdtempSync(path.join(tmpdir(), 'siap-pd-it-'));
  const port = await findFreePort();
  const started = Date.now();
  const instance = await startInstance({
    dataDir,
    port,
    demo: true,
    demoPassword: TEST_PASSWORD,
    // A throw-away instance: cheaper password hashing keeps 180 demo users from dominating start-up.
    extraEnv: { HASH_MEMORY_COST: '4096', HASH_TIME_COST: '2' },
    log: (message) => {
      if (process.env['SIAP_TEST_VERBOSE'])
        console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);
    },
  });
  console.log(`Directus uji siap di ${instance.url} dalam ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('directusUrl', instance.url);
  project.provide('adminToken', instance.adminToken);
  project.provide('demoPassword', TEST_PASSWORD);
  return async () => {
    await instance.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
