// End-to-end run: one real Directus (the same start-up as the integration tests: schema, access, reference
// seed and demo data), the dashboard built and served by dashboard/server.ts on a free port with ORIGIN and
// DIRECTUS_URL, and Debian's Chromium for playwright-core. Everything is stopped at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findFreePort } from '../../scripts/lib/find-free-port.ts';
import { dashboardServer, nodeBinary, repoRoot } from '../../scripts/lib/paths.ts';
import { startTestDirectus, type TestDirectus } from '../support/start-test-directus.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dashboardUrl: string;
    chromiumPath: string;
  }
}

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Runs a command to completion in the background; its output goes to a log file (not a pipe, which could
 * fill up while the Directus start-up blocks this process) and is shown when it fails.
 */
function run(command: string, args: string[]): Promise<void> {
  const logFile = path.join(mkdtempSync(path.join(tmpdir(), 'siap-pd-e2e-')), 'build.log');
  const log = openSync(logFile, 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', log, log] });
    child.on('error', reject);
    child.on('exit', (code) => {
      closeSync(log);
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} gagal (kode ${String(code)}):\n${readFileSync(logFile, 'utf8')}`,
          ),
        );
    });
  });
}

async function waitForDashboard(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`dasbor berhenti (kode ${server.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${url}/login`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`dasbor tidak menjawab di ${url} dalam 60 detik:\n${output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium tidak ditemukan di ${CHROMIUM_PATH}. Pasang dengan \`apt-get install chromium\` ` +
        '(atau arahkan CHROMIUM_PATH ke berkasnya); uji end-to-end tidak mengunduh browser.',
    );
  }

  // The dashboard builds while Directus starts (both take a while on 2 cores).
  const build = run('npm', ['run', 'build', '--workspace', 'dashboard']);
  let directus: TestDirectus;
  try {
    directus = await startTestDirectus();
  } catch (error) {
    await build.catch(() => undefined);
    throw error;
  }
  let server: ChildProcess | null = null;
  try {
    await build;
    const port = await findFreePort();
    const url = `http://127.0.0.1:${port}`;
    let output = '';
    server = spawn(nodeBinary, [dashboardServer], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, DIRECTUS_URL: directus.url },
    });
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (process.env['SIAP_TEST_VERBOSE']) process.stderr.write(chunk);
    });
    await waitForDashboard(url, server, () => output);
    console.log(`Dasbor uji siap di ${url}`);

    project.provide('directusUrl', directus.url);
    project.provide('adminToken', directus.adminToken);
    project.provide('demoPassword', directus.demoPassword);
    project.provide('database', directus.database);
    project.provide('dashboardUrl', url);
    project.provide('chromiumPath', CHROMIUM_PATH);
  } catch (error) {
    if (server !== null) await stopProcess(server);
    await directus.stop();
    throw error;
  }
  const running = server;
  return async () => {
    await stopProcess(running);
    await directus.stop();
  };
}
