import { describe, it, expect } from 'vitest';
import type { Accountability } from '@directus/types';
import { roles } from '../../../access/roles.ts';
import { canManageBaseline } from './baseline-access.ts';

const id = (key: string): string => roles.find((r) => r.key === key)?.id ?? 'missing';
const who = (changes: Partial<Accountability>): Accountability => ({
  role: null,
  roles: [],
  user: 'u-1',
  admin: false,
  app: true,
  ip: null,
  ...changes,
});

describe('canManageBaseline', () => {
  it.each<[name: string, accountability: Accountability | null, allowed: boolean]>([
    ['administrator', who({ admin: true }), true],
    ['perencana', who({ role: id('perencana'), roles: [id('perencana')] }), true],
    ['perencana through a nested role', who({ role: 'x', roles: ['x', id('perencana')] }), true],
    ['pimpinan', who({ role: id('pimpinan'), roles: [id('pimpinan')] }), false],
    ['operator desa', who({ role: id('operator_desa'), roles: [id('operator_desa')] }), false],
    ['verifikator', who({ role: id('verifikator_kecamatan'), roles: [id('verifikator_kecamatan')] }), false],
    ['perangkat daerah', who({ role: id('perangkat_daerah'), roles: [id('perangkat_daerah')] }), false],
    ['anonymous', null, false],
    ['a static token without a user', who({ admin: true, user: null }), false],
  ])('%s', (_name, accountability, allowed) => {
    expect(canManageBaseline(accountability)).toBe(allowed);
  });
});
