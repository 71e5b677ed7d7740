import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findPanduanRole,
  otherScreenshots,
  PANDUAN_ROLES,
  SCREENSHOTS,
  screenshotsOf,
  type PanduanRole,
} from './panduan.ts';
import { isCurrentNav, navigationFor, PANDUAN_SLUG, type RoleKey } from './roles.ts';
import type { SessionUser } from './session-user.ts';

const STATIC = new URL('../../static/panduan/', import.meta.url);
const PNG_SIGNATURE = '89504e470d0a1a0a';

/** A demo user of each role, with the scope its menu depends on. */
const USERS: Record<Exclude<RoleKey, 'unknown'>, SessionUser> = {
  operator_desa: user('Operator desa', { desa: '63.11.07.2002', kecamatan: '63.11.07' }),
  verifikator_kecamatan: user('Verifikator kecamatan', { kecamatan: '63.11.07' }),
  perencana: user('Perencana'),
  pimpinan: user('Pimpinan'),
  perangkat_daerah: user('Perangkat daerah', { perangkat_daerah: 'disperkim' }),
  administrator: user('Administrator'),
};

function user(role: string, scope: Partial<SessionUser> = {}): SessionUser {
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

function roleOf(key: Exclude<RoleKey, 'unknown'>): PanduanRole {
  const role = findPanduanRole(PANDUAN_SLUG[key]);
  if (role === null) throw new Error(`tidak ada panduan untuk ${key}`);
  return role;
}

const ROLE_KEYS = Object.keys(PANDUAN_SLUG) as Exclude<RoleKey, 'unknown'>[];

/** Every screenshot referenced anywhere: the named ones and those of every role and step. */
const REFERENCED = [
  ...new Set([
    ...Object.values(SCREENSHOTS).map((shot) => shot.file),
    ...PANDUAN_ROLES.flatMap((role) => screenshotsOf(role).map((shot) => shot.file)),
  ]),
].sort();

describe('Panduan', () => {
  it.each(Object.entries(PANDUAN_SLUG))('has a page for %s (/panduan/%s)', (_role, slug) => {
    expect(findPanduanRole(slug)?.slug).toBe(slug);
  });

  it('has no page without a role', () => {
    expect(PANDUAN_ROLES).toHaveLength(Object.keys(PANDUAN_SLUG).length);
    expect(findPanduanRole('tamu')).toBeNull();
  });

  it.each(REFERENCED.map((file) => [file]))('ships %s as a small PNG in static/panduan/', (file) => {
    const url = new URL(file, STATIC);
    expect(existsSync(url)).toBe(true);
    expect(statSync(url).size).toBeLessThan(150 * 1024);
    expect(readFileSync(url).subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
  });

  it('ships no screenshot that no page shows', () => {
    const files = readdirSync(STATIC)
      .filter((file) => file.endsWith('.png'))
      .sort();
    expect(files).toEqual(REFERENCED);
  });

  it.each(ROLE_KEYS)('explains every page in the menu of %s', (key) => {
    const role = roleOf(key);
    const explained = role.steps.flatMap((step) => step.pages ?? []);
    const menu = navigationFor(USERS[key]).filter((item) => item.href !== '/panduan');
    expect(menu.length).toBeGreaterThan(0);
    for (const item of menu) {
      const steps = explained.filter((page) => isCurrentNav(page.href, item.href));
      expect(steps, `${role.role}: menu ${item.label} (${item.href})`).not.toHaveLength(0);
      // the step names the page as the menu does
      expect(steps.map((page) => page.label)).toContain(item.label);
    }
  });

  it.each(ROLE_KEYS)('names only pages in the menu of %s', (key) => {
    const menu = navigationFor(USERS[key]);
    for (const step of roleOf(key).steps) {
      for (const page of step.pages ?? []) {
        expect(
          menu.some((item) => isCurrentNav(page.href, item.href)),
          `${step.heading}: ${page.href}`,
        ).toBe(true);
      }
    }
  });

  it.each(PANDUAN_ROLES.map((role) => [role.role, role]))(
    'gives %s steps with distinct headings, items and screenshots',
    (_name, role) => {
      const headings = role.steps.map((step) => step.heading);
      expect(new Set(headings).size).toBe(headings.length);
      for (const step of role.steps) {
        expect(step.items.length).toBeGreaterThan(0);
        expect(new Set(step.items).size).toBe(step.items.length);
        const files = (step.screenshots ?? []).map((shot) => shot.file);
        expect(new Set(files).size).toBe(files.length);
        const labels = (step.pages ?? []).map((page) => page.label);
        expect(new Set(labels).size).toBe(labels.length);
      }
      expect(screenshotsOf(role).length).toBeGreaterThan(0);
    },
  );

  it('lists at the end only the screenshots no step shows', () => {
    const planner = roleOf('perencana');
    expect(otherScreenshots(planner).map((shot) => shot.file)).toEqual(['ponsel.png']);
    const operator = roleOf('operator_desa');
    expect(screenshotsOf(operator).map((shot) => shot.file)).toEqual([
      'wilayah-desa.png',
      'rumah-tangga.png',
      'ponsel.png',
    ]);
  });

  it.each([
    ['perencana', ['Alokasi', 'Simulasi', 'Efektivitas', 'Impor', 'Monev']],
    ['pimpinan', ['Alokasi', 'Simulasi', 'Efektivitas', 'Monev']],
    ['perangkat_daerah', ['Alokasi', 'Monev']],
    ['administrator', ['Impor']],
  ] as const)('tells %s about its planning pages', (key, labels) => {
    const named = roleOf(key).steps.flatMap((step) => (step.pages ?? []).map((page) => page.label));
    expect(named).toEqual(expect.arrayContaining([...labels]));
  });

  it('explains to agencies what "terlambat" means and how to report a quarter', () => {
    const text = roleOf('perangkat_daerah')
      .steps.flatMap((step) => [step.heading, ...step.items])
      .join(' ');
    for (const words of [
      'terlambat',
      'TW IV',
      'Kemajuan (%)',
      'Realisasi triwulan ini (Rp)',
      'Catatan',
      'Kirim laporan',
    ]) {
      expect(text).toContain(words);
    }
  });

  it('keeps the administrator how-to for a survey field and a need rule', () => {
    const text = roleOf('administrator')
      .steps.flatMap((step) => step.items)
      .join(' ');
    expect(text).toContain('Survei Rumah Tangga › Buat isian');
    expect(text).toContain('Referensi › Aturan Kebutuhan');
  });
});
