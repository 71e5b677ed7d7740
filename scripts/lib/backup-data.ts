// Backup and restore of a SIAP-PD installation that runs on SQLite (npm start): the database, taken
// consistently while Directus may be running (VACUUM INTO), the uploaded files and data/secrets.json
// (without it the stored sessions and the admin token no longer match). PostgreSQL installations are
// backed up with the database's own tools (pg_dump); see docs/deploy.md.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import knexFactory from 'knex';

export const DATABASE_FILE = 'siap-pd.db';
const MANIFEST = 'cadangan.json';

export interface BackupResult {
  folder: string;
  databaseBytes: number;
  uploads: number;
}

/** Writes a backup of `dataDir` into a new folder under `backupsDir` named after `now`. */
export async function backupData(dataDir: string, backupsDir: string, now: Date): Promise<BackupResult> {
  const database = path.join(dataDir, DATABASE_FILE);
  if (!existsSync(database)) {
    throw new Error(
      `Basis data SQLite tidak ada di ${database}. Jalankan npm start sekali dulu, atau atur SIAP_DATA_DIR ` +
        'ke folder data yang benar. Instalasi PostgreSQL dicadangkan dengan pg_dump (lihat docs/deploy.md).',
    );
  }
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const folder = path.join(backupsDir, `siap-pd-${stamp}`);
  if (existsSync(folder)) throw new Error(`Folder cadangan ${folder} sudah ada; coba lagi sebentar lagi.`);
  mkdirSync(folder, { recursive: true });
  const db = knexFactory({ client: 'sqlite3', connection: { filename: database }, useNullAsDefault: true });
  try {
    // a consistent copy even while Directus writes (SQLite copies one snapshot of the database)
    await db.raw('VACUUM INTO ?', [path.join(folder, DATABASE_FILE)]);
  } finally {
    await db.destroy();
  }
  let uploads = 0;
  const uploadsDir = path.join(dataDir, 'uploads');
  if (existsSync(uploadsDir)) {
    cpSync(uploadsDir, path.join(folder, 'uploads'), { recursive: true });
    uploads = readdirSync(uploadsDir).length;
  }
  const secrets = path.join(dataDir, 'secrets.json');
  if (existsSync(secrets)) cpSync(secrets, path.join(folder, 'secrets.json'));
  writeFileSync(
    path.join(folder, MANIFEST),
    `${JSON.stringify({ created: now.toISOString(), from: dataDir, uploads }, null, 2)}\n`,
  );
  return { folder, databaseBytes: statSync(path.join(folder, DATABASE_FILE)).size, uploads };
}

/**
 * Puts a backup folder back as `dataDir`. The current data folder is kept beside it (renamed with
 * `.sebelum-pulih-<time>`), never deleted, so a wrong restore can be undone by hand.
 */
export function restoreData(backupFolder: string, dataDir: string, now: Date): { keptAs: string | null } {
  if (!existsSync(path.join(backupFolder, DATABASE_FILE)) || !existsSync(path.join(backupFolder, MANIFEST))) {
    throw new Error(
      `${backupFolder} bukan folder cadangan SIAP-PD (tidak ada ${DATABASE_FILE} dan ${MANIFEST}). ` +
        'Pilih salah satu folder di bawah backups/ yang dibuat oleh npm run backup.',
    );
  }
  let keptAs: string | null = null;
  if (existsSync(dataDir)) {
    keptAs = `${dataDir}.sebelum-pulih-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dataDir, keptAs);
  }
  mkdirSync(dataDir, { recursive: true });
  cpSync(path.join(backupFolder, DATABASE_FILE), path.join(dataDir, DATABASE_FILE));
  for (const item of ['uploads', 'secrets.json']) {
    const source = path.join(backupFolder, item);
    if (existsSync(source)) cpSync(source, path.join(dataDir, item), { recursive: true });
  }
  // SQLite side files of the old database must not be replayed onto the restored one
  for (const side of ['-wal', '-shm', '-journal'])
    rmSync(path.join(dataDir, `${DATABASE_FILE}${side}`), { force: true });
  return { keptAs };
}
