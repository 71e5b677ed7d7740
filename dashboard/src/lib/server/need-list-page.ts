import { readText } from '../aggregate.ts';
import { parseNeedListQuery } from '../need-list.ts';
import { categoryLabel } from '../needs-summary.ts';
import type { NeedListQuery } from '../need-list.ts';
import type { SessionUser } from '../session-user.ts';
import type { UserDirectus } from './directus-types.ts';
import { readRows, unlessForbidden } from './items.ts';
import type { NeedNames } from './need-list.ts';
import type { AgencyRef, AreaRef, DesaRef } from './reference.ts';
import { readAgencyRefs, readDesaRefs, readKecamatanRefs } from './reference.ts';

export interface NeedListContext {
  query: NeedListQuery;
  names: NeedNames;
  kecamatanOptions: AreaRef[];
  desaOptions: DesaRef[];
  agencyOptions: AgencyRef[];
  /** Need categories of the rules (indicators), as filter options. */
  categoryOptions: { value: string; label: string }[];
}

/** The needs list state from the URL and the names its table and filters need. */
export async function readNeedListContext(
  directus: UserDirectus,
  user: SessionUser,
  url: URL,
): Promise<NeedListContext> {
  const query = parseNeedListQuery(url.searchParams);
  const [kecamatan, desa, agencies, categories] = await Promise.all([
    readKecamatanRefs(directus),
    readDesaRefs(directus, user.kecamatan ?? undefined),
    readAgencyRefs(directus),
    unlessForbidden(
      readRows(directus, 'indicators', { aggregate: { count: ['key'] }, groupBy: ['category'], limit: -1 }),
      [],
    ),
  ]);
  const categoryOptions = categories
    .flatMap((row) => {
      const value = readText(row['category']);
      return value === null ? [] : [{ value, label: categoryLabel(value) }];
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'id'));
  return {
    query,
    names: {
      desa: new Map(desa.map((entry) => [entry.code, entry.name])),
      agencies: new Map(agencies.map((entry) => [entry.id, entry.short_name])),
    },
    kecamatanOptions:
      user.kecamatan === null ? kecamatan : kecamatan.filter((entry) => entry.code === user.kecamatan),
    desaOptions: user.desa === null ? desa : desa.filter((entry) => entry.code === user.desa),
    agencyOptions:
      user.perangkat_daerah === null
        ? agencies
        : agencies.filter((entry) => entry.id === user.perangkat_daerah),
    categoryOptions,
  };
}
