// One real Directus for a test run, on a free port with a temporary database, set up by the same
// startInstance() that `npm start` uses (schema, access, reference seed, demo data). SQLite by
// default; TEST_DB=postgres runs it on a throw-away PostgreSQL cluster instead.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../scripts/lib/find-free-port.ts';
import { repoRoot } from '../../scripts/lib/paths.ts';
import { startInstance } from '../../scripts/lib/start-instance.ts';
import { startPostgres, type RunningPostgres } from './start-postgres.ts';

export const TEST_PASSWORD = 'uji-siap-pd-2025';

export interface TestDirectus {
  url: string;
  adminToken: string;
  demoPassword: string;
  database: 'sqlite' | 'postgres';
  stop(): Promise<void>;
}

export async function startTestDirectus(): Promise<TestDirectus> {
  const build = spawnSync('npm', ['run', 'build', '--workspace', 'directus-extensions'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build ekstensi gagal:\n${build.stdout}\n${build.stderr}`);

  const database = process.env['TEST_DB'] === 'postgres' ? 'postgres' : 'sqlite';
  let postgres: RunningPostgres | null = null;
  if (database === 'postgres') postgres = await startPostgres();

  const dataDir = mkdtempSync(path.join(tmpdir(), 'siap-pd-it-'));
  const port = await findFreePort();
  const started = Date.now();
  try {
    const instance = await startInstance({
      dataDir,
      port,
      demo: true,
      demoPassword: TEST_PASSWORD,
      // A throw-away instance: cheaper password hashing keeps 180 demo users from dominating start-up.
      extraEnv: { HASH_MEMORY_COST: '4096', HASH_TIME_COST: '2', ...(postgres?.env ?? {}) },
      log: (message) => {
        if (process.env['SIAP_TEST_VERBOSE']) {
          console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);
        }
      },
    });
    console.log(
      `Directus uji (${database}) siap di ${instance.url} dalam ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return {
      url: instance.url,
      adminToken: instance.adminToken,
      demoPassword: TEST_PASSWORD,
      database,
      stop: async () => {
        await instance.stop();
        await postgres?.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await postgres?.stop();
    throw error;
  }
}
