import { readKey, readNumber, readText } from './aggregate.ts';
import type { Row } from './aggregate.ts';
import { andFilters, areaFilter } from './filters.ts';
import type { Filter } from './filters.ts';
import { categoryLabel, NEED_STATUS_LABELS } from './needs-summary.ts';

export const NEED_PAGE_SIZE = 25;

export const NEED_STATUS_OPTIONS = [
  { value: 'aktif', label: 'Aktif (terbuka atau direncanakan)' },
  { value: 'open', label: 'Terbuka' },
  { value: 'planned', label: 'Direncanakan' },
  { value: 'addressed', label: 'Tertangani' },
  { value: 'dismissed', label: 'Dikesampingkan' },
  { value: 'resolved', label: 'Selesai (tidak terdeteksi lagi)' },
  { value: 'semua', label: 'Semua status' },
] as const;
export type NeedStatusOption = (typeof NEED_STATUS_OPTIONS)[number]['value'];

export const NEED_SORT_KEYS = ['category', 'status', 'desa', 'perangkat_daerah', 'quantity'] as const;
export type NeedSortKey = (typeof NEED_SORT_KEYS)[number];

export interface NeedListQuery {
  status: NeedStatusOption;
  kategori: string | null;
  perangkat: string | null;
  kecamatan: string | null;
  desa: string | null;
  page: number;
  sort: NeedSortKey;
  dir: 'asc' | 'desc';
}

function param(params: URLSearchParams, name: string): string | null {
  const value = params.get(name)?.trim() ?? '';
  return value === '' ? null : value.slice(0, 100);
}

export function parseNeedListQuery(params: URLSearchParams): NeedListQuery {
  const status = param(params, 'status');
  const sort = param(params, 'urut');
  const page = Number(param(params, 'halaman') ?? '1');
  return {
    status: NEED_STATUS_OPTIONS.some((option) => option.value === status)
      ? (status as NeedStatusOption)
      : 'aktif',
    kategori: param(params, 'kategori'),
    perangkat: param(params, 'perangkat'),
    kecamatan: param(params, 'kecamatan'),
    desa: param(params, 'desa'),
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
    sort: (NEED_SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as NeedSortKey) : 'category',
    dir: param(params, 'arah') === 'turun' ? 'desc' : 'asc',
  };
}

export function needListSearch(query: NeedListQuery, changes: Partial<NeedListQuery> = {}): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.status !== 'aktif') params.set('status', next.status);
  if (next.kategori !== null) params.set('kategori', next.kategori);
  if (next.perangkat !== null) params.set('perangkat', next.perangkat);
  if (next.kecamatan !== null) params.set('kecamatan', next.kecamatan);
  if (next.desa !== null) params.set('desa', next.desa);
  if (next.sort !== 'category') params.set('urut', next.sort);
  if (next.dir === 'desc') params.set('arah', 'turun');
  if (next.page > 1) params.set('halaman', String(next.page));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The Directus filter of a needs list state ('-' as kategori/perangkat means "none"). */
export function needListFilter(query: NeedListQuery): Filter | undefined {
  const status =
    query.status === 'semua'
      ? undefined
      : query.status === 'aktif'
        ? { status: { _in: ['open', 'planned'] } }
        : { status: { _eq: query.status } };
  const byKey = (field: string, value: string | null): Filter | undefined => {
    if (value === null) return undefined;
    return value === '-' ? { [field]: { _null: true } } : { [field]: { _eq: value } };
  };
  return andFilters(
    status,
    byKey('category', query.kategori),
    byKey('perangkat_daerah', query.perangkat),
    areaFilter({ kecamatan: query.kecamatan, desa: query.desa }),
    query.kecamatan !== null && query.desa !== null ? { kecamatan: { _eq: query.kecamatan } } : undefined,
  );
}

export function needListSort(query: NeedListQuery): string[] {
  const sign = query.dir === 'desc' ? '-' : '';
  return [`${sign}${query.sort}`, `${sign}id`];
}

export const NEED_LIST_FIELDS = [
  'id',
  'household.id',
  'household.head_name',
  'desa',
  'category',
  'indicator.label',
  'sub_kegiatan.code',
  'sub_kegiatan.name',
  'perangkat_daerah',
  'quantity',
  'status',
];

export interface NeedListRow {
  id: number;
  household: number | null;
  head_name: string;
  desa: string | null;
  desa_name: string;
  category: string;
  indicator: string;
  sub_kegiatan: string;
  perangkat_daerah: string;
  quantity: number | null;
  status: string;
}

export function toNeedListRows(
  rows: readonly Row[],
  desaNames: ReadonlyMap<string, string>,
  agencyNames: ReadonlyMap<string, string>,
): NeedListRow[] {
  return rows.flatMap((row) => {
    const id = readNumber(row['id']);
    if (id === null) return [];
    const household =
      typeof row['household'] === 'object' && row['household'] !== null ? (row['household'] as Row) : null;
    const subKegiatan =
      typeof row['sub_kegiatan'] === 'object' && row['sub_kegiatan'] !== null
        ? (row['sub_kegiatan'] as Row)
        : null;
    const indicator =
      typeof row['indicator'] === 'object' && row['indicator'] !== null ? (row['indicator'] as Row) : null;
    const desa = readKey(row['desa']);
    const agency = readKey(row['perangkat_daerah']);
    const code = readText(subKegiatan?.['code']);
    const name = readText(subKegiatan?.['name']);
    return [
      {
        id,
        household: readNumber(household?.['id'] ?? row['household']),
        head_name: readText(household?.['head_name']) ?? '-',
        desa,
        desa_name: desa === null ? '-' : (desaNames.get(desa) ?? desa),
        category: categoryLabel(readText(row['category'])),
        indicator: readText(indicator?.['label']) ?? '-',
        sub_kegiatan: code === null ? (name ?? '-') : `${code} ${name ?? ''}`.trim(),
        perangkat_daerah: agency === null ? '-' : (agencyNames.get(agency) ?? agency),
        quantity: readNumber(row['quantity']),
        status: NEED_STATUS_LABELS[String(row['status'])] ?? String(row['status'] ?? '-'),
      },
    ];
  });
}
