import { describe, it, expect } from 'vitest';
import type { Accountability } from '@directus/types';
import { roles } from '../../../access/roles.ts';
import { canReclassify, isAdministrator } from './classification-access.ts';

const who = (over: Partial<Accountability>): Accountability => ({
  role: null,
  roles: [],
  user: 'u-1',
  admin: false,
  app: true,
  ip: null,
  ...over,
});
const roleId = (key: string): string => roles.find((role) => role.key === key)?.id ?? 'missing';

describe('canReclassify', () => {
  it.each<[string, Accountability | null, boolean, boolean]>([
    ['nobody', null, false, false],
    ['the public', who({ user: null }), false, false],
    ['administrator', who({ admin: true }), true, true],
    ['perencana', who({ role: roleId('perencana'), roles: [roleId('perencana')] }), true, false],
    ['perencana through a second role', who({ role: 'x', roles: ['x', roleId('perencana')] }), true, false],
    ['pimpinan', who({ role: roleId('pimpinan'), roles: [roleId('pimpinan')] }), false, false],
    ['operator desa', who({ role: roleId('operator_desa'), roles: [roleId('operator_desa')] }), false, false],
    [
      'perangkat daerah',
      who({ role: roleId('perangkat_daerah'), roles: [roleId('perangkat_daerah')] }),
      false,
      false,
    ],
  ])('%s', (_name, accountability, reclassify, admin) => {
    expect(canReclassify(accountability)).toBe(reclassify);
    expect(isAdministrator(accountability)).toBe(admin);
  });
});
