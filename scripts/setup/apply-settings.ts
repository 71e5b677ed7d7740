import type { DirectusApi } from '../lib/directus-api.ts';

/**
 * Directus project settings SIAP-PD expects. Set once on a new database; on an existing one only
 * the values that keep the system closed (no public registration) are enforced.
 *
 * The project owner is recorded locally (the administrator running setup) so the admin app does not
 * ask for it and send it to Directus's servers: SIAP-PD makes no calls outside. The licence terms the
 * prompt mentions are stated in the README.
 */
export async function applySettings(api: DirectusApi, isNewDatabase: boolean): Promise<void> {
  const current = await api.get<{ project_owner: string | null }>('/settings?fields=project_owner');
  const owner =
    current.project_owner === null
      ? {
          project_owner: (await api.get<{ email: string }>('/users/me?fields=email')).email,
          project_status: null,
        }
      : {};
  const always = { public_registration: false, ...owner };
  const initial = {
    project_name: 'SIAP-PD',
    project_descriptor: 'Sistem Integrasi Data Perencanaan Perangkat Daerah',
    default_language: 'id-ID',
    project_color: '#0B6E4F',
    default_appearance: 'light',
    storage_asset_transform: 'all',
  };
  await api.patch('/settings', isNewDatabase ? { ...initial, ...always } : always);
}
