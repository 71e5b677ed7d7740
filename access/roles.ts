// Roles, policies and permissions of SIAP-PD as data (DESIGN.md "Access"). Applied idempotently by
// access/apply-access.ts with these fixed ids. Permission filters use $CURRENT_USER fields that
// live on directus_users (desa, kecamatan, perangkat_daerah): keep them flat.
import { collections } from '../scripts/schema/model.ts';

export type RoleKey = 'perencana' | 'pimpinan' | 'operator_desa' | 'verifikator_kecamatan' | 'perangkat_daerah';
export type Action = 'create' | 'read' | 'update' | 'delete';

export interface RoleDef {
  key: RoleKey;
  id: string;
  policyId: string;
  accessId: string;
  name: string;
  icon: string;
  description: string;
}

export interface PermissionDef {
  collection: string;
  action: Action;
  permissions?: Record<string, unknown> | null;
  validation?: Record<string, unknown> | null;
  presets?: Record<string, unknown> | null;
  fields: string[];
}

export const roles: RoleDef[] = [
  {
    key: 'perencana',
    id: '5a1a0000-0000-4000-8000-000000000001',
    policyId: '5a1a0000-0000-4000-8000-000000000101',
    accessId: '5a1a0000-0000-4000-8000-000000000201',
    name: 'Perencana',
    icon: 'insights',
    description: 'Perencana Bappedalitbang: seluruh data, alokasi, ekspor SIPD, monitoring',
  },
  {
    key: 'pimpinan',
    id: '5a1a0000-0000-4000-8000-000000000002',
    policyId: '5a1a0000-0000-4000-8000-000000000102',
    accessId: '5a1a0000-0000-4000-8000-000000000202',
    name: 'Pimpinan',
    icon: 'visibility',
    description: 'Pimpinan daerah: ringkasan, hanya baca, tanpa NIK dan No. KK',
  },
  {
    key: 'operator_desa',
    id: '5a1a0000-0000-4000-8000-000000000003',
    policyId: '5a1a0000-0000-4000-8000-000000000103',
    accessId: '5a1a0000-0000-4000-8000-000000000203',
    name: 'Operator desa',
    icon: 'edit_note',
    description: 'Tim pendata desa: rumah tangga, anggota dan survei desanya sendiri',
  },
  {
    key: 'verifikator_kecamatan',
    id: '5a1a0000-0000-4000-8000-000000000004',
    policyId: '5a1a0000-0000-4000-8000-000000000104',
    accessId: '5a1a0000-0000-4000-8000-000000000204',
    name: 'Verifikator kecamatan',
    icon: 'verified_user',
    description: 'Verifikator kecamatan: memeriksa survei yang diajukan di kecamatannya',
  },
  {
    key: 'perangkat_daerah',
    id: '5a1a0000-0000-4000-8000-000000000005',
    policyId: '5a1a0000-0000-4000-8000-000000000105',
    accessId: '5a1a0000-0000-4000-8000-000000000205',
    name: 'Perangkat daerah',
    icon: 'apartment',
    description: 'Staf perangkat daerah: kebutuhan, intervensi dan laporan triwulan instansinya',
  },
];

/** Every stored field of a collection (aliases included), optionally without some. */
export function fieldsOf(collection: string, without: string[] = []): string[] {
  const def = collections.find((c) => c.collection === collection);
  if (!def) throw new Error(`unknown collection ${collection}`);
  return def.fields.map((field) => field.field).filter((name) => !without.includes(name));
}

const REFERENCE = ['kecamatan', 'desa', 'perangkat_daerah', 'sub_kegiatan', 'poverty_lines', 'indicators', 'planning_settings'];
const PLANNER_EDITS = ['sub_kegiatan', 'indicators', 'poverty_lines', 'budget_ceilings', 'tagged_budget'];
const PERSONAL = { households: ['head_nik', 'no_kk'], household_members: ['nik'] } as const;

const OWN_DESA = { desa: { _eq: '$CURRENT_USER.desa' } };
const OWN_KECAMATAN = { kecamatan: { _eq: '$CURRENT_USER.kecamatan' } };
const OWN_AGENCY = { perangkat_daerah: { _eq: '$CURRENT_USER.perangkat_daerah' } };
const HOUSEHOLD_IN_OWN_KECAMATAN = { household: { kecamatan: { _eq: '$CURRENT_USER.kecamatan' } } };
const HOUSEHOLD_SERVED_BY_AGENCY = { needs: { _some: { perangkat_daerah: { _eq: '$CURRENT_USER.perangkat_daerah' } } } };

const read = (collection: string, permissions: Record<string, unknown> | null = null, fields = ['*']): PermissionDef => ({
  collection,
  action: 'read',
  permissions,
  fields,
});

/** Everyone may read their own user (with the scope fields) and the reference data. */
const common: PermissionDef[] = [
  read('directus_users', { id: { _eq: '$CURRENT_USER' } }, [
    'id',
    'first_name',
    'last_name',
    'email',
    'role',
    'language',
    'avatar',
    'desa',
    'kecamatan',
    'perangkat_daerah',
  ]),
  read('directus_roles', { id: { _eq: '$CURRENT_ROLE' } }, ['id', 'name', 'icon', 'description']),
  ...REFERENCE.map((collection) => read(collection)),
  read('budget_ceilings'),
  read('tagged_budget'),
];

const SURVEY_OPERATOR_FIELDS = fieldsOf('surveys', [
  'verified_by',
  'verified_at',
  'classification',
  'classification_reason',
  'income_per_capita',
  'poverty_line_used',
  'extreme_line_used',
  'date_created',
  'date_updated',
  'user_created',
  'user_updated',
]);

export const permissions: Record<RoleKey, PermissionDef[]> = {
  perencana: [
    ...common.filter((p) => p.collection !== 'directus_users'),
    ...['households', 'household_members', 'surveys', 'needs', 'interventions', 'intervention_reports'].map((c) =>
      read(c),
    ),
    read('allocation_runs'),
    read('import_jobs'),
    read('directus_users', null, ['id', 'first_name', 'last_name', 'email', 'role', 'desa', 'kecamatan', 'perangkat_daerah']),
    ...PLANNER_EDITS.flatMap((collection) =>
      (['create', 'update', 'delete'] as const).map((action) => ({ collection, action, fields: ['*'] })),
    ),
    { collection: 'planning_settings', action: 'update', fields: ['*'] },
    {
      collection: 'surveys',
      action: 'update',
      permissions: { status: { _eq: 'verified' } },
      validation: { status: { _eq: 'submitted' } },
      fields: ['status'],
    },
    { collection: 'needs', action: 'update', fields: ['status', 'dismiss_reason'] },
    { collection: 'interventions', action: 'update', fields: ['status', 'note'] },
    { collection: 'allocation_runs', action: 'update', fields: ['status', 'decree_number', 'decree_date'] },
  ],
  pimpinan: [
    ...common,
    read('households', null, fieldsOf('households', [...PERSONAL.households])),
    read('household_members', null, fieldsOf('household_members', [...PERSONAL.household_members])),
    read('surveys'),
    read('needs'),
    read('interventions'),
    read('intervention_reports'),
    read('allocation_runs'),
  ],
  operator_desa: [
    ...common,
    {
      collection: 'households',
      action: 'create',
      validation: OWN_DESA,
      presets: { desa: '$CURRENT_USER.desa' },
      fields: fieldsOf('households', ['classification', 'classification_reason', 'classified_at', 'need_count']),
    },
    read('households', OWN_DESA),
    {
      collection: 'households',
      action: 'update',
      permissions: OWN_DESA,
      validation: OWN_DESA,
      fields: fieldsOf('households', [
        'classification',
        'classification_reason',
        'income_per_capita',
        'classification_basis',
        'poverty_line_used',
        'extreme_line_used',
        'classified_survey',
        'classified_at',
        'need_count',
        'quality_flags',
      ]),
    },
    { collection: 'household_members', action: 'create', validation: OWN_DESA, fields: ['*'] },
    read('household_members', OWN_DESA),
    { collection: 'household_members', action: 'update', permissions: OWN_DESA, validation: OWN_DESA, fields: ['*'] },
    {
      collection: 'surveys',
      action: 'create',
      validation: { _and: [OWN_DESA, { status: { _in: ['draft', 'submitted'] } }] },
      presets: { status: 'draft' },
      fields: SURVEY_OPERATOR_FIELDS,
    },
    read('surveys', OWN_DESA),
    {
      collection: 'surveys',
      action: 'update',
      permissions: { _and: [OWN_DESA, { status: { _in: ['draft', 'returned'] } }] },
      validation: { _and: [OWN_DESA, { status: { _in: ['draft', 'submitted'] } }] },
      fields: SURVEY_OPERATOR_FIELDS,
    },
    { collection: 'surveys', action: 'delete', permissions: { _and: [OWN_DESA, { status: { _eq: 'draft' } }] }, fields: ['*'] },
    read('needs', OWN_DESA),
    read('interventions', OWN_DESA),
    read('intervention_reports', { intervention: { desa: { _eq: '$CURRENT_USER.desa' } } }),
  ],
  verifikator_kecamatan: [
    ...common,
    read('households', OWN_KECAMATAN),
    read('household_members', HOUSEHOLD_IN_OWN_KECAMATAN),
    read('surveys', HOUSEHOLD_IN_OWN_KECAMATAN),
    {
      collection: 'surveys',
      action: 'update',
      permissions: { _and: [HOUSEHOLD_IN_OWN_KECAMATAN, { status: { _eq: 'submitted' } }] },
      validation: { status: { _in: ['verified', 'returned'] } },
      fields: ['status', 'return_note'],
    },
    read('needs', OWN_KECAMATAN),
    read('interventions', OWN_KECAMATAN),
    read('intervention_reports', { intervention: { kecamatan: { _eq: '$CURRENT_USER.kecamatan' } } }),
  ],
  perangkat_daerah: [
    ...common,
    read('households', HOUSEHOLD_SERVED_BY_AGENCY, fieldsOf('households', [...PERSONAL.households])),
    read(
      'household_members',
      { household: HOUSEHOLD_SERVED_BY_AGENCY },
      fieldsOf('household_members', [...PERSONAL.household_members]),
    ),
    read('needs', OWN_AGENCY),
    read('interventions', OWN_AGENCY),
    { collection: 'interventions', action: 'create', validation: OWN_AGENCY, presets: { perangkat_daerah: '$CURRENT_USER.perangkat_daerah' }, fields: ['*'] },
    {
      collection: 'interventions',
      action: 'update',
      permissions: OWN_AGENCY,
      validation: OWN_AGENCY,
      fields: ['status', 'realized_cost', 'completed_at', 'evidence', 'note'],
    },
    read('intervention_reports', OWN_AGENCY),
    {
      collection: 'intervention_reports',
      action: 'create',
      validation: OWN_AGENCY,
      presets: { perangkat_daerah: '$CURRENT_USER.perangkat_daerah' },
      fields: ['*'],
    },
    {
      collection: 'intervention_reports',
      action: 'update',
      permissions: OWN_AGENCY,
      validation: OWN_AGENCY,
      fields: ['progress_pct', 'realized_cost', 'note', 'evidence'],
    },
    read('allocation_runs'),
  ],
};
