import { parseHouseholdListQuery } from '../household-list.ts';
import type { HouseholdListQuery } from '../household-list.ts';
import { canReadSurveys, roleKeyOf } from '../roles.ts';
import type { RoleKey } from '../roles.ts';
import type { SessionUser } from '../session-user.ts';
import type { PlanningSettings } from '../settings.ts';
import type { UserDirectus } from './directus-types.ts';
import type { HouseholdListOptions } from './household-list.ts';
import type { AreaRef, DesaRef } from './reference.ts';
import { readDesaRefs, readKecamatanRefs, readPlanningSettings } from './reference.ts';

export interface HouseholdListContext {
  query: HouseholdListQuery;
  role: RoleKey;
  settings: PlanningSettings;
  options: HouseholdListOptions;
  /** Kecamatan and desa the user can choose from (their own only, for operators and verifiers). */
  kecamatanOptions: AreaRef[];
  desaOptions: DesaRef[];
}

/** Reads the list state from the URL and the reference data the list and its filters need. */
export async function readHouseholdListContext(
  directus: UserDirectus,
  user: SessionUser,
  url: URL,
): Promise<HouseholdListContext> {
  const role = roleKeyOf(user.role);
  const query = parseHouseholdListQuery(url.searchParams);
  const [settings, kecamatan, desa] = await Promise.all([
    readPlanningSettings(directus),
    readKecamatanRefs(directus),
    readDesaRefs(directus, user.kecamatan ?? undefined),
  ]);
  const desaOptions = user.desa === null ? desa : desa.filter((entry) => entry.code === user.desa);
  const kecamatanOptions =
    user.kecamatan === null ? kecamatan : kecamatan.filter((entry) => entry.code === user.kecamatan);
  return {
    query,
    role,
    settings,
    options: {
      role,
      round: settings.surveyRound,
      surveysReadable: canReadSurveys(role),
      desaNames: new Map(desa.map((entry) => [entry.code, entry.name])),
    },
    kecamatanOptions,
    desaOptions,
  };
}
