import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface InstanceSecrets {
  key: string;
  secret: string;
  /** Static token of the first administrator, used by setup to apply schema, access and seeds. */
  setupToken: string;
}

/**
 * Secrets live next to the data they protect (SIAP_DATA_DIR/secrets.json, mode 600) so that a
 * restart keeps sessions valid and setup can reach an existing database. Environment variables
 * KEY, SECRET and ADMIN_TOKEN win when set (production).
 */
export function loadOrCreateSecrets(dataDir: string): InstanceSecrets {
  const file = path.join(dataDir, 'secrets.json');
  let stored: Partial<InstanceSecrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<InstanceSecrets>;
  const secrets: InstanceSecrets = {
    key: process.env['KEY'] ?? stored.key ?? randomBytes(32).toString('hex'),
    secret: process.env['SECRET'] ?? stored.secret ?? randomBytes(32).toString('hex'),
    setupToken: process.env['ADMIN_TOKEN'] ?? stored.setupToken ?? randomBytes(24).toString('base64url'),
  };
  if (
    stored.key !== secrets.key ||
    stored.secret !== secrets.secret ||
    stored.setupToken !== secrets.setupToken
  ) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}
