import { describe, expect, it } from 'vitest';
import {
  householdListFilter,
  householdListSearch,
  householdListSort,
  pageCount,
  parseHouseholdListQuery,
  searchFilter,
  surveyStatusOf,
  toHouseholdListRows,
  toSurveysOfHouseholds,
} from './household-list.ts';

const parse = (search: string) => parseHouseholdListQuery(new URLSearchParams(search));

describe('parseHouseholdListQuery', () => {
  it('reads the defaults from an empty URL', () => {
    expect(parse('')).toEqual({
      q: '',
      kecamatan: null,
      desa: null,
      klasifikasi: null,
      survei: null,
      page: 1,
      sort: 'head_name',
      dir: 'asc',
    });
  });

  it.each([
    ['q=%20Siti%20', 'q', 'Siti'],
    ['desa=63.11.07.2002', 'desa', '63.11.07.2002'],
    ['klasifikasi=ekstrem', 'klasifikasi', 'ekstrem'],
    ['klasifikasi=kaya', 'klasifikasi', null],
    ['survei=belum', 'survei', 'belum'],
    ['survei=lain', 'survei', null],
    ['halaman=3', 'page', 3],
    ['halaman=-1', 'page', 1],
    ['halaman=abc', 'page', 1],
    ['urut=member_count', 'sort', 'member_count'],
    ['urut=no_kk', 'sort', 'head_name'],
    ['arah=turun', 'dir', 'desc'],
  ] as const)('%s -> %s = %j', (search, key, value) => {
    expect(parse(search)[key]).toEqual(value);
  });

  it('cuts a very long search to 100 characters', () => {
    expect(parse(`q=${'a'.repeat(500)}`).q).toHaveLength(100);
  });
});

describe('householdListSearch', () => {
  it('round-trips a state and leaves defaults out', () => {
    const query = parse('q=ani&desa=63.11.07.2002&survei=verified&urut=desa&arah=turun&halaman=2');
    const search = householdListSearch(query);
    expect(search).toBe('?q=ani&desa=63.11.07.2002&survei=verified&urut=desa&arah=turun&halaman=2');
    expect(parse(search.slice(1))).toEqual(query);
    expect(householdListSearch(parse(''))).toBe('');
    expect(householdListSearch(query, { page: 1, q: '' })).toBe(
      '?desa=63.11.07.2002&survei=verified&urut=desa&arah=turun',
    );
  });
});

describe('searchFilter', () => {
  it.each([
    ['', true, undefined],
    ['siti', false, { _or: [{ head_name: { _icontains: 'siti' } }, { address: { _icontains: 'siti' } }] }],
    [
      '6311 07',
      true,
      {
        _or: [
          { head_name: { _icontains: '6311 07' } },
          { address: { _icontains: '6311 07' } },
          { no_kk: { _starts_with: '631107' } },
        ],
      },
    ],
    [
      '631107',
      false,
      { _or: [{ head_name: { _icontains: '631107' } }, { address: { _icontains: '631107' } }] },
    ],
  ])('"%s" (No. KK readable: %s)', (q, personal, expected) => {
    expect(searchFilter(q, personal)).toEqual(expected);
  });
});

describe('householdListFilter and householdListSort', () => {
  it('combines area, class, survey state and search', () => {
    const query = parse('kecamatan=63.11.07&desa=63.11.07.2002&klasifikasi=belum&survei=submitted&q=ani');
    expect(householdListFilter(query, { round: 2025, personal: true, surveysReadable: true })).toEqual({
      _and: [
        { desa: { _eq: '63.11.07.2002' } },
        { kecamatan: { _eq: '63.11.07' } },
        { classification: { _null: true } },
        { surveys: { _and: [{ status: { _eq: 'submitted' } }, { round: { _eq: 2025 } }] } },
        { _or: [{ head_name: { _icontains: 'ani' } }, { address: { _icontains: 'ani' } }] },
      ],
    });
  });

  it('ignores the survey state for a role that cannot read surveys', () => {
    expect(
      householdListFilter(parse('survei=belum'), { round: null, personal: false, surveysReadable: false }),
    ).toBeUndefined();
  });

  it('sorts with id as tie-breaker', () => {
    expect(householdListSort(parse(''))).toEqual(['head_name', 'id']);
    expect(householdListSort(parse('urut=income_per_capita&arah=turun'))).toEqual([
      '-income_per_capita',
      '-id',
    ]);
  });
});

describe('surveyStatusOf', () => {
  const survey = (
    id: number,
    round: number,
    status: 'draft' | 'submitted' | 'verified' | 'returned',
    date: string | null,
  ) => ({
    id,
    household: 1,
    round,
    status,
    surveyed_at: date,
  });

  it.each([
    ['no survey', [], null],
    [
      'the counted survey',
      [survey(1, 2025, 'verified', '2025-08-01'), survey(2, 2025, 'draft', '2025-09-01')],
      'verified',
    ],
    [
      'the latest round counted',
      [survey(1, 2024, 'verified', null), survey(2, 2025, 'submitted', null)],
      'submitted',
    ],
    [
      'else the latest survey',
      [survey(1, 2025, 'returned', '2025-08-01'), survey(2, 2025, 'draft', '2025-09-01')],
      'draft',
    ],
    [
      'the latest round of uncounted ones',
      [survey(5, 2024, 'draft', '2025-01-01'), survey(2, 2025, 'returned', null)],
      'returned',
    ],
  ] as const)('gives %s', (_name, surveys, expected) => {
    expect(surveyStatusOf(surveys)).toBe(expected);
  });
});

describe('toHouseholdListRows', () => {
  const surveys = toSurveysOfHouseholds([
    { id: 1, household: 10, round: 2025, status: 'verified', surveyed_at: '2025-08-01' },
    { id: 2, household: { id: 11 }, round: '2025', status: 'submitted', surveyed_at: null },
    { id: 3, household: 12, round: 2025, status: 'weird' },
  ]);

  it('reads surveys, skipping malformed ones', () => {
    expect(surveys.map((entry) => [entry.household, entry.status])).toEqual([
      [10, 'verified'],
      [11, 'submitted'],
    ]);
  });

  it('shapes rows with desa names, class labels and survey status', () => {
    const rows = toHouseholdListRows(
      [
        {
          id: 10,
          head_name: 'Siti Aminah',
          no_kk: '6311071012243389',
          address: 'Jl. Pahlawan',
          rt_rw: '001/002',
          desa: '63.11.07.2002',
          classification: 'ekstrem',
          member_count: 4,
          income_per_capita: '350000',
          need_count: 3,
        },
        { id: 12, head_name: '', desa: null, classification: null },
        { head_name: 'no id' },
      ],
      new Map([['63.11.07.2002', 'Baruh Bahinu Luar']]),
      surveys,
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      id: 10,
      head_name: 'Siti Aminah',
      no_kk: '6311071012243389',
      desa_name: 'Baruh Bahinu Luar',
      bucket: 'ekstrem',
      classification_label: 'Miskin ekstrem',
      income_per_capita: 350000,
      survey_status: 'verified',
      survey_label: 'Terverifikasi',
    });
    expect(rows[1]).toMatchObject({
      head_name: '(tanpa nama)',
      desa_name: '-',
      bucket: 'belum',
      survey_label: 'Belum ada survei',
    });
  });

  it('says survey status is not available when surveys are unreadable', () => {
    const rows = toHouseholdListRows([{ id: 1, head_name: 'A' }], new Map(), null);
    expect(rows[0]?.survey_label).toBe('Tidak tersedia');
  });
});

describe('pageCount', () => {
  it.each([
    [0, 1],
    [25, 1],
    [26, 2],
    [100_000, 4000],
  ])('%i households -> %i pages', (total, pages) => {
    expect(pageCount(total)).toBe(pages);
  });
});
