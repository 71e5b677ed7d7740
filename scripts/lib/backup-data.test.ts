import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { describe, expect, it } from 'vitest';
import { backupData, DATABASE_FILE, restoreData } from './backup-data.ts';

async function withDatabase<T>(file: string, work: (db: knexFactory.Knex) => Promise<T>): Promise<T> {
  const db = knexFactory({ client: 'sqlite3', connection: { filename: file }, useNullAsDefault: true });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

describe('backupData and restoreData', () => {
  it('copies the database, uploads and secrets, and restores them keeping the current data aside', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'siap-pd-backup-'));
    const dataDir = path.join(root, 'data');
    mkdirSync(path.join(dataDir, 'uploads'), { recursive: true });
    writeFileSync(path.join(dataDir, 'uploads', 'foto.jpg'), 'bukti');
    writeFileSync(path.join(dataDir, 'secrets.json'), '{"key":"k"}');
    const database = path.join(dataDir, DATABASE_FILE);
    await withDatabase(database, async (db) => {
      await db.schema.createTable('households', (table) => {
        table.increments('id');
        table.string('head_name');
      });
      await db('households').insert([{ head_name: 'Ahmad' }, { head_name: 'Siti' }]);
    });

    const backup = await backupData(dataDir, path.join(root, 'backups'), new Date('2026-11-28T10:00:00Z'));
    expect(path.basename(backup.folder)).toBe('siap-pd-2026-11-28T10-00-00-000Z');
    expect(backup.uploads).toBe(1);
    expect(backup.databaseBytes).toBeGreaterThan(0);

    // later work that the restore takes back
    await withDatabase(database, (db) => db('households').insert({ head_name: 'Baru' }));
    const restored = restoreData(backup.folder, dataDir, new Date('2026-11-28T11:00:00Z'));
    expect(restored.keptAs).toBe(`${dataDir}.sebelum-pulih-2026-11-28T11-00-00-000Z`);
    const names = await withDatabase(database, (db) => db('households').orderBy('id').pluck('head_name'));
    expect(names).toEqual(['Ahmad', 'Siti']);
    expect(readFileSync(path.join(dataDir, 'uploads', 'foto.jpg'), 'utf8')).toBe('bukti');
    expect(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')).toBe('{"key":"k"}');
    const kept = await withDatabase(path.join(restored.keptAs ?? '', DATABASE_FILE), (db) =>
      db('households').count({ n: '*' }).first(),
    );
    expect(Number(kept?.n)).toBe(3);
  });

  it.each([
    ['no database yet', 'backup', /Basis data SQLite tidak ada/],
    ['not a backup folder', 'restore', /bukan folder cadangan SIAP-PD/],
  ] as const)('says what to do: %s', async (_label, action, message) => {
    const root = mkdtempSync(path.join(tmpdir(), 'siap-pd-backup-'));
    const attempt =
      action === 'backup'
        ? backupData(path.join(root, 'data'), path.join(root, 'backups'), new Date())
        : Promise.resolve().then(() => restoreData(root, path.join(root, 'data'), new Date()));
    await expect(attempt).rejects.toThrow(message);
    expect(existsSync(path.join(root, 'data'))).toBe(false);
  });
});
