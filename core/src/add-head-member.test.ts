import { describe, expect, it } from 'vitest';
import { addHeadMember } from './add-head-member.ts';

const NIK = '6311071203850001';
const OTHER = { nik: '6311074506900002', name: 'Siti' };
const head = { nik: NIK, name: 'Ahmad', relation: 'kepala' };
const base = { head_nik: NIK, head_name: 'Ahmad' };

describe('addHeadMember', () => {
  it.each([
    ['head NIK and name, no members', base, { ...base, members: [head] }],
    [
      'spaces trimmed',
      { head_nik: ` ${NIK} `, head_name: ' Ahmad ' },
      { head_nik: ` ${NIK} `, head_name: ' Ahmad ', members: [head] },
    ],
    ['other members in a list', { ...base, members: [OTHER] }, { ...base, members: [OTHER, head] }],
    [
      'other members in create/update/delete',
      { ...base, members: { create: [OTHER], update: [], delete: [] } },
      { ...base, members: { create: [OTHER, head], update: [], delete: [] } },
    ],
    [
      'create missing from the object',
      { ...base, members: { update: [] } },
      { ...base, members: { update: [], create: [head] } },
    ],
    ['head already listed', { ...base, members: [{ nik: NIK }] }, { ...base, members: [{ nik: NIK }] }],
    [
      'head already in create',
      { ...base, members: { create: [{ nik: NIK }] } },
      { ...base, members: { create: [{ nik: NIK }] } },
    ],
    ['no head NIK', { head_name: 'Ahmad' }, { head_name: 'Ahmad' }],
    ['empty head NIK', { head_nik: '', head_name: 'Ahmad' }, { head_nik: '', head_name: 'Ahmad' }],
    ['no head name', { head_nik: NIK }, { head_nik: NIK }],
    [
      'NIK not a string',
      { head_nik: 6311071203850001, head_name: 'A' },
      { head_nik: 6311071203850001, head_name: 'A' },
    ],
  ])('%s', (_label, payload, expected) => {
    expect(addHeadMember(payload)).toEqual(expected);
  });
});
