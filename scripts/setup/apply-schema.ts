import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { DirectusApi } from '../lib/directus-api.ts';
import { snapshotPath } from '../lib/paths.ts';

interface DiffEntry {
  collection: string;
  field?: string;
  diff: { kind: string; path?: unknown[] }[];
}
interface SchemaDiff {
  hash: string;
  diff: { collections: DiffEntry[]; fields: DiffEntry[]; relations: DiffEntry[]; systemFields?: DiffEntry[] };
}

export interface SchemaChanges {
  created: number;
  keptAsIs: number;
}

/** True when a diff entry creates a whole collection, field or relation that does not exist yet. */
function isCreation(entry: DiffEntry): boolean {
  return (
    entry.diff.length > 0 &&
    entry.diff.every((d) => d.kind === 'N' && (d.path === undefined || d.path.length === 0))
  );
}

/**
 * Brings the database up to schema-snapshot.yaml additively. Directus 11.17.4 has no merge mode, so
 * we take the diff and keep only creations: an administrator's deletions, new fields and edits
 * (labels, notes, validation) survive every restart and upgrade.
 */
export async function applySchema(api: DirectusApi): Promise<SchemaChanges> {
  const snapshot = parse(readFileSync(snapshotPath, 'utf8')) as unknown;
  const result = await api.post<SchemaDiff | undefined>('/schema/diff?force=true', snapshot);
  if (!result?.diff) return { created: 0, keptAsIs: 0 };
  const { collections, fields, relations } = result.diff;
  const keep = {
    collections: collections.filter(isCreation),
    fields: fields.filter(isCreation),
    relations: relations.filter(isCreation),
    // Index settings of Directus's own fields follow the release as they are.
    systemFields: result.diff.systemFields ?? [],
  };
  const created = keep.collections.length + keep.fields.length + keep.relations.length;
  const keptAsIs = collections.length + fields.length + relations.length - created;
  if (created > 0) await api.post('/schema/apply', { hash: result.hash, diff: keep });
  return { created, keptAsIs };
}
