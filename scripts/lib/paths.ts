import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const directusCli = path.join(repoRoot, 'node_modules', '@directus', 'api', 'dist', 'cli', 'run.js');
export const snapshotPath = path.join(repoRoot, 'schema-snapshot.yaml');
/** The built dashboard (dashboard/build) is served by dashboard/server.ts, which honours ORIGIN. */
export const dashboardBuild = path.join(repoRoot, 'dashboard', 'build', 'handler.js');
export const dashboardServer = path.join(repoRoot, 'dashboard', 'server.ts');
/** The Node 22 binary that runs everything (process.execPath when started through npm scripts). */
export const nodeBinary = process.execPath;
