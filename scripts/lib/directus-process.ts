import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { directusCli, nodeBinary, repoRoot } from './paths.ts';
import type { InstanceSecrets } from './secrets.ts';

export interface DirectusOptions {
  dataDir: string;
  port: number;
  host?: string;
  secrets: InstanceSecrets;
  adminEmail: string;
  adminPassword: string;
  logLevel?: string;
  /** Extra variables that win over everything (tests use this for a temporary PostgreSQL). */
  extraEnv?: Record<string, string>;
}

/**
 * The environment Directus runs with. SQLite under the data folder unless DB_CLIENT is set by the
 * caller's environment (then the usual Directus DB_* variables apply unchanged).
 */
export function directusEnv(o: DirectusOptions): Record<string, string> {
  const inherited: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined) inherited[name] = value;
  }
  const env: Record<string, string> = {
    ...inherited,
    HOST: o.host ?? process.env['DIRECTUS_HOST'] ?? '127.0.0.1',
    PORT: String(o.port),
    PUBLIC_URL: process.env['PUBLIC_URL'] ?? `http://localhost:${o.port}`,
    KEY: o.secrets.key,
    SECRET: o.secrets.secret,
    ADMIN_EMAIL: o.adminEmail,
    ADMIN_PASSWORD: o.adminPassword,
    ADMIN_TOKEN: o.secrets.setupToken,
    TELEMETRY: 'false',
    // Our bundle loads as a dependency of the root package.json; this folder is for extensions an
    // administrator adds.
    EXTENSIONS_PATH: path.join(o.dataDir, 'extensions'),
    EXTENSIONS_AUTO_RELOAD: 'false',
    EXTENSIONS_MUST_LOAD: 'true',
    MARKETPLACE_TRUST: 'sandbox',
    STORAGE_LOCATIONS: 'local',
    STORAGE_LOCAL_ROOT: path.join(o.dataDir, 'uploads'),
    LOG_LEVEL: o.logLevel ?? process.env['LOG_LEVEL'] ?? 'warn',
    LOG_STYLE: 'pretty',
    MAX_PAYLOAD_SIZE: '64mb',
    WEBSOCKETS_ENABLED: 'false',
    CACHE_ENABLED: process.env['CACHE_ENABLED'] ?? 'false',
    RATE_LIMITER_ENABLED: process.env['RATE_LIMITER_ENABLED'] ?? 'false',
    // On a small machine a long bulk job lags the event loop; Directus's pressure limiter would
    // then refuse interactive requests with 503 "Under pressure". Off unless asked for.
    PRESSURE_LIMITER_ENABLED: process.env['PRESSURE_LIMITER_ENABLED'] ?? 'false',
    ...o.extraEnv,
  };
  if (!env['DB_CLIENT']) {
    env['DB_CLIENT'] = 'sqlite3';
    env['DB_FILENAME'] = path.join(o.dataDir, 'siap-pd.db');
  }
  mkdirSync(path.join(o.dataDir, 'uploads'), { recursive: true });
  mkdirSync(path.join(o.dataDir, 'extensions'), { recursive: true });
  return env;
}

/** Runs one Directus CLI command (bootstrap, schema ...) to completion. */
export function runDirectusCli(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(nodeBinary, [directusCli, ...args], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`directus ${args.join(' ')} gagal (kode ${String(code)}):\n${output}`));
    });
  });
}

export interface RunningDirectus {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * V8 flags for the Directus server. Bulk work (imports, re-classification, allocation) builds arrays of
 * hundreds of thousands of values at once; with V8's default 16 MB young generation they are copied
 * into the old generation and traced again by full collections. 32 MB: measured on the allocation
 * bench, the first preview after loading 100,000 households went from 1.16 s to 0.92-0.95 s, most of
 * the difference garbage collection. docker-compose.yml sets the same through NODE_OPTIONS.
 */
export const DIRECTUS_NODE_FLAGS = ['--max-semi-space-size=32'] as const;

/** Starts the Directus API server and resolves once /server/health answers. */
export async function startDirectus(
  env: Record<string, string>,
  options: { inheritOutput?: boolean; timeoutMs?: number } = {},
): Promise<RunningDirectus> {
  const url = `http://127.0.0.1:${env['PORT'] ?? '8055'}`;
  const child = spawn(nodeBinary, [...DIRECTUS_NODE_FLAGS, directusCli, 'start'], {
    cwd: repoRoot,
    env,
    stdio: options.inheritOutput ? 'inherit' : ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20000)));
  let exited = false;
  child.on('exit', () => (exited = true));

  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  for (;;) {
    if (exited) throw new Error(`Directus berhenti saat mulai:\n${output}`);
    try {
      const res = await fetch(`${url}/server/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`Directus tidak siap dalam batas waktu:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
