// npm start: Directus (admin at /admin) and the dashboard, on SQLite under data/ by default,
// created and seeded on first run. Ctrl-C stops both.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { roles } from '../access/roles.ts';
import { dashboardBuild, dashboardServer, nodeBinary, repoRoot } from './lib/paths.ts';
import { ADMIN_EMAIL, DEFAULT_DEMO_PASSWORD, startInstance } from './lib/start-instance.ts';

const dataDir = path.resolve(process.env['SIAP_DATA_DIR'] ?? path.join(repoRoot, 'data'));
const directusPort = Number(process.env['DIRECTUS_PORT'] ?? 8055);
const dashboardPort = Number(process.env['DASHBOARD_PORT'] ?? 3000);
const demo = (process.env['SIAP_DEMO'] ?? 'true') !== 'false';
const demoPassword = process.env['SIAP_DEMO_PASSWORD'] ?? DEFAULT_DEMO_PASSWORD;
const demoHouseholds = readHouseholdCount(process.env['SIAP_DEMO_HOUSEHOLDS']);

function readHouseholdCount(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 500_000) {
    console.error(`SIAP_DEMO_HOUSEHOLDS harus bilangan bulat 1–500000, bukan "${raw}".`);
    process.exit(2);
  }
  return value;
}

if (
  !existsSync(path.join(repoRoot, 'directus-extensions', 'dist', 'api.js')) ||
  !existsSync(dashboardBuild)
) {
  console.log('Membangun ekstensi Directus dan dasbor ...');
  const build = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const instance = await startInstance({
  dataDir,
  port: directusPort,
  demo,
  demoPassword,
  ...(demoHouseholds === undefined ? {} : { demoHouseholds }),
  inheritOutput: true,
});

const dashboard: ChildProcess = spawn(nodeBinary, [dashboardServer], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: String(dashboardPort),
    HOST: process.env['DASHBOARD_HOST'] ?? '127.0.0.1',
    ORIGIN: process.env['DASHBOARD_ORIGIN'] ?? `http://localhost:${dashboardPort}`,
    DIRECTUS_URL: instance.url,
    PUBLIC_ADMIN_URL: `http://localhost:${directusPort}/admin`,
  },
});

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nMenghentikan SIAP-PD ...');
  dashboard.kill('SIGTERM');
  await instance.stop();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
dashboard.on('exit', (code) => {
  if (!stopping) {
    console.error(`Dasbor berhenti (kode ${String(code)}).`);
    void stop(1);
  }
});

const password = demo ? demoPassword : '(kata sandi ADMIN_PASSWORD Anda)';
console.log(`
SIAP-PD berjalan.
  Admin Directus : http://localhost:${directusPort}/admin
  Dasbor         : http://localhost:${dashboardPort}
  Data           : ${dataDir}${instance.setup.demoLoaded ? '\n  Data demo dimuat (sekali, ke basis data baru).' : ''}
Login demo (kata sandi: ${password}):
  ${ADMIN_EMAIL}
  ${roles
    .map((r) => r.key)
    .filter((k) => k === 'perencana' || k === 'pimpinan')
    .map((k) => `${k}@siap-pd.example.org`)
    .join('\n  ')}
  operator.<kode desa>@siap-pd.example.org      mis. operator.63.11.07.2002@siap-pd.example.org
  verifikator.<kode kecamatan>@siap-pd.example.org  mis. verifikator.63.11.07@siap-pd.example.org
  pd.<id perangkat daerah>@siap-pd.example.org  mis. pd.disperkim@siap-pd.example.org
Tekan Ctrl-C untuk berhenti.`);
