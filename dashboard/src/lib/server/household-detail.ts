import type { Row } from '../aggregate.ts';
import type { RoleKey } from '../roles.ts';
import type { UserDirectus } from './directus-types.ts';
import { classifyDirectusError } from './directus-errors.ts';
import { readEndpoint, readRowOrThrow, readRows, responseStatus, unlessRefused } from './items.ts';
import { withPersonalFields } from './personal-fields.ts';

const HOUSEHOLD_FIELDS = [
  'id',
  'head_name',
  'address',
  'rt_rw',
  'desa',
  'kecamatan',
  'latitude',
  'longitude',
  'member_count',
  'source',
  'p3ke_id',
  'dtsen_id',
  'p3ke_decile',
  'dtsen_decile',
  'baseline_disposition',
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
];

const MEMBER_FIELDS = [
  'id',
  'name',
  'relation',
  'sex',
  'birth_date',
  'education',
  'school_status',
  'working',
  'disability',
  'jkn_status',
];

const SURVEY_FIELDS = [
  'id',
  'round',
  'surveyed_at',
  'surveyor',
  'status',
  'verified_at',
  'return_note',
  'member_count',
  'monthly_income',
  'classification',
  'income_per_capita',
];

const NEED_FIELDS = [
  'id',
  'category',
  'indicator.key',
  'indicator.label',
  'sub_kegiatan.code',
  'sub_kegiatan.name',
  'perangkat_daerah.id',
  'perangkat_daerah.short_name',
  'quantity',
  'status',
  'no_longer_detected',
];

const INTERVENTION_FIELDS = [
  'id',
  'sub_kegiatan.code',
  'sub_kegiatan.name',
  'perangkat_daerah.id',
  'perangkat_daerah.short_name',
  'fiscal_year',
  'quantity',
  'unit_cost',
  'planned_cost',
  'status',
  'realized_cost',
  'completed_at',
];

export interface HouseholdDetailData {
  household: Row;
  /** Whether head_nik / no_kk were read. */
  personal: boolean;
  members: Row[] | null;
  membersPersonal: boolean;
  surveys: Row[] | null;
  needs: Row[] | null;
  interventions: Row[] | null;
  /** The explain endpoint's answer; null when the endpoint does not exist (yet) or refused. */
  explain: unknown;
}

/** A household with its members, surveys, needs and interventions; null when the user may not see it. */
export async function readHouseholdDetail(
  directus: UserDirectus,
  id: number,
  role: RoleKey,
): Promise<HouseholdDetailData | null> {
  // Directus answers 403 both for a household that is not the user's and for one that does not exist.
  const household = await withPersonalFields(role, (personal) =>
    readRowOrThrow(directus, 'households', id, {
      fields: personal ? [...HOUSEHOLD_FIELDS, 'no_kk', 'head_nik'] : HOUSEHOLD_FIELDS,
    }),
  ).catch((error: unknown) => {
    if (classifyDirectusError(error) === 'forbidden' || responseStatus(error) === 404) {
      return { result: null, personal: false };
    }
    throw error;
  });
  if (household.result === null) return null;

  const byHousehold = { household: { _eq: id } };
  const [members, surveys, needs, interventions, explain] = await Promise.all([
    unlessRefused(
      withPersonalFields(role, (personal) =>
        readRows(directus, 'household_members', {
          fields: personal ? [...MEMBER_FIELDS, 'nik'] : MEMBER_FIELDS,
          filter: byHousehold,
          sort: ['id'],
          limit: -1,
        }),
      ),
      { result: null, personal: false },
      `anggota rumah tangga ${id}`,
    ),
    unlessRefused(
      readRows(directus, 'surveys', {
        fields: SURVEY_FIELDS,
        filter: byHousehold,
        sort: ['-round', '-surveyed_at', '-id'],
        limit: -1,
      }),
      null,
      `survei rumah tangga ${id}`,
    ),
    unlessRefused(
      readRows(directus, 'needs', {
        fields: NEED_FIELDS,
        filter: byHousehold,
        sort: ['category', 'id'],
        limit: -1,
      }),
      null,
      `kebutuhan rumah tangga ${id}`,
    ),
    unlessRefused(
      readRows(directus, 'interventions', {
        fields: INTERVENTION_FIELDS,
        filter: byHousehold,
        sort: ['-fiscal_year', 'id'],
        limit: -1,
      }),
      null,
      `intervensi rumah tangga ${id}`,
    ),
    // The explanation is optional: if the endpoint fails, the stored fields still explain the class.
    readEndpoint(directus, `/siap-pd/households/${id}/explain`).catch((error: unknown) => {
      console.warn(`[dashboard] explain ${id} gagal`, error);
      return { status: 'missing' as const };
    }),
  ]);
  return {
    household: household.result,
    personal: household.personal,
    members: members.result,
    membersPersonal: members.personal,
    surveys,
    needs,
    interventions,
    explain: explain.status === 'ok' ? explain.data : null,
  };
}
