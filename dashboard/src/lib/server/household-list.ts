import { countRows, readRows, unlessForbidden } from './items.ts';
import type { UserDirectus } from './directus-types.ts';
import {
  householdListFilter,
  householdListSort,
  PAGE_SIZE,
  toHouseholdListRows,
  toSurveysOfHouseholds,
} from '../household-list.ts';
import type { HouseholdListQuery, HouseholdListRow, SurveyOfHousehold } from '../household-list.ts';
import type { Filter } from '../filters.ts';
import { personalFieldAccess } from '../roles.ts';
import type { RoleKey } from '../roles.ts';
import { withPersonalFields } from './personal-fields.ts';

const LIST_FIELDS = [
  'id',
  'head_name',
  'address',
  'rt_rw',
  'desa',
  'classification',
  'member_count',
  'income_per_capita',
  'need_count',
];

export interface HouseholdListOptions {
  role: RoleKey;
  round: number | null;
  surveysReadable: boolean;
  desaNames: ReadonlyMap<string, string>;
}

export interface HouseholdPage {
  rows: HouseholdListRow[];
  /** Households matching the filter (what meta=filter_count would report). */
  total: number;
  /** Whether No. KK was read (and may be shown). */
  personal: boolean;
}

/** Surveys of some households (id, household, round, status, surveyed_at), asked in chunks to keep URLs short. */
export async function readSurveysOf(
  directus: UserDirectus,
  householdIds: readonly number[],
): Promise<SurveyOfHousehold[] | null> {
  const surveys: SurveyOfHousehold[] = [];
  for (let start = 0; start < householdIds.length; start += 200) {
    const ids = householdIds.slice(start, start + 200);
    const rows = await unlessForbidden(
      readRows(directus, 'surveys', {
        fields: ['id', 'household', 'round', 'status', 'surveyed_at'],
        filter: { household: { _in: ids } },
        limit: -1,
      }),
      null,
    );
    if (rows === null) return null;
    surveys.push(...toSurveysOfHouseholds(rows));
  }
  return surveys;
}

/** One page of households (Directus limit/offset), with the filtered total and each household's survey status. */
export async function readHouseholdPage(
  directus: UserDirectus,
  query: HouseholdListQuery,
  options: HouseholdListOptions,
): Promise<HouseholdPage> {
  const { result, personal } = await withPersonalFields(options.role, async (personal) => {
    const filter = householdListFilter(query, {
      round: options.round,
      personal,
      surveysReadable: options.surveysReadable,
    });
    const [rows, total] = await Promise.all([
      readRows(directus, 'households', {
        fields: personal ? [...LIST_FIELDS, 'no_kk'] : LIST_FIELDS,
        ...(filter === undefined ? {} : { filter }),
        sort: householdListSort(query),
        limit: PAGE_SIZE,
        offset: (query.page - 1) * PAGE_SIZE,
      }),
      countRows(directus, 'households', filter),
    ]);
    return { rows, total };
  });
  const ids = result.rows.flatMap((row) => (typeof row['id'] === 'number' ? [row['id']] : []));
  const surveys = options.surveysReadable ? await readSurveysOf(directus, ids) : null;
  return {
    rows: toHouseholdListRows(result.rows, options.desaNames, surveys),
    total: result.total,
    personal,
  };
}

/** Every household matching a list state (for the CSV export), read in pages of `chunk`. */
export async function readAllHouseholds(
  directus: UserDirectus,
  query: HouseholdListQuery,
  options: HouseholdListOptions,
  chunk = 2000,
): Promise<{ rows: HouseholdListRow[]; personal: boolean }> {
  // The export never carries No. KK or NIK (exports containing them must be recorded: not from here),
  // but a number typed in the search still finds the same households as on the page.
  const filter: Filter | undefined = householdListFilter(query, {
    round: options.round,
    personal: personalFieldAccess(options.role) === 'yes',
    surveysReadable: options.surveysReadable,
  });
  const rows: HouseholdListRow[] = [];
  for (let offset = 0; ; offset += chunk) {
    const page = await readRows(directus, 'households', {
      fields: LIST_FIELDS,
      ...(filter === undefined ? {} : { filter }),
      sort: householdListSort(query),
      limit: chunk,
      offset,
    });
    const ids = page.flatMap((row) => (typeof row['id'] === 'number' ? [row['id']] : []));
    const surveys = options.surveysReadable ? await readSurveysOf(directus, ids) : null;
    rows.push(...toHouseholdListRows(page, options.desaNames, surveys));
    if (page.length < chunk) break;
  }
  return { rows, personal: false };
}
