import type { Knex } from 'knex';

/**
 * Reads the region a record belongs to. Hooks receive the request's own transaction as `database`
 * (SQLite has a single connection: never open another one inside a hook).
 */
export function createRegionLookup(database: Knex) {
  return {
    async kecamatanOfDesa(desa: string): Promise<string | null> {
      const row = (await database('desa').where({ code: desa }).first('kecamatan')) as
        { kecamatan: string | null } | undefined;
      return row?.kecamatan ?? null;
    },
    async desaOfHousehold(household: number | string): Promise<string | null> {
      const row = (await database('households').where({ id: household }).first('desa')) as
        { desa: string | null } | undefined;
      return row?.desa ?? null;
    },
  };
}

export type RegionLookup = ReturnType<typeof createRegionLookup>;
