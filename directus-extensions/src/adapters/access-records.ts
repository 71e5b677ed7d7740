import type { Knex } from 'knex';

/** The fields of a user that scope their role (DESIGN "Access"). */
export interface UserScope {
  desa: string | null;
  kecamatan: string | null;
  perangkat_daerah: string | null;
}

export interface SurveyState {
  id: number;
  status: string | null;
  desa: string | null;
  kecamatan: string | null;
  return_note: string | null;
}

export interface HouseholdRegion {
  desa: string | null;
  kecamatan: string | null;
}

/**
 * The reads the access hooks need, on the request's own transaction (`context.database`: SQLite
 * has one connection, so a hook must never open another).
 */
export function createAccessRecords(database: Knex) {
  return {
    async userScope(user: string): Promise<UserScope> {
      const row = (await database('directus_users')
        .where({ id: user })
        .first('desa', 'kecamatan', 'perangkat_daerah')) as UserScope | undefined;
      return {
        desa: row?.desa ?? null,
        kecamatan: row?.kecamatan ?? null,
        perangkat_daerah: row?.perangkat_daerah ?? null,
      };
    },

    async householdRegion(household: string | number): Promise<HouseholdRegion | null> {
      const row = (await database('households').where({ id: household }).first('desa', 'kecamatan')) as
        HouseholdRegion | undefined;
      return row ? { desa: row.desa ?? null, kecamatan: row.kecamatan ?? null } : null;
    },

    async kecamatanOfDesa(desa: string): Promise<string | null> {
      const row = (await database('desa').where({ code: desa }).first('kecamatan')) as
        { kecamatan: string | null } | undefined;
      return row?.kecamatan ?? null;
    },

    async surveys(ids: readonly (string | number)[]): Promise<SurveyState[]> {
      if (ids.length === 0) return [];
      return (await database('surveys')
        .leftJoin('households', 'households.id', 'surveys.household')
        .whereIn('surveys.id', [...ids])
        .select(
          'surveys.id as id',
          'surveys.status as status',
          'households.desa as desa',
          'households.kecamatan as kecamatan',
          'surveys.return_note as return_note',
        )) as SurveyState[];
    },

    /** Whether the NIK belongs to a member or a household head outside `desa` (null desa: anywhere). */
    async nikRegisteredOutside(
      nik: string,
      desa: string | null,
      except: { members?: readonly (string | number)[]; households?: readonly (string | number)[] } = {},
    ): Promise<boolean> {
      const members = database('household_members').where({ nik });
      if (desa !== null) {
        void members.andWhere((q) => {
          void q.whereNot({ desa }).orWhereNull('desa');
        });
      }
      if (except.members && except.members.length > 0) members.whereNotIn('id', [...except.members]);
      if (await members.first('id')) return true;
      const heads = database('households').where({ head_nik: nik });
      if (desa !== null) heads.whereNot({ desa });
      if (except.households && except.households.length > 0) heads.whereNotIn('id', [...except.households]);
      return (await heads.first('id')) !== undefined;
    },

    async householdServedByAgency(household: string | number, agency: string): Promise<boolean> {
      const row: unknown = await database('needs').where({ household, perangkat_daerah: agency }).first('id');
      return row !== undefined;
    },

    async need(
      id: string | number,
    ): Promise<{ household: number | null; perangkat_daerah: string | null } | null> {
      const row = (await database('needs').where({ id }).first('household', 'perangkat_daerah')) as
        { household: number | null; perangkat_daerah: string | null } | undefined;
      return row ?? null;
    },

    async agencyOfSubKegiatan(code: string): Promise<string | null> {
      const row = (await database('sub_kegiatan').where({ code }).first('perangkat_daerah')) as
        { perangkat_daerah: string | null } | undefined;
      return row?.perangkat_daerah ?? null;
    },

    async agencyOfIntervention(id: string | number): Promise<{ perangkat_daerah: string | null } | null> {
      const row = (await database('interventions').where({ id }).first('perangkat_daerah')) as
        { perangkat_daerah: string | null } | undefined;
      return row ? { perangkat_daerah: row.perangkat_daerah ?? null } : null;
    },
  };
}

export type AccessRecords = ReturnType<typeof createAccessRecords>;
