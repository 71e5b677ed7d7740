import {
  NEED_LIST_FIELDS,
  NEED_PAGE_SIZE,
  needListFilter,
  needListSort,
  toNeedListRows,
} from '../need-list.ts';
import type { NeedListQuery, NeedListRow } from '../need-list.ts';
import type { UserDirectus } from './directus-types.ts';
import { countRows, readRows, unlessForbidden } from './items.ts';

export interface NeedNames {
  desa: ReadonlyMap<string, string>;
  agencies: ReadonlyMap<string, string>;
}

/** One page of needs (limit/offset) and the filtered total; null when the user may not read needs. */
export async function readNeedPage(
  directus: UserDirectus,
  query: NeedListQuery,
  names: NeedNames,
): Promise<{ rows: NeedListRow[]; total: number } | null> {
  const filter = needListFilter(query);
  return unlessForbidden(
    Promise.all([
      readRows(directus, 'needs', {
        fields: NEED_LIST_FIELDS,
        ...(filter === undefined ? {} : { filter }),
        sort: needListSort(query),
        limit: NEED_PAGE_SIZE,
        offset: (query.page - 1) * NEED_PAGE_SIZE,
      }),
      countRows(directus, 'needs', filter),
    ]).then(([rows, total]) => ({ rows: toNeedListRows(rows, names.desa, names.agencies), total })),
    null,
  );
}

/** Every need matching a list state (for the CSV export), in pages of `chunk`. */
export async function readAllNeeds(
  directus: UserDirectus,
  query: NeedListQuery,
  names: NeedNames,
  chunk = 5000,
): Promise<NeedListRow[]> {
  const filter = needListFilter(query);
  const rows: NeedListRow[] = [];
  for (let offset = 0; ; offset += chunk) {
    const page = await readRows(directus, 'needs', {
      fields: NEED_LIST_FIELDS,
      ...(filter === undefined ? {} : { filter }),
      sort: needListSort(query),
      limit: chunk,
      offset,
    });
    rows.push(...toNeedListRows(page, names.desa, names.agencies));
    if (page.length < chunk) break;
  }
  return rows;
}
