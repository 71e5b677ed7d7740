import { describe, expect, it } from 'vitest';
import { collections } from '../scripts/schema/model.ts';
import {
  collectionPresets,
  fieldsOf,
  permissions,
  roles,
  type PermissionDef,
  type RoleKey,
} from './roles.ts';

const ROLE_KEYS = roles.map((r) => r.key);
const all = (Object.entries(permissions) as [RoleKey, PermissionDef[]][]).flatMap(([role, rows]) =>
  rows.map((row) => ({ role, ...row })),
);

/** Every `_some` body in a filter (at any depth). */
function someBodies(filter: unknown): unknown[] {
  if (Array.isArray(filter)) return filter.flatMap(someBodies);
  if (!filter || typeof filter !== 'object') return [];
  return Object.entries(filter).flatMap(([key, value]) => [
    ...(key === '_some' || key === '_none' ? [value] : []),
    ...someBodies(value),
  ]);
}

/** Every `_eq` value that reads a $CURRENT_USER field (not the user id itself). */
function userFieldEquals(filter: unknown, inSome = false): { value: string; inSome: boolean }[] {
  if (Array.isArray(filter)) return filter.flatMap((f) => userFieldEquals(f, inSome));
  if (!filter || typeof filter !== 'object') return [];
  return Object.entries(filter).flatMap(([key, value]) => [
    ...(key === '_eq' && typeof value === 'string' && value.startsWith('$CURRENT_USER.')
      ? [{ value, inSome }]
      : []),
    ...userFieldEquals(value, inSome || key === '_some'),
  ]);
}

describe('access/roles.ts', () => {
  it('has one permission row per collection and action in each role', () => {
    for (const key of ROLE_KEYS) {
      const seen = permissions[key].map((p) => `${p.collection}:${p.action}`);
      expect(new Set(seen).size, key).toBe(seen.length);
    }
  });

  it.each(all.map((p) => [p.role, p.collection, p.action, p] as const))(
    '%s %s %s names real fields',
    (_r, collection, _a, p) => {
      if (collection.startsWith('directus_')) return;
      expect(
        collections.some((c) => c.collection === collection),
        collection,
      ).toBe(true);
      const known = new Set(fieldsOf(collection));
      for (const field of p.fields)
        if (field !== '*') expect(known.has(field), `${collection}.${field}`).toBe(true);
    },
  );

  it('never puts a logical operator directly inside _some (Directus 11.17 drops it and matches everything)', () => {
    for (const p of all) {
      for (const body of someBodies(p.permissions)) {
        expect(
          Object.keys(body as object).some((k) => k === '_and' || k === '_or'),
          `${p.role} ${p.collection}`,
        ).toBe(false);
      }
    }
  });

  it('guards every scope by a user field against a user who lacks it', () => {
    for (const p of all) {
      for (const rule of [p.permissions, p.validation]) {
        const text = JSON.stringify(rule ?? null);
        for (const { value, inSome } of userFieldEquals(rule)) {
          const field = value.slice('$CURRENT_USER.'.length);
          // outside _some: an _nnull guard on the same column sits beside the _eq (own());
          // inside _some only the null-safe `_in` form is allowed.
          expect(inSome, `${p.role} ${p.collection}: _eq ${value} inside _some`).toBe(false);
          expect(text.includes('"_nnull":true'), `${p.role} ${p.collection}: ${field} unguarded`).toBe(true);
        }
      }
    }
  });

  it('keeps NIK and No. KK out of the fields pimpinan and perangkat daerah read', () => {
    for (const role of ['pimpinan', 'perangkat_daerah'] as const) {
      const households = permissions[role].find((p) => p.collection === 'households' && p.action === 'read');
      const members = permissions[role].find(
        (p) => p.collection === 'household_members' && p.action === 'read',
      );
      expect(households?.fields).not.toContain('*');
      expect(households?.fields).not.toContain('head_nik');
      expect(households?.fields).not.toContain('no_kk');
      expect(members?.fields).not.toContain('*');
      expect(members?.fields).not.toContain('nik');
    }
  });

  it('lets no role but the administrator delete households or members', () => {
    for (const p of all) {
      if (p.action === 'delete') expect(['households', 'household_members']).not.toContain(p.collection);
    }
  });

  const REPORT_FIELDS = ['progress_pct', 'realized_cost', 'note', 'evidence'];
  const REPORT_CREATE_FIELDS = fieldsOf('intervention_reports', ['id', 'date_created', 'user_created']);
  const OWN_AGENCY_RULE = JSON.stringify({
    _and: [
      { perangkat_daerah: { _eq: '$CURRENT_USER.perangkat_daerah' } },
      { perangkat_daerah: { _nnull: true } },
    ],
  });
  // role, action, the fields it writes, its row filter and validation (null: any agency; undefined: no such permission)
  it.each([
    ['perencana', 'create', REPORT_CREATE_FIELDS, null, null],
    ['perencana', 'update', REPORT_FIELDS, null, null],
    ['perencana', 'delete', ['*'], null, null],
    ['perangkat_daerah', 'create', REPORT_CREATE_FIELDS, null, OWN_AGENCY_RULE],
    ['perangkat_daerah', 'update', REPORT_FIELDS, OWN_AGENCY_RULE, OWN_AGENCY_RULE],
    ['perangkat_daerah', 'delete', undefined, undefined, undefined],
    ['pimpinan', 'create', undefined, undefined, undefined],
    ['pimpinan', 'update', undefined, undefined, undefined],
    ['pimpinan', 'delete', undefined, undefined, undefined],
    ['operator_desa', 'create', undefined, undefined, undefined],
    ['verifikator_kecamatan', 'update', undefined, undefined, undefined],
  ] as const)('intervention_reports: %s %s', (role, action, fields, filter, validation) => {
    const rule = permissions[role].find(
      (p) => p.collection === 'intervention_reports' && p.action === action,
    );
    if (fields === undefined) {
      expect(rule).toBeUndefined();
      return;
    }
    expect([...(rule?.fields ?? [])].sort()).toEqual([...fields].sort());
    expect(rule?.fields).not.toContain('id');
    expect(rule?.fields).not.toContain('date_created');
    expect(rule?.fields).not.toContain('user_created');
    expect(rule?.permissions ? JSON.stringify(rule.permissions) : null).toBe(filter);
    expect(rule?.validation ? JSON.stringify(rule.validation) : null).toBe(validation);
  });

  const OWN_UPLOADS = JSON.stringify({ uploaded_by: { _eq: '$CURRENT_USER' } });
  // role, action, its row filter (null: every file; undefined: no such permission)
  it.each([
    ['perencana', 'read', null],
    ['perencana', 'create', null],
    ['perencana', 'update', OWN_UPLOADS],
    ['perencana', 'delete', undefined],
    ['pimpinan', 'read', null],
    ['pimpinan', 'create', undefined],
    ['operator_desa', 'read', OWN_UPLOADS],
    ['operator_desa', 'create', null],
    ['operator_desa', 'update', OWN_UPLOADS],
    ['verifikator_kecamatan', 'read', null],
    ['verifikator_kecamatan', 'create', undefined],
    ['perangkat_daerah', 'read', OWN_UPLOADS],
    ['perangkat_daerah', 'create', null],
    ['perangkat_daerah', 'update', OWN_UPLOADS],
    ['perangkat_daerah', 'delete', undefined],
  ] as const)('directus_files: %s %s', (role, action, filter) => {
    const rules = permissions[role].filter((p) => p.collection === 'directus_files' && p.action === action);
    if (filter === undefined) {
      expect(rules).toEqual([]);
      return;
    }
    expect(rules).toHaveLength(1);
    const rule = rules[0];
    expect(rule?.permissions ? JSON.stringify(rule.permissions) : null).toBe(filter);
    // an upload's owner and storage are Directus's: an update only touches what a person describes
    if (action === 'update')
      expect([...(rule?.fields ?? [])].sort()).toEqual(
        ['description', 'filename_download', 'folder', 'tags', 'title'].sort(),
      );
  });

  it('shows each role only columns it may read in its collection presets, with unique fixed ids', () => {
    expect(new Set(collectionPresets.map((p) => p.id)).size).toBe(collectionPresets.length);
    for (const preset of collectionPresets) {
      const rule = permissions[preset.role].find(
        (p) => p.collection === preset.collection && p.action === 'read',
      );
      expect(rule, `${preset.role} reads ${preset.collection}`).toBeDefined();
      const readable = rule?.fields.includes('*') ? fieldsOf(preset.collection) : (rule?.fields ?? []);
      for (const field of [...preset.fields, ...preset.sort.map((s) => s.replace(/^-/, ''))]) {
        expect(readable, `${preset.role} ${preset.collection}.${field}`).toContain(field);
      }
    }
  });
});
