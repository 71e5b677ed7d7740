// Regenerates schema-snapshot.yaml from scripts/schema/model.ts: starts a throw-away Directus on
// an empty SQLite database, creates the model through the REST API (as an administrator would in
// the Data Model screens), and writes Directus's own snapshot of it.
// Usage: npm run schema:build
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDirectusApi, type DirectusApi } from '../lib/directus-api.ts';
import { directusEnv, runDirectusCli, startDirectus } from '../lib/directus-process.ts';
import { findFreePort } from '../lib/find-free-port.ts';
import { snapshotPath } from '../lib/paths.ts';
import { loadOrCreateSecrets } from '../lib/secrets.ts';
import { collections, folders, relations, userFields } from './model.ts';

async function createModel(api: DirectusApi): Promise<void> {
  for (const [sort, folder] of folders.entries()) {
    await api.post('/collections', {
      collection: folder.collection,
      meta: {
        icon: folder.icon,
        sort: sort + 1,
        collapse: 'open',
        translations: [
          { language: 'id-ID', translation: folder.label, singular: folder.label, plural: folder.label },
          {
            language: 'en-US',
            translation: folder.english,
            singular: folder.english,
            plural: folder.english,
          },
        ],
      },
      schema: null,
    });
  }
  for (const [sort, c] of collections.entries()) {
    const [pk, ...rest] = c.fields;
    if (!pk) throw new Error(`${c.collection} has no fields`);
    await api.post('/collections', {
      collection: c.collection,
      meta: {
        icon: c.icon,
        note: c.note,
        group: c.folder,
        sort: sort + 1,
        singleton: c.singleton ?? false,
        display_template: c.displayTemplate ?? null,
        accountability: 'all',
        translations: [
          { language: 'id-ID', translation: c.label[1], singular: c.label[0], plural: c.label[1] },
          { language: 'en-US', translation: c.label[2], singular: c.label[2], plural: c.label[2] },
        ],
      },
      schema: {},
      fields: [pk],
    });
    for (const [index, field] of rest.entries()) {
      await api.post(`/fields/${c.collection}`, { ...field, meta: { ...field.meta, sort: index + 2 } });
    }
  }
  for (const field of userFields) await api.post('/fields/directus_users', field);
  for (const relation of relations) await api.post('/relations', relation);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'siap-pd-schema-'));
  const port = await findFreePort();
  const secrets = loadOrCreateSecrets(dataDir);
  const env = directusEnv({
    dataDir,
    port,
    secrets,
    adminEmail: 'admin@siap-pd.example.org',
    adminPassword: secrets.secret,
    extraEnv: {
      DB_CLIENT: 'sqlite3',
      DB_FILENAME: path.join(dataDir, 'schema.db'),
      EXTENSIONS_MUST_LOAD: 'false',
    },
  });
  await runDirectusCli(['bootstrap'], env);
  const directus = await startDirectus(env);
  try {
    const api = createDirectusApi(directus.url, secrets.setupToken);
    await createModel(api);
    const res = await fetch(`${directus.url}/schema/snapshot?export=yaml`, {
      headers: { authorization: `Bearer ${secrets.setupToken}` },
    });
    if (!res.ok) throw new Error(`snapshot failed: ${res.status} ${await res.text()}`);
    writeFileSync(snapshotPath, await res.text());
    console.log(`schema-snapshot.yaml ditulis (${collections.length} koleksi, ${relations.length} relasi).`);
  } finally {
    await directus.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
