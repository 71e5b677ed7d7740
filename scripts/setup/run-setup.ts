import { applyAccess } from '../../access/apply-access.ts';
import { createDirectusApi } from '../lib/directus-api.ts';
import { applySchema } from './apply-schema.ts';
import { applySettings } from './apply-settings.ts';
import { seedDemo } from './seed-demo.ts';
import { seedReference } from './seed-reference.ts';

export interface SetupOptions {
  url: string;
  token: string;
  demo: boolean;
  demoPassword: string;
  demoHouseholds?: number;
  log?: (message: string) => void;
}

export interface SetupReport {
  newDatabase: boolean;
  schemaCreated: number;
  demoLoaded: boolean;
}

/**
 * Everything that turns a bootstrapped Directus into SIAP-PD, in the same order for `npm start`,
 * the integration tests and docker-compose's setup service. Safe to run on every start: schema is
 * applied additively, access is synced to access/roles.ts, seeds only insert what is absent, and
 * the demo dataset is loaded only into a database that has no households yet.
 */
export async function runSetup(o: SetupOptions): Promise<SetupReport> {
  const log = o.log ?? ((message: string) => console.log(message));
  const api = createDirectusApi(o.url, o.token);

  const collections = await api.get<{ collection: string }[]>('/collections?limit=-1');
  const newDatabase = !collections.some((c) => c.collection === 'households');

  const schema = await applySchema(api);
  log(
    `Skema: ${schema.created} objek baru dibuat${schema.keptAsIs > 0 ? `, ${schema.keptAsIs} perubahan lokal dipertahankan` : ''}.`,
  );
  const indexes = await api.post<{ created: string[]; dropped?: string[] }>(
    '/siap-pd/maintenance/indexes',
    {},
  );
  if (indexes.created.length > 0) log(`Indeks ringkasan dibuat: ${indexes.created.join(', ')}.`);
  if (indexes.dropped && indexes.dropped.length > 0)
    log(`Indeks lama yang sudah tergantikan dihapus: ${indexes.dropped.join(', ')}.`);
  await applySettings(api, newDatabase);
  const access = await applyAccess(api);
  log(`Hak akses: ${access.created} dibuat, ${access.updated} diperbarui, ${access.deleted} dihapus.`);
  const seeded = await seedReference(api);
  const seededTotal = Object.values(seeded).reduce((a, b) => a + b, 0);
  log(
    `Data referensi: ${seededTotal} baris baru (${Object.entries(seeded)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}).`,
  );

  let demoLoaded = false;
  if (o.demo) {
    const existing = await api.get<{ count: { id: string | number } }[]>(
      '/items/households?aggregate[count]=id',
    );
    if (Number(existing[0]?.count.id ?? 0) === 0) {
      await seedDemo(api, {
        password: o.demoPassword,
        ...(o.demoHouseholds === undefined ? {} : { households: o.demoHouseholds }),
        log,
      });
      demoLoaded = true;
    }
  }
  return { newDatabase, schemaCreated: schema.created, demoLoaded };
}
