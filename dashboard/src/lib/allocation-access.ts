import type { RoleKey } from './roles.ts';

/**
 * What a role may do on the Alokasi, Simulasi and Efektivitas pages. The Directus endpoints check the
 * same again (directus-extensions/src/endpoints/allocation-routes.ts, effectiveness-routes.ts): this
 * only decides what the pages offer.
 */
export interface AllocationAccess {
  /** Alokasi page: every agency, only the user's own agency, or not at all. */
  allocation: 'all' | 'own_agency' | 'none';
  /** Run an allocation, finalise a run (Tetapkan), set budget ceilings. */
  plan: boolean;
  /** The what-if page (preview). */
  simulate: boolean;
  /** The effectiveness report. */
  effectiveness: boolean;
  /** Upload a tagged budget CSV. */
  importTaggedBudget: boolean;
  /** Download exports (the endpoint scopes an agency user to its own agency). */
  export: boolean;
}

const NONE: AllocationAccess = {
  allocation: 'none',
  plan: false,
  simulate: false,
  effectiveness: false,
  importTaggedBudget: false,
  export: false,
};

export function allocationAccess(role: RoleKey): AllocationAccess {
  switch (role) {
    case 'administrator':
    case 'perencana':
      return {
        allocation: 'all',
        plan: true,
        simulate: true,
        effectiveness: true,
        importTaggedBudget: true,
        export: true,
      };
    case 'pimpinan':
      return { ...NONE, allocation: 'all', simulate: true, effectiveness: true, export: true };
    case 'perangkat_daerah':
      return { ...NONE, allocation: 'own_agency', export: true };
    case 'operator_desa':
    case 'verifikator_kecamatan':
    case 'unknown':
      return NONE;
  }
}

export const ALLOCATION_FORBIDDEN =
  'Halaman Alokasi hanya untuk perencana, pimpinan, perangkat daerah, dan administrator.';
export const SIMULATION_FORBIDDEN = 'Simulasi alokasi hanya untuk perencana, pimpinan, dan administrator.';
export const EFFECTIVENESS_FORBIDDEN =
  'Laporan efektivitas hanya untuk perencana, pimpinan, dan administrator.';
export const PLAN_FORBIDDEN =
  'Hanya perencana dan administrator yang dapat menjalankan, menetapkan, atau mengubah pagu alokasi.';
export const IMPORT_FORBIDDEN = 'Hanya perencana dan administrator yang dapat mengunggah anggaran tertandai.';
