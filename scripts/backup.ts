// npm run backup: a consistent copy of the SQLite database, uploads and secrets under backups/
// (or SIAP_BACKUP_DIR), safe while SIAP-PD runs. PostgreSQL: use pg_dump (docs/deploy.md).
import path from 'node:path';
import { backupData } from './lib/backup-data.ts';
import { repoRoot } from './lib/paths.ts';

const dataDir = path.resolve(process.env['SIAP_DATA_DIR'] ?? path.join(repoRoot, 'data'));
const backupsDir = path.resolve(process.env['SIAP_BACKUP_DIR'] ?? path.join(repoRoot, 'backups'));

/** A folder inside the repository relative to it (what npm run is called from), else absolute. */
function shown(folder: string): string {
  const relative = path.relative(repoRoot, folder);
  return relative.startsWith('..') ? folder : relative;
}

try {
  const result = await backupData(dataDir, backupsDir, new Date());
  console.log(
    `Cadangan dibuat: ${result.folder}\n` +
      `  basis data ${(result.databaseBytes / 1_048_576).toFixed(1)} MB, ${result.uploads} berkas unggahan.\n` +
      `Pulihkan dengan: npm run restore -- ${shown(result.folder)}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
