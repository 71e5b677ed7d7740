// Roles, policies, permissions and the admin app's collection presets of SIAP-PD as data
// (DESIGN.md "Access"). Applied idempotently by access/apply-access.ts with these fixed ids.
//
// The sixth role, Administrator, is the role Directus's bootstrap creates (admin_access policy):
// it is not listed here and our hooks let it through (accountability.admin).
//
// Permission filters use $CURRENT_USER fields that live on directus_users (desa, kecamatan,
// perangkat_daerah): keep them flat (see DESIGN "Facts verified"). Every scope rule also requires
// the scoped column to be non-null: `$CURRENT_USER.desa` of a user without a desa resolves to null,
// and Directus turns `_eq: null` into IS NULL, so without the guard such a user would see every
// record whose desa is empty. With it, a user missing the field their role needs sees nothing.
import { collections } from '../scripts/schema/model.ts';

export type RoleKey =
  'perencana' | 'pimpinan' | 'operator_desa' | 'verifikator_kecamatan' | 'perangkat_daerah';
export type Action = 'create' | 'read' | 'update' | 'delete';
export type Filter = Record<string, unknown>;

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
  permissions?: Filter | null;
  validation?: Filter | null;
  presets?: Record<string, unknown> | null;
  fields: string[];
}

/** A role's default view of a collection in the admin app (a directus_presets row with user = null). */
export interface CollectionPresetDef {
  id: number;
  role: RoleKey;
  collection: string;
  fields: string[];
  sort: string[];
  filter?: Filter | null;
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

/** The role key of a Directus role id, or null for a role that is not ours (e.g. the administrator's). */
export function roleKeyOf(roleId: string | null | undefined): RoleKey | null {
  return roles.find((role) => role.id === roleId)?.key ?? null;
}

/** The field on directus_users that scopes each role (null: not scoped by a user field). */
export const SCOPE_FIELD: Record<RoleKey, 'desa' | 'kecamatan' | 'perangkat_daerah' | null> = {
  perencana: null,
  pimpinan: null,
  operator_desa: 'desa',
  verifikator_kecamatan: 'kecamatan',
  perangkat_daerah: 'perangkat_daerah',
};

/** Every stored field of a collection (aliases included), optionally without some. */
export function fieldsOf(collection: string, without: readonly string[] = []): string[] {
  const def = collections.find((c) => c.collection === collection);
  if (!def) throw new Error(`unknown collection ${collection}`);
  return def.fields.map((field) => field.field).filter((name) => !without.includes(name));
}

/** `column` equals the user's `userField`, which must be set (a user without it matches nothing). */
export function own(column: string, userField: string = column): Filter {
  return { _and: [{ [column]: { _eq: `$CURRENT_USER.${userField}` } }, { [column]: { _nnull: true } }] };
}

export const REFERENCE = [
  'kecamatan',
  'desa',
  'perangkat_daerah',
  'sub_kegiatan',
  'poverty_lines',
  'indicators',
  'planning_settings',
] as const;
export const PLANNER_EDITS = [
  'sub_kegiatan',
  'indicators',
  'poverty_lines',
  'budget_ceilings',
  'tagged_budget',
] as const;
/** Fields no one but the administrator, the planner and the household's own desa/kecamatan may read. */
export const PERSONAL = { households: ['head_nik', 'no_kk'], household_members: ['nik'] } as const;

const OWN_DESA = own('desa');
const OWN_KECAMATAN = own('kecamatan');
const OWN_AGENCY = own('perangkat_daerah');
const HOUSEHOLD_IN_OWN_KECAMATAN = { household: OWN_KECAMATAN };
/**
 * Inside `_some` Directus 11.17 silently drops an `_and` (the whole rule then matches everything),
 * so own() cannot be used there. `_in` with the user's value is null-safe on its own: a user
 * without an agency gives `IN (NULL)`, which matches nothing.
 */
const AGENCY_IS_MINE = { perangkat_daerah: { _in: ['$CURRENT_USER.perangkat_daerah'] } };
const HOUSEHOLD_SERVED_BY_AGENCY = { needs: { _some: AGENCY_IS_MINE } };
/** Below a many-to-one, Directus refuses `_some`; the plain one-to-many path means "some need". */
const OF_HOUSEHOLD_SERVED_BY_AGENCY = { household: { needs: AGENCY_IS_MINE } };

const read = (collection: string, permissions: Filter | null = null, fields = ['*']): PermissionDef => ({
  collection,
  action: 'read',
  permissions,
  fields,
});

const USER_FIELDS = [
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
];

/** Everyone may read their own user (with the scope fields) and the reference data. */
const common: PermissionDef[] = [
  read('directus_users', { id: { _eq: '$CURRENT_USER' } }, USER_FIELDS),
  read('directus_roles', { id: { _eq: '$CURRENT_ROLE' } }, ['id', 'name', 'icon', 'description']),
  ...REFERENCE.map((collection) => read(collection)),
];

/** Uploads (survey photos, evidence): create, and read or replace one's own. */
const ownFiles: PermissionDef[] = [
  { collection: 'directus_files', action: 'create', presets: null, fields: ['*'] },
  read('directus_files', { uploaded_by: { _eq: '$CURRENT_USER' } }),
  {
    collection: 'directus_files',
    action: 'update',
    permissions: { uploaded_by: { _eq: '$CURRENT_USER' } },
    fields: ['title', 'description', 'tags', 'filename_download', 'folder'],
  },
];

/** What the engine computes and the server stamps: no one but the administrator writes these. */
const COMPUTED_SURVEY_FIELDS = [
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
];
const COMPUTED_HOUSEHOLD_FIELDS = [
  'classification',
  'classification_reason',
  'income_per_capita',
  'classification_basis',
  'poverty_line_used',
  'extreme_line_used',
  'classified_survey',
  'classified_at',
  'need_count',
  'survey_status',
  'quality_flags',
  'is_demo',
  'date_created',
  'date_updated',
  'user_created',
  'user_updated',
];
const COMPUTED_MEMBER_FIELDS = ['date_created', 'date_updated', 'user_created', 'user_updated'];
/** The operator fills the survey answers; the return note is the verifier's. */
const SURVEY_OPERATOR_FIELDS = fieldsOf('surveys', [...COMPUTED_SURVEY_FIELDS, 'return_note']);
const OPERATOR_SURVEY_STATUS = { status: { _in: ['draft', 'submitted'] } };
/** The server stamps verified_by (hook): a client value is refused there; this keeps it to oneself or none. */
const VERIFIED_BY_SELF_OR_NONE = {
  _or: [{ verified_by: { _null: true } }, { verified_by: { _eq: '$CURRENT_USER' } }],
};

export const permissions: Record<RoleKey, PermissionDef[]> = {
  perencana: [
    ...common.filter((p) => p.collection !== 'directus_users'),
    read('directus_users', null, USER_FIELDS),
    ...['households', 'household_members', 'surveys', 'needs', 'interventions', 'intervention_reports'].map(
      (c) => read(c),
    ),
    read('budget_ceilings'),
    read('tagged_budget'),
    read('allocation_runs'),
    read('import_jobs'),
    // every file (evidence of any agency's reports); uploads its own, e.g. evidence for a report it
    // enters on an agency's behalf, and edits their title and description
    read('directus_files'),
    ...ownFiles.filter((permission) => permission.action !== 'read'),
    read('directus_revisions'),
    read('directus_activity'),
    ...PLANNER_EDITS.flatMap((collection) =>
      (['create', 'update', 'delete'] as const).map((action) => ({ collection, action, fields: ['*'] })),
    ),
    { collection: 'planning_settings', action: 'update', fields: fieldsOf('planning_settings', ['id']) },
    {
      // Reopen: a verified survey goes back to submitted (the hook clears verified_by/verified_at).
      collection: 'surveys',
      action: 'update',
      permissions: { status: { _eq: 'verified' } },
      validation: { _and: [{ status: { _eq: 'submitted' } }, { verified_by: { _null: true } }] },
      fields: ['status', 'verified_by', 'verified_at'],
    },
    { collection: 'needs', action: 'update', fields: ['status', 'dismiss_reason'] },
    { collection: 'interventions', action: 'update', fields: ['status', 'note'] },
    // Reports of any agency, entered or corrected on its behalf. The access hook copies
    // perangkat_daerah from the intervention; the monitoring hook refuses a cancelled intervention
    // or a quarter outside 1-4 and re-derives the intervention (the same checks as an agency's).
    {
      collection: 'intervention_reports',
      action: 'create',
      fields: fieldsOf('intervention_reports', ['id', 'date_created', 'user_created']),
    },
    {
      collection: 'intervention_reports',
      action: 'update',
      fields: ['progress_pct', 'realized_cost', 'note', 'evidence'],
    },
    { collection: 'intervention_reports', action: 'delete', fields: ['*'] },
    { collection: 'allocation_runs', action: 'update', fields: ['status', 'decree_number', 'decree_date'] },
  ],
  pimpinan: [
    ...common,
    read('households', null, fieldsOf('households', PERSONAL.households)),
    read('household_members', null, fieldsOf('household_members', PERSONAL.household_members)),
    read('surveys'),
    read('needs'),
    read('interventions'),
    read('intervention_reports'),
    read('budget_ceilings'),
    read('tagged_budget'),
    read('allocation_runs'),
    read('directus_files'),
  ],
  operator_desa: [
    ...common,
    ...ownFiles,
    {
      collection: 'households',
      action: 'create',
      validation: OWN_DESA,
      presets: { desa: '$CURRENT_USER.desa' },
      fields: fieldsOf('households', COMPUTED_HOUSEHOLD_FIELDS),
    },
    read('households', OWN_DESA),
    {
      collection: 'households',
      action: 'update',
      permissions: OWN_DESA,
      validation: OWN_DESA,
      fields: fieldsOf('households', COMPUTED_HOUSEHOLD_FIELDS),
    },
    {
      collection: 'household_members',
      action: 'create',
      validation: OWN_DESA,
      fields: fieldsOf('household_members', COMPUTED_MEMBER_FIELDS),
    },
    read('household_members', OWN_DESA),
    {
      collection: 'household_members',
      action: 'update',
      permissions: OWN_DESA,
      validation: OWN_DESA,
      fields: fieldsOf('household_members', COMPUTED_MEMBER_FIELDS),
    },
    {
      collection: 'surveys',
      action: 'create',
      validation: { _and: [OWN_DESA, OPERATOR_SURVEY_STATUS] },
      presets: { status: 'draft' },
      fields: SURVEY_OPERATOR_FIELDS,
    },
    read('surveys', OWN_DESA),
    {
      collection: 'surveys',
      action: 'update',
      permissions: { _and: [OWN_DESA, { status: { _in: ['draft', 'returned'] } }] },
      validation: { _and: [OWN_DESA, OPERATOR_SURVEY_STATUS] },
      fields: SURVEY_OPERATOR_FIELDS,
    },
    {
      collection: 'surveys',
      action: 'delete',
      permissions: { _and: [OWN_DESA, { status: { _eq: 'draft' } }] },
      fields: ['*'],
    },
    read('needs', OWN_DESA),
    read('interventions', OWN_DESA),
    read('intervention_reports', { intervention: OWN_DESA }),
  ],
  verifikator_kecamatan: [
    ...common,
    read('directus_files'),
    read('households', OWN_KECAMATAN),
    read('household_members', HOUSEHOLD_IN_OWN_KECAMATAN),
    read('surveys', HOUSEHOLD_IN_OWN_KECAMATAN),
    {
      collection: 'surveys',
      action: 'update',
      permissions: { _and: [HOUSEHOLD_IN_OWN_KECAMATAN, { status: { _eq: 'submitted' } }] },
      validation: { _and: [{ status: { _in: ['verified', 'returned'] } }, VERIFIED_BY_SELF_OR_NONE] },
      fields: ['status', 'return_note', 'verified_by', 'verified_at'],
    },
    read('needs', OWN_KECAMATAN),
    read('interventions', OWN_KECAMATAN),
    read('intervention_reports', { intervention: OWN_KECAMATAN }),
  ],
  perangkat_daerah: [
    ...common,
    ...ownFiles,
    read('households', HOUSEHOLD_SERVED_BY_AGENCY, fieldsOf('households', PERSONAL.households)),
    read(
      'household_members',
      OF_HOUSEHOLD_SERVED_BY_AGENCY,
      fieldsOf('household_members', PERSONAL.household_members),
    ),
    read('surveys', OF_HOUSEHOLD_SERVED_BY_AGENCY),
    read('needs', OWN_AGENCY),
    read('interventions', OWN_AGENCY),
    {
      collection: 'interventions',
      action: 'create',
      validation: OWN_AGENCY,
      presets: { perangkat_daerah: '$CURRENT_USER.perangkat_daerah' },
      // desa and kecamatan are copied from the household by the access hook.
      fields: fieldsOf('interventions', [
        'id',
        'allocation_run',
        'unit_cost',
        'planned_cost',
        'date_created',
        'date_updated',
      ]),
    },
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
      // perangkat_daerah is copied from the intervention by the access hook.
      fields: fieldsOf('intervention_reports', ['id', 'date_created', 'user_created']),
    },
    {
      collection: 'intervention_reports',
      action: 'update',
      permissions: OWN_AGENCY,
      validation: OWN_AGENCY,
      fields: ['progress_pct', 'realized_cost', 'note', 'evidence'],
    },
    read('budget_ceilings', OWN_AGENCY),
    read('tagged_budget', OWN_AGENCY),
    read('allocation_runs'),
  ],
};

const tabular = (
  id: number,
  role: RoleKey,
  collection: string,
  fields: string[],
  sort: string[],
  filter: Filter | null = null,
): CollectionPresetDef => ({ id, role, collection, fields, sort, filter });

/**
 * Where each role's admin app opens: a table of the columns it works with, sorted, and for work
 * queues filtered (the user can clear the filter; their own changes are saved as their own preset).
 * Columns never include a field the role may not read (a display of such a field breaks the list).
 */
export const collectionPresets: CollectionPresetDef[] = [
  tabular(
    9101,
    'perencana',
    'households',
    ['head_name', 'desa', 'kecamatan', 'classification', 'need_count', 'income_per_capita'],
    ['kecamatan', 'desa', 'head_name'],
  ),
  tabular(
    9102,
    'perencana',
    'needs',
    ['household', 'category', 'sub_kegiatan', 'perangkat_daerah', 'quantity', 'status'],
    ['perangkat_daerah', 'category'],
    { status: { _eq: 'open' } },
  ),
  tabular(
    9103,
    'perencana',
    'interventions',
    [
      'household',
      'sub_kegiatan',
      'perangkat_daerah',
      'fiscal_year',
      'planned_cost',
      'realized_cost',
      'status',
    ],
    ['-fiscal_year', 'perangkat_daerah'],
  ),
  tabular(
    9104,
    'perencana',
    'allocation_runs',
    ['id', 'fiscal_year', 'status', 'decree_number', 'date_created'],
    ['-date_created'],
  ),
  tabular(
    9105,
    'perencana',
    'intervention_reports',
    ['intervention', 'perangkat_daerah', 'fiscal_year', 'quarter', 'progress_pct', 'realized_cost'],
    ['-fiscal_year', '-quarter', 'perangkat_daerah'],
  ),
  tabular(
    9201,
    'pimpinan',
    'households',
    ['head_name', 'desa', 'kecamatan', 'classification', 'need_count'],
    ['kecamatan', 'desa', 'head_name'],
  ),
  tabular(
    9202,
    'pimpinan',
    'interventions',
    ['household', 'sub_kegiatan', 'perangkat_daerah', 'fiscal_year', 'planned_cost', 'status'],
    ['-fiscal_year', 'perangkat_daerah'],
  ),
  tabular(
    9203,
    'pimpinan',
    'allocation_runs',
    ['id', 'fiscal_year', 'status', 'decree_number', 'date_created'],
    ['-date_created'],
  ),
  tabular(
    9301,
    'operator_desa',
    'households',
    ['head_name', 'no_kk', 'address', 'rt_rw', 'member_count', 'classification', 'date_updated'],
    ['head_name'],
  ),
  tabular(
    9302,
    'operator_desa',
    'household_members',
    ['name', 'nik', 'relation', 'household', 'birth_date'],
    ['household', 'name'],
  ),
  tabular(
    9303,
    'operator_desa',
    'surveys',
    ['household', 'round', 'status', 'surveyed_at', 'return_note', 'date_updated'],
    ['-date_updated'],
    { status: { _in: ['draft', 'returned'] } },
  ),
  tabular(
    9401,
    'verifikator_kecamatan',
    'surveys',
    ['household', 'desa', 'round', 'status', 'surveyor', 'surveyed_at', 'date_updated'],
    ['date_updated'],
    { status: { _eq: 'submitted' } },
  ),
  tabular(
    9402,
    'verifikator_kecamatan',
    'households',
    ['head_name', 'no_kk', 'desa', 'classification', 'need_count'],
    ['desa', 'head_name'],
  ),
  tabular(
    9501,
    'perangkat_daerah',
    'needs',
    ['household', 'category', 'sub_kegiatan', 'quantity', 'desa', 'status'],
    ['sub_kegiatan', 'desa'],
    { status: { _eq: 'open' } },
  ),
  tabular(
    9502,
    'perangkat_daerah',
    'interventions',
    ['household', 'sub_kegiatan', 'desa', 'fiscal_year', 'planned_cost', 'realized_cost', 'status'],
    ['-fiscal_year', 'sub_kegiatan'],
  ),
  tabular(
    9503,
    'perangkat_daerah',
    'intervention_reports',
    ['intervention', 'fiscal_year', 'quarter', 'progress_pct', 'realized_cost'],
    ['-fiscal_year', '-quarter'],
  ),
];
