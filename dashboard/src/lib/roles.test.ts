import { describe, expect, it } from 'vitest';
import {
  canReadSurveys,
  homePathFor,
  isCurrentNav,
  navigationFor,
  ownAreaPath,
  personalFieldAccess,
  roleKeyOf,
} from './roles.ts';
import type { SessionUser } from './session-user.ts';

function user(role: string | null, scope: Partial<SessionUser> = {}): SessionUser {
  return {
    id: 'u',
    email: 'x@siap-pd.example.org',
    first_name: null,
    last_name: null,
    role,
    desa: null,
    kecamatan: null,
    perangkat_daerah: null,
    ...scope,
  };
}

const OPERATOR = user('Operator desa', { desa: '63.11.07.2002', kecamatan: '63.11.07' });
const VERIFIER = user('Verifikator kecamatan', { kecamatan: '63.11.07' });
const AGENCY = user('Perangkat daerah', { perangkat_daerah: 'disperkim' });

describe('roleKeyOf', () => {
  it.each([
    ['Administrator', 'administrator'],
    ['Perencana', 'perencana'],
    ['Pimpinan', 'pimpinan'],
    ['Operator desa', 'operator_desa'],
    ['operator DESA ', 'operator_desa'],
    ['Verifikator kecamatan', 'verifikator_kecamatan'],
    ['Perangkat daerah', 'perangkat_daerah'],
    ['Tamu', 'unknown'],
    [null, 'unknown'],
  ] as const)('%s -> %s', (name, key) => {
    expect(roleKeyOf(name)).toBe(key);
  });
});

describe('personalFieldAccess and canReadSurveys', () => {
  it.each([
    ['administrator', 'yes', true],
    ['perencana', 'yes', true],
    ['operator_desa', 'yes', true],
    ['verifikator_kecamatan', 'yes', true],
    ['pimpinan', 'no', true],
    ['perangkat_daerah', 'no', false],
    ['unknown', 'try', true],
  ] as const)('%s: NIK/KK %s, surveys %s', (role, personal, surveys) => {
    expect(personalFieldAccess(role)).toBe(personal);
    expect(canReadSurveys(role)).toBe(surveys);
  });
});

describe('homePathFor (where a user lands)', () => {
  it.each([
    ['an operator on their desa', OPERATOR, '/wilayah/63.11.07/63.11.07.2002'],
    ['a verifier on their kecamatan', VERIFIER, '/wilayah/63.11.07'],
    ['an agency on its needs', AGENCY, '/kebutuhan'],
    ['a planner on the Ringkasan', user('Perencana'), '/'],
    ['an operator without a desa on the Ringkasan', user('Operator desa'), '/'],
    ['an unknown role on the Ringkasan', user(null), '/'],
  ])('puts %s', (_name, who, path) => {
    expect(homePathFor(who)).toBe(path);
  });

  it('leaves no own area to a planner', () => {
    expect(ownAreaPath(user('Perencana'))).toBeNull();
  });
});

describe('navigationFor', () => {
  const PLANNER_MENU = [
    'Ringkasan',
    'Wilayah',
    'Rumah tangga',
    'Kebutuhan',
    'Alokasi',
    'Simulasi',
    'Efektivitas',
    'Monev',
    'Impor',
    'Panduan',
  ];
  const LEADER_MENU = PLANNER_MENU.filter((label) => label !== 'Impor');
  const labels = (who: SessionUser): string[] => navigationFor(who).map((item) => item.label);

  it.each([
    ['Perencana', user('Perencana'), PLANNER_MENU],
    ['Pimpinan', user('Pimpinan'), LEADER_MENU],
    ['Administrator', user('Administrator'), PLANNER_MENU],
    ['Operator desa', OPERATOR, ['Desa saya', 'Rumah tangga', 'Kebutuhan', 'Panduan']],
    ['Verifikator kecamatan', VERIFIER, ['Kecamatan saya', 'Rumah tangga', 'Kebutuhan', 'Panduan']],
    [
      'Perangkat daerah',
      AGENCY,
      ['Kebutuhan', 'Ringkasan', 'Penerima manfaat', 'Alokasi', 'Monev', 'Panduan'],
    ],
    ['an unknown role', user('Tamu'), ['Ringkasan', 'Panduan']],
  ])('%s sees its menu', (_name, who, expected) => {
    expect(labels(who)).toEqual(expected);
  });

  it('links an operator to their own desa', () => {
    expect(navigationFor(OPERATOR)[0]).toEqual({
      href: '/wilayah/63.11.07/63.11.07.2002',
      label: 'Desa saya',
    });
  });

  it('links only pages that exist', () => {
    const pages = [
      '/',
      '/wilayah',
      '/rumah-tangga',
      '/kebutuhan',
      '/alokasi',
      '/simulasi',
      '/efektivitas',
      '/monev',
      '/impor',
      '/panduan',
    ];
    for (const who of [user('Perencana'), OPERATOR, VERIFIER, AGENCY, user(null)]) {
      for (const item of navigationFor(who)) {
        expect(pages.includes(item.href) || item.href.startsWith('/wilayah/')).toBe(true);
      }
    }
  });
});

describe('isCurrentNav', () => {
  it.each([
    ['/', '/', true],
    ['/', '/wilayah', false],
    ['/wilayah', '/wilayah/63.11.07', true],
    ['/rumah-tangga', '/rumah-tangga/12', true],
    ['/rumah-tangga', '/rumah-tanggax', false],
  ])('%s is current on %s: %s', (href, pathname, expected) => {
    expect(isCurrentNav(href, pathname)).toBe(expected);
  });
});
