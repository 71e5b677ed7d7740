import type { SessionUser } from './session-user.ts';

/** The roles of SIAP-PD (access/roles.ts) plus Directus's own Administrator. */
export type RoleKey =
  | 'administrator'
  | 'perencana'
  | 'pimpinan'
  | 'operator_desa'
  | 'verifikator_kecamatan'
  | 'perangkat_daerah'
  | 'unknown';

/** Role names as Directus stores them (access/roles.ts), lower-cased for matching. */
const ROLE_BY_NAME: Record<string, RoleKey> = {
  administrator: 'administrator',
  perencana: 'perencana',
  pimpinan: 'pimpinan',
  'operator desa': 'operator_desa',
  'verifikator kecamatan': 'verifikator_kecamatan',
  'perangkat daerah': 'perangkat_daerah',
};

/** Maps the Directus role name of a user to a role key ('unknown' when the role cannot be read or is new). */
export function roleKeyOf(roleName: string | null): RoleKey {
  if (roleName === null) return 'unknown';
  return ROLE_BY_NAME[roleName.trim().toLowerCase()] ?? 'unknown';
}

/**
 * Whether a role may read NIK and No. KK (households.head_nik, households.no_kk, household_members.nik).
 * Pimpinan and Perangkat daerah may not (DESIGN.md "Access"). For an unknown role the answer is 'try':
 * ask with the fields and retry without them when Directus refuses.
 */
export function personalFieldAccess(role: RoleKey): 'yes' | 'no' | 'try' {
  switch (role) {
    case 'administrator':
    case 'perencana':
    case 'operator_desa':
    case 'verifikator_kecamatan':
      return 'yes';
    case 'pimpinan':
    case 'perangkat_daerah':
      return 'no';
    case 'unknown':
      return 'try';
  }
}

/** Whether a role reads surveys (Perangkat daerah does not, so survey figures are not available to it). */
export function canReadSurveys(role: RoleKey): boolean {
  return role !== 'perangkat_daerah';
}

export interface NavItem {
  href: `/${string}`;
  label: string;
}

/** The path of a user's own area: their desa, else their kecamatan, else null. */
export function ownAreaPath(user: SessionUser): `/${string}` | null {
  if (user.desa !== null && user.kecamatan !== null) {
    return `/wilayah/${encodeURIComponent(user.kecamatan)}/${encodeURIComponent(user.desa)}`;
  }
  if (user.kecamatan !== null) return `/wilayah/${encodeURIComponent(user.kecamatan)}`;
  return null;
}

/**
 * Where a user lands after logging in: an operator on their desa, a verifier on their kecamatan, an
 * agency on the needs its sub-kegiatan serve; everyone else on the Ringkasan.
 */
export function homePathFor(user: SessionUser): `/${string}` {
  const role = roleKeyOf(user.role);
  if (role === 'operator_desa' || role === 'verifikator_kecamatan') return ownAreaPath(user) ?? '/';
  if (role === 'perangkat_daerah') return '/kebutuhan';
  return '/';
}

/** The main navigation of a user, by role. Only pages that exist are linked. */
export function navigationFor(user: SessionUser): NavItem[] {
  const role = roleKeyOf(user.role);
  const help: NavItem = { href: '/panduan', label: 'Panduan' };
  switch (role) {
    case 'administrator':
    case 'perencana':
    case 'pimpinan':
      return [
        { href: '/', label: 'Ringkasan' },
        { href: '/wilayah', label: 'Wilayah' },
        { href: '/rumah-tangga', label: 'Rumah tangga' },
        { href: '/kebutuhan', label: 'Kebutuhan' },
        { href: '/alokasi', label: 'Alokasi' },
        { href: '/simulasi', label: 'Simulasi' },
        { href: '/efektivitas', label: 'Efektivitas' },
        { href: '/monev', label: 'Monev' },
        // importing baselines is for planners and administrators (pimpinan only reads)
        ...(role === 'pimpinan' ? [] : [{ href: '/impor', label: 'Impor' } as const]),
        help,
      ];
    case 'operator_desa':
    case 'verifikator_kecamatan': {
      const area = ownAreaPath(user);
      const label = role === 'operator_desa' ? 'Desa saya' : 'Kecamatan saya';
      return [
        area === null ? { href: '/', label: 'Ringkasan' } : { href: area, label },
        { href: '/rumah-tangga', label: 'Rumah tangga' },
        { href: '/kebutuhan', label: 'Kebutuhan' },
        help,
      ];
    }
    case 'perangkat_daerah':
      return [
        { href: '/kebutuhan', label: 'Kebutuhan' },
        { href: '/', label: 'Ringkasan' },
        { href: '/rumah-tangga', label: 'Penerima manfaat' },
        { href: '/alokasi', label: 'Alokasi' },
        { href: '/monev', label: 'Monev' },
        help,
      ];
    case 'unknown':
      return [{ href: '/', label: 'Ringkasan' }, help];
  }
}

/** Whether `pathname` belongs to the navigation item `href` (for aria-current). */
export function isCurrentNav(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** The Panduan section of each role (/panduan/<slug>). */
export const PANDUAN_SLUG: Record<Exclude<RoleKey, 'unknown'>, string> = {
  operator_desa: 'operator-desa',
  verifikator_kecamatan: 'verifikator-kecamatan',
  perencana: 'perencana',
  pimpinan: 'pimpinan',
  perangkat_daerah: 'perangkat-daerah',
  administrator: 'administrator',
};
