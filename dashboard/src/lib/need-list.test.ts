import { describe, expect, it } from 'vitest';
import {
  needListFilter,
  needListSearch,
  needListSort,
  parseNeedListQuery,
  toNeedListRows,
} from './need-list.ts';

const parse = (search: string) => parseNeedListQuery(new URLSearchParams(search));

describe('needs list state', () => {
  it('defaults to active needs by category', () => {
    const query = parse('');
    expect(query).toMatchObject({ status: 'aktif', page: 1, sort: 'category', dir: 'asc' });
    expect(needListFilter(query)).toEqual({ status: { _in: ['open', 'planned'] } });
    expect(needListSearch(query)).toBe('');
  });

  it.each([
    ['status=semua', undefined],
    ['status=open', { status: { _eq: 'open' } }],
    ['status=bogus', { status: { _in: ['open', 'planned'] } }],
    [
      'status=semua&kategori=perumahan&perangkat=-',
      { _and: [{ category: { _eq: 'perumahan' } }, { perangkat_daerah: { _null: true } }] },
    ],
    ['status=semua&desa=63.11.07.2002', { desa: { _eq: '63.11.07.2002' } }],
  ])('%s filters %j', (search, expected) => {
    expect(needListFilter(parse(search))).toEqual(expected);
  });

  it('round-trips the URL and sorts with id as tie-breaker', () => {
    const query = parse('status=planned&perangkat=disperkim&urut=quantity&arah=turun&halaman=2');
    expect(parse(needListSearch(query).slice(1))).toEqual(query);
    expect(needListSort(query)).toEqual(['-quantity', '-id']);
  });
});

describe('toNeedListRows', () => {
  it('shapes needs with household, names and labels', () => {
    const rows = toNeedListRows(
      [
        {
          id: 7,
          household: { id: 10, head_name: 'Siti Aminah' },
          desa: '63.11.07.2002',
          category: 'air_minum',
          indicator: { label: 'Sumber air minum tidak layak' },
          sub_kegiatan: { code: '1.03.03.2.01.0026', name: 'Penyediaan air minum' },
          perangkat_daerah: 'dpupr',
          quantity: 1,
          status: 'open',
        },
        { household: 3 },
      ],
      new Map([['63.11.07.2002', 'Baruh Bahinu Luar']]),
      new Map([['dpupr', 'DPUPR']]),
    );
    expect(rows).toEqual([
      {
        id: 7,
        household: 10,
        head_name: 'Siti Aminah',
        desa: '63.11.07.2002',
        desa_name: 'Baruh Bahinu Luar',
        category: 'Air minum',
        indicator: 'Sumber air minum tidak layak',
        sub_kegiatan: '1.03.03.2.01.0026 Penyediaan air minum',
        perangkat_daerah: 'DPUPR',
        quantity: 1,
        status: 'Terbuka',
      },
    ]);
  });
});
