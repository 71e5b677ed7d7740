// A throw-away PostgreSQL cluster for TEST_DB=postgres: Debian's server binaries, a temporary data
// folder and a free port on the loopback interface. initdb refuses to run as root, so as root the
// cluster is created and run as the `postgres` system user.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../scripts/lib/find-free-port.ts';

export interface RunningPostgres {
  env: Record<string, string>;
  stop(): Promise<void>;
}

function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const version = versions[0];
  if (version === undefined) {
    throw new Error(
      'TEST_DB=postgres butuh server PostgreSQL: jalankan `apt-get install postgresql` lalu ulangi.',
    );
  }
  return path.join(root, version, 'bin');
}

const isRoot = process.getuid?.() === 0;

function asPostgresUser(command: string, args: string[]): { command: string; args: string[] } {
  if (!isRoot) return { command, args };
  return { command: 'runuser', args: ['-u', 'postgres', '--', command, ...args] };
}

export async function startPostgres(): Promise<RunningPostgres> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(path.join(tmpdir(), 'siap-pd-pg-'));
  chmodSync(dir, 0o777);
  const dataDir = path.join(dir, 'data');
  const port = await findFreePort();
  const init = asPostgresUser(path.join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
  ]);
  execFileSync(init.command, init.args, { stdio: 'ignore' });
  const run = asPostgresUser(path.join(bin, 'postgres'), [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
  ]);
  const server: ChildProcess = spawn(run.command, run.args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-5000)));

  const ready = asPostgresUser(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)]);
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      execFileSync(ready.command, ready.args, { stdio: 'ignore' });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`PostgreSQL tidak siap:\n${log}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const createdb = asPostgresUser(path.join(bin, 'createdb'), [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    'postgres',
    'siap_pd',
  ]);
  execFileSync(createdb.command, createdb.args, { stdio: 'ignore' });

  return {
    env: {
      DB_CLIENT: 'pg',
      DB_HOST: '127.0.0.1',
      DB_PORT: String(port),
      DB_DATABASE: 'siap_pd',
      DB_USER: 'postgres',
      DB_PASSWORD: '',
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        // runuser does not pass signals on: stop the server itself.
        const stop = asPostgresUser(path.join(bin, 'pg_ctl'), ['-D', dataDir, 'stop', '-m', 'fast']);
        execFileSync(stop.command, stop.args, { stdio: 'ignore' });
      }),
  };
}
