import { runSetup, type SetupReport } from '../setup/run-setup.ts';
import { directusEnv, runDirectusCli, startDirectus, type RunningDirectus } from './directus-process.ts';
import { loadOrCreateSecrets } from './secrets.ts';

export const DEFAULT_DEMO_PASSWORD = 'siap-pd-demo';
export const ADMIN_EMAIL = 'admin@siap-pd.example.org';

export interface InstanceOptions {
  dataDir: string;
  port: number;
  demo: boolean;
  demoPassword: string;
  /** Size of the demo dataset (default: the demo's 2,000 households). */
  demoHouseholds?: number;
  adminEmail?: string;
  adminPassword?: string;
  inheritOutput?: boolean;
  extraEnv?: Record<string, string>;
  log?: (message: string) => void;
}

export interface RunningInstance {
  url: string;
  /** Static token of the first administrator (setup's own credential). */
  adminToken: string;
  directus: RunningDirectus;
  setup: SetupReport;
  stop(): Promise<void>;
}

/**
 * Bootstraps (new database) or migrates (existing one), starts Directus and runs setup: the one
 * path used by `npm start` and by the integration tests.
 */
export async function startInstance(o: InstanceOptions): Promise<RunningInstance> {
  const log = o.log ?? ((message: string) => console.log(message));
  const secrets = loadOrCreateSecrets(o.dataDir);
  const env = directusEnv({
    dataDir: o.dataDir,
    port: o.port,
    secrets,
    adminEmail: o.adminEmail ?? process.env['ADMIN_EMAIL'] ?? ADMIN_EMAIL,
    adminPassword: o.adminPassword ?? process.env['ADMIN_PASSWORD'] ?? o.demoPassword,
    ...(o.extraEnv === undefined ? {} : { extraEnv: o.extraEnv }),
  });
  log('Menyiapkan basis data Directus (bootstrap/migrasi) ...');
  await runDirectusCli(['bootstrap'], env);
  log(`Menjalankan Directus di port ${o.port} ...`);
  const directus = await startDirectus(env, { inheritOutput: o.inheritOutput ?? false });
  try {
    const setup = await runSetup({
      url: directus.url,
      token: secrets.setupToken,
      demo: o.demo,
      demoPassword: o.demoPassword,
      ...(o.demoHouseholds === undefined ? {} : { demoHouseholds: o.demoHouseholds }),
      log,
    });
    return {
      url: directus.url,
      adminToken: secrets.setupToken,
      directus,
      setup,
      stop: () => directus.stop(),
    };
  } catch (error) {
    await directus.stop();
    throw error;
  }
}
