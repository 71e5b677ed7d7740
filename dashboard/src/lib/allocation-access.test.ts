import { describe, expect, it } from 'vitest';
import { allocationAccess } from './allocation-access.ts';
import type { RoleKey } from './roles.ts';

describe('allocationAccess', () => {
  it.each<[RoleKey, string, boolean, boolean, boolean, boolean, boolean]>([
    // role, allocation page, plan, simulate, effectiveness, import, export
    ['administrator', 'all', true, true, true, true, true],
    ['perencana', 'all', true, true, true, true, true],
    ['pimpinan', 'all', false, true, true, false, true],
    ['perangkat_daerah', 'own_agency', false, false, false, false, true],
    ['operator_desa', 'none', false, false, false, false, false],
    ['verifikator_kecamatan', 'none', false, false, false, false, false],
    ['unknown', 'none', false, false, false, false, false],
  ])(
    '%s: page %s, plan %s, simulate %s, effectiveness %s, import %s, export %s',
    (role, page, plan, simulate, effectiveness, importing, exporting) => {
      expect(allocationAccess(role)).toEqual({
        allocation: page,
        plan,
        simulate,
        effectiveness,
        importTaggedBudget: importing,
        export: exporting,
      });
    },
  );
});
