import type { DirectusApi } from '../lib/directus-api.ts';

/**
 * Directus project settings SIAP-PD expects. Set once on a new database; on an existing one only
 * the values that keep the system closed (no public registration) are enforced.
 */
export async function applySettings(api: DirectusApi, isNewDatabase: boolean): Promise<void> {
  const always = { public_registration: false };
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
