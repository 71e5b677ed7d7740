// npm run demo [-- <households>]: SIAP-PD on a fresh demo database in data-demo/ (recreated on every
// run, so your own data/ is never touched), e.g. `npm run demo -- 100000` to try a district-sized
// dataset. Ports, password and the rest as for npm start.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './lib/paths.ts';

const dataDir = path.resolve(process.env['SIAP_DEMO_DATA_DIR'] ?? path.join(repoRoot, 'data-demo'));
const households = process.argv[2];

rmSync(dataDir, { recursive: true, force: true });
process.env['SIAP_DATA_DIR'] = dataDir;
process.env['SIAP_DEMO'] = 'true';
if (households !== undefined) process.env['SIAP_DEMO_HOUSEHOLDS'] = households;
console.log(
  `Demo baru di ${dataDir}${households === undefined ? '' : ` dengan ${households} rumah tangga`} ...`,
);
await import('./start.ts');
