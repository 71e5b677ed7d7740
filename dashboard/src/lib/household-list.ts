import { pickCountedSurvey } from '@siap-pd/core/pick-counted-survey';
import type { SurveyStatus } from '@siap-pd/core/types';
import { readKey, readNumber, readText } from './aggregate.ts';
import type { Row } from './aggregate.ts';
import { BUCKET_LABELS, toSummaryBucket } from './classification.ts';
import type { SummaryBucket } from './classification.ts';
import { andFilters, areaFilter, classificationFilter, isSurveyState, surveyStateFilter } from './filters.ts';
import type { Filter, SurveyState } from './filters.ts';

export const PAGE_SIZE = 25;

export const HOUSEHOLD_SORT_KEYS = [
  'head_name',
  'address',
  'desa',
  'classification',
  'member_count',
  'income_per_capita',
  'need_count',
] as const;
export type HouseholdSortKey = (typeof HOUSEHOLD_SORT_KEYS)[number];

export const CLASSIFICATION_OPTIONS = [
  { value: 'ekstrem', label: BUCKET_LABELS.ekstrem },
  { value: 'miskin', label: BUCKET_LABELS.miskin },
  { value: 'tidak_miskin', label: BUCKET_LABELS.tidak_miskin },
  { value: 'unclassified', label: BUCKET_LABELS.unclassified },
  { value: 'belum', label: BUCKET_LABELS.belum },
] as const;

export const SURVEY_STATUS_LABELS: Record<SurveyStatus, string> = {
  draft: 'Draf',
  submitted: 'Diajukan',
  verified: 'Terverifikasi',
  returned: 'Dikembalikan',
};

/** The household list's state, read from the URL (so every view is a link that can be shared and reloaded). */
export interface HouseholdListQuery {
  q: string;
  kecamatan: string | null;
  desa: string | null;
  klasifikasi: string | null;
  survei: SurveyState | null;
  page: number;
  sort: HouseholdSortKey;
  dir: 'asc' | 'desc';
}

const MAX_QUERY_LENGTH = 100;

function param(params: URLSearchParams, name: string): string | null {
  const value = params.get(name)?.trim() ?? '';
  return value === '' ? null : value.slice(0, MAX_QUERY_LENGTH);
}

/** Reads the list state from query parameters; anything unknown falls back to the default. */
export function parseHouseholdListQuery(params: URLSearchParams): HouseholdListQuery {
  const klasifikasi = param(params, 'klasifikasi');
  const survei = param(params, 'survei');
  const sort = param(params, 'urut');
  const page = Number(param(params, 'halaman') ?? '1');
  return {
    q: param(params, 'q') ?? '',
    kecamatan: param(params, 'kecamatan'),
    desa: param(params, 'desa'),
    klasifikasi: CLASSIFICATION_OPTIONS.some((option) => option.value === klasifikasi) ? klasifikasi : null,
    survei: survei !== null && isSurveyState(survei) ? survei : null,
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
    sort: (HOUSEHOLD_SORT_KEYS as readonly string[]).includes(sort ?? '')
      ? (sort as HouseholdSortKey)
      : 'head_name',
    dir: param(params, 'arah') === 'turun' ? 'desc' : 'asc',
  };
}

/** The query string of a list state with some changes ("?q=ani&halaman=2"); defaults are left out. */
export function householdListSearch(
  query: HouseholdListQuery,
  changes: Partial<HouseholdListQuery> = {},
): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.q !== '') params.set('q', next.q);
  if (next.kecamatan !== null) params.set('kecamatan', next.kecamatan);
  if (next.desa !== null) params.set('desa', next.desa);
  if (next.klasifikasi !== null) params.set('klasifikasi', next.klasifikasi);
  if (next.survei !== null) params.set('survei', next.survei);
  if (next.sort !== 'head_name') params.set('urut', next.sort);
  if (next.dir === 'desc') params.set('arah', 'turun');
  if (next.page > 1) params.set('halaman', String(next.page));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export interface HouseholdFilterOptions {
  /** The active survey round (survey filters look at it only); null = any round. */
  round: number | null;
  /** Whether the user may read no_kk (then a number searches it too). */
  personal: boolean;
  /** Whether the user may read surveys (the survey filter is ignored otherwise). */
  surveysReadable: boolean;
}

/** Escapes nothing: Directus binds filter values as parameters; only the length is limited by the parser. */
export function searchFilter(q: string, personal: boolean): Filter | undefined {
  const text = q.trim();
  if (text === '') return undefined;
  const digits = text.replace(/\s+/g, '');
  const byNumber = personal && /^\d{4,16}$/.test(digits) ? [{ no_kk: { _starts_with: digits } }] : [];
  return { _or: [{ head_name: { _icontains: text } }, { address: { _icontains: text } }, ...byNumber] };
}

/** The Directus filter of a list state. */
export function householdListFilter(
  query: HouseholdListQuery,
  options: HouseholdFilterOptions,
): Filter | undefined {
  return andFilters(
    areaFilter({ kecamatan: query.kecamatan, desa: query.desa }),
    query.kecamatan !== null && query.desa !== null ? { kecamatan: { _eq: query.kecamatan } } : undefined,
    query.klasifikasi === null ? undefined : classificationFilter(query.klasifikasi),
    query.survei === null || !options.surveysReadable
      ? undefined
      : surveyStateFilter(query.survei, options.round),
    searchFilter(query.q, options.personal),
  );
}

/** Directus sort of a list state, with id as the tie-breaker so pages never overlap. */
export function householdListSort(query: HouseholdListQuery): string[] {
  const sign = query.dir === 'desc' ? '-' : '';
  return [`${sign}${query.sort}`, `${sign}id`];
}

export interface HouseholdListRow {
  id: number;
  head_name: string;
  no_kk: string | null;
  address: string | null;
  rt_rw: string | null;
  desa: string | null;
  desa_name: string;
  bucket: SummaryBucket;
  classification_label: string;
  member_count: number | null;
  income_per_capita: number | null;
  need_count: number | null;
  /** Status of the household's counted survey (else its latest survey); null without surveys or when unreadable. */
  survey_status: SurveyStatus | null;
  survey_label: string;
}

export interface SurveyOfHousehold {
  id: number;
  household: number;
  round: number;
  status: SurveyStatus;
  surveyed_at: string | null;
}

const SURVEY_STATUSES = new Set<string>(['draft', 'submitted', 'verified', 'returned']);

/** Reads survey rows (id, household, round, status, surveyed_at), skipping malformed ones. */
export function toSurveysOfHouseholds(rows: readonly Row[]): SurveyOfHousehold[] {
  return rows.flatMap((row) => {
    const id = readNumber(row['id']);
    const household = readNumber(readKey(row['household']));
    const round = readNumber(row['round']);
    const status = row['status'];
    if (
      id === null ||
      household === null ||
      round === null ||
      typeof status !== 'string' ||
      !SURVEY_STATUSES.has(status)
    ) {
      return [];
    }
    return [
      { id, household, round, status: status as SurveyStatus, surveyed_at: readText(row['surveyed_at']) },
    ];
  });
}

/** The status shown for a household: that of its counted survey, else of its latest survey (by round, date, id). */
export function surveyStatusOf(surveys: readonly SurveyOfHousehold[]): SurveyStatus | null {
  const counted = pickCountedSurvey(surveys);
  if (counted !== null) return counted.status;
  let latest: SurveyOfHousehold | null = null;
  for (const survey of surveys) {
    if (
      latest === null ||
      survey.round > latest.round ||
      (survey.round === latest.round &&
        ((survey.surveyed_at ?? '') > (latest.surveyed_at ?? '') ||
          ((survey.surveyed_at ?? '') === (latest.surveyed_at ?? '') && survey.id > latest.id)))
    ) {
      latest = survey;
    }
  }
  return latest?.status ?? null;
}

/** Shapes household rows for the list, with desa names and survey status (null surveys = unreadable). */
export function toHouseholdListRows(
  rows: readonly Row[],
  desaNames: ReadonlyMap<string, string>,
  surveys: readonly SurveyOfHousehold[] | null,
): HouseholdListRow[] {
  const byHousehold = new Map<number, SurveyOfHousehold[]>();
  for (const survey of surveys ?? []) {
    const list = byHousehold.get(survey.household) ?? [];
    list.push(survey);
    byHousehold.set(survey.household, list);
  }
  return rows.flatMap((row) => {
    const id = readNumber(row['id']);
    if (id === null) return [];
    const desa = readKey(row['desa']);
    const bucket = toSummaryBucket(row['classification']);
    const status = surveys === null ? null : surveyStatusOf(byHousehold.get(id) ?? []);
    return [
      {
        id,
        head_name: readText(row['head_name']) ?? '(tanpa nama)',
        no_kk: readText(row['no_kk']),
        address: readText(row['address']),
        rt_rw: readText(row['rt_rw']),
        desa,
        desa_name: desa === null ? '-' : (desaNames.get(desa) ?? desa),
        bucket,
        classification_label: BUCKET_LABELS[bucket],
        member_count: readNumber(row['member_count']),
        income_per_capita: readNumber(row['income_per_capita']),
        need_count: readNumber(row['need_count']),
        survey_status: status,
        survey_label:
          surveys === null
            ? 'Tidak tersedia'
            : status === null
              ? 'Belum ada survei'
              : SURVEY_STATUS_LABELS[status],
      },
    ];
  });
}

/** Number of pages for a count (at least 1). */
export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
