import { describe, it, expect } from 'vitest';
import { planBaselineUpsert } from './plan-baseline-upsert.ts';
import type {
  BaselineFileKeys,
  BaselineUpsertInput,
  ExistingBaselineHousehold,
  NikOwner,
} from './plan-baseline-upsert.ts';
import type { BaselineRow, BaselineSource } from './types.ts';

const ROW: BaselineRow = {
  row: 2,
  list_id: 'P3KE-1',
  no_kk: '6311071203150001',
  head_nik: '6311071708850001',
  head_name: 'Ahmad Yani',
  address: 'Jl. Mawar 1',
  desa: '63.11.07.2002',
  kecamatan: '63.11.07',
  decile: 1,
  member_count: 4,
  head_sex: 'L',
};

const STORED: ExistingBaselineHousehold = {
  id: 10,
  no_kk: ROW.no_kk,
  head_nik: ROW.head_nik,
  head_name: ROW.head_name,
  address: ROW.address,
  desa: ROW.desa,
  kecamatan: ROW.kecamatan,
  member_count: 4,
  source: 'p3ke',
  p3ke_id: 'P3KE-1',
  dtsen_id: null,
  p3ke_decile: 1,
  dtsen_decile: null,
  baseline_disposition: null,
  visited: false,
  head_member: { id: 100, nik: ROW.head_nik, name: ROW.head_name },
};
const OWN_HEAD: NikOwner = { household: 10, no_kk: ROW.no_kk, member: { id: 100, name: ROW.head_name } };

type Case = {
  rows?: Partial<BaselineRow>[];
  source?: BaselineSource;
  existing?: Partial<ExistingBaselineHousehold> | null;
  owners?: NikOwner[];
  listIdOwner?: { household: number; no_kk: string | null };
  fileKeys?: Partial<BaselineFileKeys>;
};
type Expected = {
  inserts?: number[];
  updates?: [row: number, changes: Record<string, unknown>, member: unknown][];
  unchanged?: number[];
  rejected?: [row: number, field: string | null, code: string][];
};

function run(c: Case) {
  const rows = (c.rows ?? [{}]).map((r) => ({ ...ROW, ...r }));
  const existing = c.existing === undefined || c.existing === null ? null : { ...STORED, ...c.existing };
  const input: BaselineUpsertInput = {
    rows,
    source: c.source ?? 'p3ke',
    existing: new Map(existing === null ? [] : [[existing.no_kk, existing]]),
    nikOwners: new Map(c.owners === undefined ? [] : [[ROW.head_nik, c.owners]]),
    listIdOwners: new Map(c.listIdOwner === undefined ? [] : [['P3KE-1', c.listIdOwner]]),
    fileKeys: { no_kk: new Map(), nik: new Map(), list_id: new Map(), ...c.fileKeys },
  };
  return planBaselineUpsert(input);
}

describe('planBaselineUpsert', () => {
  it.each<[name: string, c: Case, expected: Expected]>([
    ['a new household is inserted with its head member', {}, { inserts: [2] }],
    ['the same values again change nothing', { existing: {}, owners: [OWN_HEAD] }, { unchanged: [2] }],
    [
      'a changed name updates household and head member',
      { rows: [{ head_name: 'Ahmad Yani Saputra' }], existing: {}, owners: [OWN_HEAD] },
      {
        updates: [
          [
            2,
            { head_name: 'Ahmad Yani Saputra' },
            { kind: 'update', id: 100, changes: { name: 'Ahmad Yani Saputra' } },
          ],
        ],
      },
    ],
    [
      'a moved desa updates desa and kecamatan',
      { rows: [{ desa: '63.11.01.2001', kecamatan: '63.11.01' }], existing: {}, owners: [OWN_HEAD] },
      { updates: [[2, { desa: '63.11.01.2001', kecamatan: '63.11.01' }, null]] },
    ],
    [
      'a new head replaces the stored kepala member',
      { rows: [{ head_nik: '6311075708850002', head_name: 'Siti' }], existing: {} },
      {
        updates: [
          [
            2,
            { head_nik: '6311075708850002', head_name: 'Siti' },
            { kind: 'update', id: 100, changes: { nik: '6311075708850002', name: 'Siti' } },
          ],
        ],
      },
    ],
    [
      'a stored household without a head member gets one',
      { existing: { head_member: null } },
      {
        updates: [
          [
            2,
            {},
            {
              kind: 'insert',
              values: { nik: ROW.head_nik, name: ROW.head_name, relation: 'kepala', sex: 'L' },
            },
          ],
        ],
      },
    ],
    [
      'a visited household keeps its field data; only list columns change',
      {
        rows: [
          { head_name: 'Nama Lama', member_count: 7, desil: undefined, decile: 3 } as Partial<BaselineRow>,
        ],
        existing: { visited: true, baseline_disposition: 'found' },
        owners: [OWN_HEAD],
      },
      { updates: [[2, { p3ke_decile: 3 }, null]] },
    ],
    [
      'a visited household with the same list values is unchanged',
      {
        rows: [{ head_name: 'Nama Lama', member_count: 7 }],
        existing: { visited: true },
        owners: [OWN_HEAD],
      },
      { unchanged: [2] },
    ],
    [
      'a household found new in the field turns out to be on the list',
      {
        existing: {
          source: 'new',
          baseline_disposition: 'new',
          p3ke_id: null,
          p3ke_decile: null,
          visited: true,
        },
        owners: [OWN_HEAD],
      },
      {
        updates: [
          [2, { p3ke_id: 'P3KE-1', p3ke_decile: 1, source: 'p3ke', baseline_disposition: 'found' }, null],
        ],
      },
    ],
    [
      'DTSEN import of a P3KE household fills the DTSEN columns and keeps the source',
      { source: 'dtsen', rows: [{ list_id: 'DT-9', decile: 2 }], existing: {}, owners: [OWN_HEAD] },
      { updates: [[2, { dtsen_id: 'DT-9', dtsen_decile: 2 }, null]] },
    ],
    [
      'an empty id or desil never erases the stored one',
      { rows: [{ list_id: null, decile: null }], existing: {}, owners: [OWN_HEAD] },
      { unchanged: [2] },
    ],
    [
      'duplicate No. KK inside the file: the later row is rejected',
      { rows: [{}, { row: 3, head_nik: '6311075708850002', list_id: 'P3KE-2' }] },
      { inserts: [2], rejected: [[3, 'no_kk', 'duplicate_in_file']] },
    ],
    [
      'duplicate head NIK inside the file',
      { rows: [{}, { row: 3, no_kk: '6311070101160002', list_id: 'P3KE-2' }] },
      { inserts: [2], rejected: [[3, 'nik_kepala', 'duplicate_in_file']] },
    ],
    [
      'duplicate id_keluarga inside the file',
      { rows: [{}, { row: 3, no_kk: '6311070101160002', head_nik: '6311075708850002' }] },
      { inserts: [2], rejected: [[3, 'id_keluarga', 'duplicate_in_file']] },
    ],
    [
      'a duplicate of a row from an earlier chunk',
      { fileKeys: { no_kk: new Map([[ROW.no_kk, 9]]) } },
      { rejected: [[2, 'no_kk', 'duplicate_in_file']] },
    ],
    [
      'head NIK belongs to a member of another stored household',
      { owners: [{ household: 77, no_kk: '6311070101160009', member: { id: 5, name: 'Budi' } }] },
      { rejected: [[2, 'nik_kepala', 'duplicate_in_database']] },
    ],
    [
      'head NIK is the head of another stored household (different No. KK)',
      { owners: [{ household: 77, no_kk: '6311070101160009', member: null }] },
      { rejected: [[2, 'nik_kepala', 'duplicate_in_database']] },
    ],
    [
      'id_keluarga belongs to another stored household',
      { listIdOwner: { household: 77, no_kk: '6311070101160009' } },
      { rejected: [[2, 'id_keluarga', 'duplicate_in_database']] },
    ],
  ])('%s', (_name, c, expected) => {
    const plan = run(c);
    expect(plan.inserts.map((i) => i.row)).toEqual(expected.inserts ?? []);
    expect(plan.updates.map((u) => [u.row, u.changes, u.member])).toEqual(expected.updates ?? []);
    expect(plan.unchanged).toEqual(expected.unchanged ?? []);
    expect(plan.rejected.map((r) => [r.row, r.field, r.code])).toEqual(expected.rejected ?? []);
    for (const r of plan.rejected)
      expect(r.message).toMatch(new RegExp(`^Baris ${r.row}, kolom ${r.field ?? ''}`));
  });

  it('writes the baseline columns of the chosen list only', () => {
    const p3ke = run({}).inserts[0]?.values;
    expect(p3ke).toEqual({
      no_kk: ROW.no_kk,
      head_nik: ROW.head_nik,
      head_name: 'Ahmad Yani',
      address: 'Jl. Mawar 1',
      desa: '63.11.07.2002',
      kecamatan: '63.11.07',
      member_count: 4,
      source: 'p3ke',
      p3ke_id: 'P3KE-1',
      p3ke_decile: 1,
    });
    const dtsen = run({ source: 'dtsen' }).inserts[0];
    expect(dtsen?.values).toMatchObject({ source: 'dtsen', dtsen_id: 'P3KE-1', dtsen_decile: 1 });
    expect(dtsen?.values).not.toHaveProperty('p3ke_id');
    expect(dtsen?.head).toEqual({ nik: ROW.head_nik, name: 'Ahmad Yani', relation: 'kepala', sex: 'L' });
  });

  it('remembers the keys of accepted rows for the next chunk', () => {
    const fileKeys: BaselineFileKeys = { no_kk: new Map(), nik: new Map(), list_id: new Map() };
    planBaselineUpsert({
      rows: [ROW],
      source: 'p3ke',
      existing: new Map(),
      nikOwners: new Map(),
      listIdOwners: new Map(),
      fileKeys,
    });
    expect([...fileKeys.no_kk]).toEqual([[ROW.no_kk, 2]]);
    expect([...fileKeys.nik]).toEqual([[ROW.head_nik, 2]]);
    expect([...fileKeys.list_id]).toEqual([['P3KE-1', 2]]);
  });
});
