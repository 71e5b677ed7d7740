import { describe, expect, it } from 'vitest';
import { displayName, scopeItems, toSessionUser } from './session-user.ts';
import type { SessionUser } from './session-user.ts';

const BASE: SessionUser = {
  id: 'u1',
  email: 'operator.63.11.07.2001@siap-pd.example.org',
  first_name: null,
  last_name: null,
  role: 'Operator desa',
  desa: null,
  kecamatan: null,
  perangkat_daerah: null,
};

describe('toSessionUser', () => {
  it('reads the /users/me answer', () => {
    expect(
      toSessionUser({
        id: 'u1',
        email: 'a@b.example.org',
        first_name: 'Siti',
        last_name: '',
        desa: '63.11.07.2001',
        kecamatan: { code: '63.11.07' },
        perangkat_daerah: null,
        role: { name: 'Operator desa' },
      }),
    ).toEqual({
      id: 'u1',
      email: 'a@b.example.org',
      first_name: 'Siti',
      last_name: null,
      role: 'Operator desa',
      desa: '63.11.07.2001',
      kecamatan: '63.11.07',
      perangkat_daerah: null,
    });
  });

  it.each([
    ['null', null],
    ['no id', { email: 'a@b.example.org' }],
    ['a string', 'u1'],
  ])('returns null for %s', (_name, raw) => {
    expect(toSessionUser(raw)).toBeNull();
  });

  it('leaves the role unknown when it could not be read', () => {
    expect(toSessionUser({ id: 'u1', role: null })?.role).toBeNull();
    expect(toSessionUser({ id: 'u1', role: 'c0ffee' })?.role).toBeNull();
  });
});

describe('displayName', () => {
  it.each([
    [{ first_name: 'Siti', last_name: 'Aminah' }, 'Siti Aminah'],
    [{ first_name: 'Siti' }, 'Siti'],
    [{}, 'operator.63.11.07.2001@siap-pd.example.org'],
    [{ email: null }, 'Pengguna'],
  ])('%o -> %s', (fields, expected) => {
    expect(displayName({ ...BASE, ...fields })).toBe(expected);
  });
});

describe('scopeItems', () => {
  it.each([
    [{}, []],
    [{ desa: '63.11.07.2001' }, [{ label: 'Desa', value: '63.11.07.2001' }]],
    [{ kecamatan: '63.11.07' }, [{ label: 'Kecamatan', value: '63.11.07' }]],
    [{ perangkat_daerah: 'dinsos' }, [{ label: 'Perangkat daerah', value: 'dinsos' }]],
  ])('%o -> %o', (fields, expected) => {
    expect(scopeItems({ ...BASE, ...fields })).toEqual(expected);
  });
});
