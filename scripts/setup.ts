// Applies schema, access, settings and reference seed (and, with SIAP_DEMO=true, the demo data)
// to an already running Directus, e.g. the docker-compose deployment:
//   node scripts/setup.ts --url http://proxy:8055
// Credentials: ADMIN_TOKEN, or ADMIN_EMAIL and ADMIN_PASSWORD of an administrator.
import { parseArgs } from 'node:util';
import { createDirectusApi } from './lib/directus-api.ts';
import { DEFAULT_DEMO_PASSWORD } from './lib/start-instance.ts';
import { runSetup } from './setup/run-setup.ts';

const { values } = parseArgs({ options: { url: { type: 'string' } } });
const url = values.url ?? process.env['DIRECTUS_URL'] ?? 'http://127.0.0.1:8055';

async function adminToken(): Promise<string> {
  const token = process.env['ADMIN_TOKEN'];
  if (token) return token;
  const email = process.env['ADMIN_EMAIL'];
  const password = process.env['ADMIN_PASSWORD'];
  if (!email || !password) {
    throw new Error('Setel ADMIN_TOKEN, atau ADMIN_EMAIL dan ADMIN_PASSWORD seorang administrator.');
  }
  const auth = await createDirectusApi(url, null).post<{ access_token: string }>('/auth/login', {
    email,
    password,
  });
  return auth.access_token;
}

const report = await runSetup({
  url,
  token: await adminToken(),
  demo: process.env['SIAP_DEMO'] === 'true',
  demoPassword: process.env['SIAP_DEMO_PASSWORD'] ?? DEFAULT_DEMO_PASSWORD,
});
console.log(`Setup selesai${report.demoLoaded ? ' (data demo dimuat)' : ''}.`);
