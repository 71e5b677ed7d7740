// npm run restore -- backups/siap-pd-<time>: puts a backup back as the data folder (SIAP_DATA_DIR or
// data/). SIAP-PD must be stopped first; the current data folder is kept beside it, never deleted.
import path from 'node:path';
import { restoreData } from './lib/backup-data.ts';
import { repoRoot } from './lib/paths.ts';

const dataDir = path.resolve(process.env['SIAP_DATA_DIR'] ?? path.join(repoRoot, 'data'));
const directusPort = Number(process.env['DIRECTUS_PORT'] ?? 8055);
const folder = process.argv[2];

if (folder === undefined) {
  console.error('Sebutkan folder cadangan, mis. npm run restore -- backups/siap-pd-2026-11-28T10-00-00-000Z');
  process.exit(2);
}

const running = await fetch(`http://127.0.0.1:${directusPort}/server/ping`)
  .then((response) => response.ok)
  .catch(() => false);
if (running) {
  console.error(
    `Directus masih berjalan di port ${directusPort}. Hentikan SIAP-PD dulu (Ctrl-C pada npm start), lalu ulangi.`,
  );
  process.exit(1);
}

try {
  const { keptAs } = restoreData(path.resolve(folder), dataDir, new Date());
  console.log(
    `Data dipulihkan ke ${dataDir}.` +
      (keptAs === null ? '' : `\nData sebelumnya disimpan di ${keptAs} (hapus bila tidak diperlukan).`) +
      '\nJalankan npm start.',
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
