import { describe, it, expect } from 'vitest';
import { allocateBudget } from './allocate-budget.ts';
import { readUnfundedTable } from './read-unfunded-table.ts';
import type {
  AllocationHousehold,
  AllocationInput,
  AllocationNeed,
  AllocationOverrides,
  AllocationResult,
  AllocationScope,
  ExistingIntervention,
} from './allocation-types.ts';

// Worked example, computed by hand (fiscal year 2026).
//
// Sub-kegiatan               agency     unit    unit cost
//   RTLH      1.04.03.2.03.0002 disperkim unit    20.000.000
//   JAMBAN    1.04.03.2.03.0005 disperkim unit    10.000.000
//   PBI       1.02.02.2.01.0001 dinsos    jiwa       504.000   (Rp 42.000 x 12 months)
//   ATENSI    1.06.04.2.01.0002 dinsos    orang    2.400.000
//   BEASISWA  1.01.02.2.01.0003 disdik    siswa         -      (no unit cost: "biaya satuan belum diisi")
//   LAMA      1.04.03.2.03.0099 disperkim unit    15.000.000   (inactive)
// Ceilings: disperkim 45.000.000 (binding); dinsos none.
// Reserved: H9's JAMBAN intervention is already `budgeted` (10.000.000): disperkim has 35.000.000 left.
//
// Households (per capita Rp/month), open fundable needs:
//   H1 ekstrem 300.000: RTLH (floor) + RTLH (wall) + PBI x3 + PBI x2 (arrears) -> 4 fundable needs
//                       (+ BEASISWA x2: no unit cost, not counted)
//   H2 ekstrem 250.000: RTLH + PBI x2 -> 2 (+ BEASISWA x1, + LAMA inactive)
//   H3 miskin  450.000: RTLH + JAMBAN -> 2
//   H4 miskin  420.000: JAMBAN -> 1
//   H5 tidak_miskin 900.000: ATENSI (rule for everyone) -> 1; RTLH rule is only for ekstrem/miskin
//   H6 unclassified: RTLH -> never funded
//   H7 ekstrem, survey not verified: RTLH -> not a candidate
//   H9 miskin: JAMBAN already budgeted -> its new JAMBAN need is already served
// Priority: H1 (ekstrem, 4 needs) before H2 (ekstrem, 2 needs, lower per capita), then H3, H4, H5.
// disperkim (35.000.000 left):
//   H1 RTLH 20.000.000 funded (15.000.000 left)      — both RTLH needs, one intervention, quantity 1
//   H2 RTLH 20.000.000 does not fit -> unfunded
//   H3 RTLH 20.000.000 does not fit -> unfunded
//   H3 JAMBAN 10.000.000 fits -> funded (5.000.000 left)
//   H4 JAMBAN 10.000.000 does not fit -> unfunded
// dinsos (no ceiling): H1 PBI quantity max(3, 2) = 3 -> 1.512.000; H2 PBI x2 -> 1.008.000; H5 ATENSI 2.400.000
// Totals: funded 30.000.000 + 4.920.000 = 34.920.000; unfunded 50.000.000; households funded H1 H2 H3 H5 = 4.

const RTLH = '1.04.03.2.03.0002';
const JAMBAN = '1.04.03.2.03.0005';
const PBI = '1.02.02.2.01.0001';
const ATENSI = '1.06.04.2.01.0002';
const BEASISWA = '1.01.02.2.01.0003';
const LAMA = '1.04.03.2.03.0099';

const household = (
  id: number,
  classification: AllocationHousehold['classification'],
  perCapita: number | null,
  o: Partial<AllocationHousehold> = {},
): AllocationHousehold => ({
  id,
  desa: '63.11.07.2002',
  kecamatan: '63.11.07',
  verified: true,
  classification,
  per_capita: perCapita,
  poverty_line_used: 544_169,
  extreme_line_used: 391_000,
  ...o,
});

const need = (
  id: number,
  householdId: number,
  indicator: string,
  subKegiatan: string | null,
  quantity = 1,
  status: AllocationNeed['status'] = 'open',
): AllocationNeed => ({ id, household: householdId, indicator, sub_kegiatan: subKegiatan, quantity, status });

const intervention = (
  o: Partial<ExistingIntervention> & { id: number; household: number },
): ExistingIntervention => ({
  sub_kegiatan: JAMBAN,
  perangkat_daerah: 'disperkim',
  desa: '63.11.07.2002',
  kecamatan: '63.11.07',
  fiscal_year: 2026,
  status: 'planned',
  planned_cost: 10_000_000,
  finalised: false,
  ...o,
});

/** The example's needs stay a list of objects (allocateBudget also takes them as a table). */
type Example = AllocationInput & { needs: readonly AllocationNeed[] };

function example(o: Partial<Example> = {}): Example {
  return {
    fiscal_year: 2026,
    households: [
      household(1, 'ekstrem', 300_000),
      household(2, 'ekstrem', 250_000),
      household(3, 'miskin', 450_000),
      household(4, 'miskin', 420_000),
      household(5, 'tidak_miskin', 900_000),
      household(6, 'unclassified', null),
      household(7, 'ekstrem', 200_000, { verified: false }),
      household(9, 'miskin', 500_000),
    ],
    needs: [
      need(101, 1, 'floor_type_unfit', RTLH),
      need(102, 1, 'wall_type_unfit', RTLH),
      need(103, 1, 'members_without_jkn', PBI, 3),
      need(104, 1, 'jkn_arrears', PBI, 2),
      need(105, 1, 'children_out_of_school', BEASISWA, 2),
      need(201, 2, 'floor_type_unfit', RTLH),
      need(202, 2, 'members_without_jkn', PBI, 2),
      need(203, 2, 'children_out_of_school', BEASISWA, 1),
      need(204, 2, 'old_rule', LAMA),
      need(301, 3, 'floor_type_unfit', RTLH),
      need(302, 3, 'toilet_not_own', JAMBAN),
      need(401, 4, 'toilet_not_own', JAMBAN),
      need(501, 5, 'elderly_alone', ATENSI),
      need(502, 5, 'roof_type_unfit', RTLH),
      need(601, 6, 'floor_type_unfit', RTLH),
      need(701, 7, 'floor_type_unfit', RTLH),
      need(901, 9, 'toilet_shared', JAMBAN),
      need(902, 9, 'unlinked_rule', null),
    ],
    rules: [
      { key: 'floor_type_unfit', applies_to: ['ekstrem', 'miskin'] },
      { key: 'wall_type_unfit', applies_to: ['ekstrem', 'miskin'] },
      { key: 'roof_type_unfit', applies_to: ['ekstrem', 'miskin'] },
      { key: 'members_without_jkn', applies_to: ['ekstrem', 'miskin'] },
      { key: 'jkn_arrears', applies_to: ['ekstrem', 'miskin'] },
      { key: 'children_out_of_school', applies_to: ['ekstrem', 'miskin'] },
      { key: 'toilet_not_own', applies_to: ['ekstrem', 'miskin'] },
      { key: 'toilet_shared', applies_to: ['ekstrem', 'miskin'] },
      { key: 'elderly_alone', applies_to: [] },
      { key: 'old_rule', applies_to: null },
      { key: 'unlinked_rule', applies_to: null },
    ],
    sub_kegiatan: [
      {
        code: RTLH,
        name: 'Perbaikan RTLH',
        perangkat_daerah: 'disperkim',
        unit: 'unit',
        unit_cost: 20_000_000,
        active: true,
      },
      {
        code: JAMBAN,
        name: 'Jamban',
        perangkat_daerah: 'disperkim',
        unit: 'unit',
        unit_cost: 10_000_000,
        active: true,
      },
      {
        code: PBI,
        name: 'PBI JKN',
        perangkat_daerah: 'dinsos',
        unit: 'jiwa',
        unit_cost: 504_000,
        active: true,
      },
      {
        code: ATENSI,
        name: 'ATENSI',
        perangkat_daerah: 'dinsos',
        unit: 'orang',
        unit_cost: 2_400_000,
        active: true,
      },
      {
        code: BEASISWA,
        name: 'Beasiswa',
        perangkat_daerah: 'disdik',
        unit: 'siswa',
        unit_cost: null,
        active: true,
      },
      {
        code: LAMA,
        name: 'Lama',
        perangkat_daerah: 'disperkim',
        unit: 'unit',
        unit_cost: 15_000_000,
        active: false,
      },
    ],
    ceilings: { disperkim: 45_000_000 },
    interventions: [intervention({ id: 9001, household: 9, status: 'budgeted' })],
    ...o,
  };
}

describe('allocateBudget: the worked example', () => {
  const result = allocateBudget(example());

  it('totals add up to the rupiah', () => {
    expect(result.totals).toEqual({ funded: 34_920_000, unfunded: 50_000_000, households_funded: 4 });
    const funded = result.agencies.reduce((total, agency) => total + agency.funded, 0);
    const unfunded = result.agencies.reduce((total, agency) => total + agency.unfunded, 0);
    expect(funded).toBe(result.totals.funded);
    expect(unfunded).toBe(result.totals.unfunded);
    expect(result.lines.reduce((total, line) => total + line.total, 0)).toBe(result.totals.funded);
    expect(result.unfunded.reduce((total, item) => total + item.cost, 0)).toBe(result.totals.unfunded);
  });

  it('reports each agency with its ceiling, reservation, funded and unfunded rupiah', () => {
    expect(result.agencies).toEqual([
      { perangkat_daerah: 'dinsos', ceiling: null, reserved: 0, funded: 4_920_000, unfunded: 0 },
      {
        perangkat_daerah: 'disperkim',
        ceiling: 45_000_000,
        reserved: 10_000_000,
        funded: 30_000_000,
        unfunded: 50_000_000,
      },
    ]);
  });

  it('funds in priority order, one intervention per household and sub-kegiatan with the largest quantity', () => {
    expect(
      result.interventions.map((i) => [
        i.household,
        i.sub_kegiatan,
        i.need,
        i.needs,
        i.quantity,
        i.unit_cost,
        i.planned_cost,
      ]),
    ).toEqual([
      [1, PBI, 103, [103, 104], 3, 504_000, 1_512_000],
      [1, RTLH, 101, [101, 102], 1, 20_000_000, 20_000_000],
      [2, PBI, 202, [202], 2, 504_000, 1_008_000],
      [3, JAMBAN, 302, [302], 1, 10_000_000, 10_000_000],
      [5, ATENSI, 501, [501], 1, 2_400_000, 2_400_000],
    ]);
  });

  it('lists what does not fit, in priority order, and keeps funding what fits after it', () => {
    expect(result.unfunded).toEqual([
      { household: 2, need: 201, sub_kegiatan: RTLH, perangkat_daerah: 'disperkim', cost: 20_000_000 },
      { household: 3, need: 301, sub_kegiatan: RTLH, perangkat_daerah: 'disperkim', cost: 20_000_000 },
      { household: 4, need: 401, sub_kegiatan: JAMBAN, perangkat_daerah: 'disperkim', cost: 10_000_000 },
    ]);
  });

  it('tabulates every unfunded item when asked (what a run stores)', () => {
    expect(result.unfunded_table).toBeNull();
    const tabulated = allocateBudget({ ...example(), tabulate_unfunded: true, unfunded_limit: 0 });
    expect(tabulated.unfunded_table).toEqual({
      sub_kegiatan: [
        { code: RTLH, perangkat_daerah: 'disperkim' },
        { code: JAMBAN, perangkat_daerah: 'disperkim' },
      ],
      items: {
        household: [2, 3, 4],
        need: [201, 301, 401],
        sub_kegiatan: [0, 0, 1],
        cost: [20_000_000, 20_000_000, 10_000_000],
      },
    });
    expect(readUnfundedTable(tabulated.unfunded_table)).toEqual(result.unfunded);
  });

  it.each<[limit: number | null, listed: number]>([
    [0, 0],
    [2, 2],
    [3, 3],
    [10, 3],
    [null, 3],
  ])('lists the first %s unfunded items when asked, counting and totalling them all', (limit, listed) => {
    const limited = allocateBudget({ ...example(), unfunded_limit: limit });
    expect(limited.unfunded).toEqual(result.unfunded.slice(0, listed));
    expect(limited.unfunded_count).toBe(3);
    expect(limited.totals).toEqual(result.totals);
    expect(limited.agencies).toEqual(result.agencies);
  });

  it('summarises lines per agency and sub-kegiatan', () => {
    expect(result.lines).toEqual([
      {
        sub_kegiatan: PBI,
        perangkat_daerah: 'dinsos',
        households: 2,
        volume: 5,
        unit: 'jiwa',
        unit_cost: 504_000,
        total: 2_520_000,
      },
      {
        sub_kegiatan: ATENSI,
        perangkat_daerah: 'dinsos',
        households: 1,
        volume: 1,
        unit: 'orang',
        unit_cost: 2_400_000,
        total: 2_400_000,
      },
      {
        sub_kegiatan: RTLH,
        perangkat_daerah: 'disperkim',
        households: 1,
        volume: 1,
        unit: 'unit',
        unit_cost: 20_000_000,
        total: 20_000_000,
      },
      {
        sub_kegiatan: JAMBAN,
        perangkat_daerah: 'disperkim',
        households: 1,
        volume: 1,
        unit: 'unit',
        unit_cost: 10_000_000,
        total: 10_000_000,
      },
    ]);
  });

  it('lists sub-kegiatan without a unit cost instead of dropping them', () => {
    expect(result.missing_unit_cost).toEqual([
      {
        sub_kegiatan: BEASISWA,
        name: 'Beasiswa',
        perangkat_daerah: 'disdik',
        households: 2,
        needs: 2,
        volume: 3,
      },
    ]);
  });

  it('accounts for every need that was not a candidate', () => {
    expect(result.skipped).toEqual({
      no_sub_kegiatan: 1, // 902
      inactive_sub_kegiatan: 1, // 204
      unclassified: 1, // 601
      class_excluded: 1, // 502: RTLH rule is not for tidak_miskin
      already_served: 1, // 901: JAMBAN already budgeted for H9
      not_verified: 1, // 701
    });
    expect(result.release).toEqual({ interventions: [], needs: [] });
  });

  it('gives the same answer without listing the interventions (what-if)', () => {
    const { interventions, ...answer } = allocateBudget({ ...example(), list_interventions: false });
    expect(interventions).toEqual([]);
    const { interventions: listed, ...full } = result;
    expect(answer).toEqual(full);
    expect(answer.interventions_count).toBe(listed.length);
  });

  it('answers the same twice, whatever the input order', () => {
    const shuffled = example();
    const again = allocateBudget({
      ...shuffled,
      households: [...shuffled.households].reverse(),
      needs: [...shuffled.needs].reverse(),
    });
    expect(again).toEqual(result);
  });
});

type Case = [
  name: string,
  change: Partial<Example>,
  expected: {
    totals: AllocationResult['totals'];
    funded: [household: number, subKegiatan: string, cost: number][];
    unfunded?: number[];
    release?: AllocationResult['release'];
    reserved?: number;
  },
];

const withOverrides = (overrides: AllocationOverrides): Partial<Example> => ({ overrides });
const withScope = (scope: AllocationScope): Partial<Example> => ({ scope });

describe('allocateBudget: variations of the example', () => {
  it.each<Case>([
    [
      'no ceiling funds everything fundable',
      { ceilings: {} },
      {
        totals: { funded: 84_920_000, unfunded: 0, households_funded: 5 },
        funded: [
          [1, PBI, 1_512_000],
          [1, RTLH, 20_000_000],
          [2, PBI, 1_008_000],
          [2, RTLH, 20_000_000],
          [3, RTLH, 20_000_000],
          [3, JAMBAN, 10_000_000],
          [4, JAMBAN, 10_000_000],
          [5, ATENSI, 2_400_000],
        ],
        unfunded: [],
      },
    ],
    [
      'a what-if ceiling replaces the stored one',
      withOverrides({ ceilings: { disperkim: 50_000_000, dinsos: 2_000_000 } }),
      {
        // disperkim 40.000.000 left: H1 RTLH, H2 RTLH; dinsos 2.000.000: H1 PBI 1.512.000 then H2 PBI and ATENSI do not fit
        totals: { funded: 41_512_000, unfunded: 43_408_000, households_funded: 2 },
        funded: [
          [1, PBI, 1_512_000],
          [1, RTLH, 20_000_000],
          [2, RTLH, 20_000_000],
        ],
        unfunded: [2, 3, 3, 4, 5],
      },
    ],
    [
      'a null what-if ceiling removes the ceiling',
      withOverrides({ ceilings: { disperkim: null } }),
      {
        totals: { funded: 84_920_000, unfunded: 0, households_funded: 5 },
        funded: [
          [1, PBI, 1_512_000],
          [1, RTLH, 20_000_000],
          [2, PBI, 1_008_000],
          [2, RTLH, 20_000_000],
          [3, RTLH, 20_000_000],
          [3, JAMBAN, 10_000_000],
          [4, JAMBAN, 10_000_000],
          [5, ATENSI, 2_400_000],
        ],
      },
    ],
    [
      'a what-if unit cost makes a sub-kegiatan fundable and counts its needs',
      withOverrides({ unit_costs: { [BEASISWA]: 1_800_000, [RTLH]: 17_500_000 } }),
      {
        // H1 now has 5 fundable needs; disperkim 35.000.000: H1 RTLH 17.5M, H2 RTLH 17.5M (0 left)
        totals: { funded: 45_320_000, unfunded: 37_500_000, households_funded: 3 },
        funded: [
          [1, BEASISWA, 3_600_000],
          [1, PBI, 1_512_000],
          [1, RTLH, 17_500_000],
          [2, BEASISWA, 1_800_000],
          [2, PBI, 1_008_000],
          [2, RTLH, 17_500_000],
          [5, ATENSI, 2_400_000],
        ],
        unfunded: [3, 3, 4],
      },
    ],
    [
      'only the ekstrem class',
      withOverrides({ classes: ['ekstrem'] }),
      {
        totals: { funded: 22_520_000, unfunded: 20_000_000, households_funded: 2 },
        funded: [
          [1, PBI, 1_512_000],
          [1, RTLH, 20_000_000],
          [2, PBI, 1_008_000],
        ],
        unfunded: [2],
      },
    ],
    [
      'a higher extreme line re-classifies from the stored per capita (H4 at 420.000 becomes ekstrem, H3 at 450.000 stays miskin)',
      withOverrides({ extreme_poverty_line: 430_000 }),
      {
        // order H1, H2, H4 (ekstrem), H3 (miskin); disperkim 35M: H1 RTLH 20M, H2 RTLH no, H4 JAMBAN 10M, H3 RTLH no, H3 JAMBAN no
        totals: { funded: 34_920_000, unfunded: 50_000_000, households_funded: 4 },
        funded: [
          [1, PBI, 1_512_000],
          [1, RTLH, 20_000_000],
          [2, PBI, 1_008_000],
          [4, JAMBAN, 10_000_000],
          [5, ATENSI, 2_400_000],
        ],
        unfunded: [2, 3, 3],
      },
    ],
    [
      'a lower poverty line makes H3 and H4 tidak_miskin: the RTLH and JAMBAN rules no longer apply to them',
      withOverrides({ poverty_line: 400_000 }),
      {
        totals: { funded: 24_920_000, unfunded: 20_000_000, households_funded: 3 },
        funded: [
          [1, PBI, 1_512_000],
          [1, RTLH, 20_000_000],
          [2, PBI, 1_008_000],
          [5, ATENSI, 2_400_000],
        ],
        unfunded: [2],
      },
    ],
    [
      'scope by desa: only H3 and H4 (desa B) are considered',
      {
        ...withScope({ desa: ['63.11.07.2003'] }),
        households: example().households.map((h) =>
          h.id === 3 || h.id === 4 ? { ...h, desa: '63.11.07.2003' } : h,
        ),
      },
      {
        totals: { funded: 30_000_000, unfunded: 10_000_000, households_funded: 1 },
        funded: [
          [3, RTLH, 20_000_000],
          [3, JAMBAN, 10_000_000],
        ],
        unfunded: [4],
      },
    ],
    [
      'scope lists are a union of kecamatan and desa',
      {
        ...withScope({ kecamatan: ['63.11.01'], desa: ['63.11.07.2003'] }),
        households: example().households.map((h) =>
          h.id === 5
            ? { ...h, desa: '63.11.01.2001', kecamatan: '63.11.01' }
            : h.id === 4
              ? { ...h, desa: '63.11.07.2003' }
              : h,
        ),
      },
      {
        totals: { funded: 12_400_000, unfunded: 0, households_funded: 2 },
        funded: [
          [4, JAMBAN, 10_000_000],
          [5, ATENSI, 2_400_000],
        ],
        unfunded: [],
      },
    ],
  ])('%s', (_name, change, expected) => {
    const result = allocateBudget(example(change));
    expect(result.totals).toEqual(expected.totals);
    expect(result.interventions.map((i) => [i.household, i.sub_kegiatan, i.planned_cost])).toEqual(
      expected.funded,
    );
    if (expected.unfunded) expect(result.unfunded.map((u) => u.household)).toEqual(expected.unfunded);
    expect(result.interventions.reduce((t, i) => t + i.planned_cost, 0)).toBe(result.totals.funded);
    expect(result.unfunded.reduce((t, u) => t + u.cost, 0)).toBe(result.totals.unfunded);
  });
});

describe('allocateBudget: release and reservation', () => {
  it.each<Case>([
    [
      "a previous run's planned intervention is released, its needs reopen and are allocated again",
      {
        needs: example().needs.map((n) => (n.id === 201 ? { ...n, status: 'planned' as const } : n)),
        interventions: [
          intervention({ id: 9001, household: 9, status: 'budgeted' }),
          intervention({ id: 9002, household: 2, sub_kegiatan: RTLH, planned_cost: 20_000_000 }),
        ],
      },
      {
        totals: { funded: 34_920_000, unfunded: 50_000_000, households_funded: 4 },
        funded: [
          [1, PBI, 1_512_000],
          [1, RTLH, 20_000_000],
          [2, PBI, 1_008_000],
          [3, JAMBAN, 10_000_000],
          [5, ATENSI, 2_400_000],
        ],
        release: { interventions: [9002], needs: [201] },
        reserved: 10_000_000,
      },
    ],
    [
      'interventions beyond planned keep their needs and are reserved against the ceiling first',
      {
        needs: example().needs.map((n) => (n.id === 201 ? { ...n, status: 'planned' as const } : n)),
        interventions: [
          intervention({ id: 9001, household: 9, status: 'budgeted' }),
          intervention({
            id: 9002,
            household: 2,
            sub_kegiatan: RTLH,
            planned_cost: 20_000_000,
            status: 'in_progress',
          }),
        ],
      },
      {
        // disperkim 45M - 30M reserved = 15M: H1 RTLH does not fit, H3 RTLH no, H3 JAMBAN 10M fits, H4 JAMBAN no
        totals: { funded: 14_920_000, unfunded: 50_000_000, households_funded: 4 },
        funded: [
          [1, PBI, 1_512_000],
          [2, PBI, 1_008_000],
          [3, JAMBAN, 10_000_000],
          [5, ATENSI, 2_400_000],
        ],
        unfunded: [1, 3, 4],
        release: { interventions: [], needs: [] },
        reserved: 30_000_000,
      },
    ],
    [
      'a finalised run is never released: its planned interventions are reserved',
      {
        needs: example().needs.map((n) => (n.id === 201 ? { ...n, status: 'planned' as const } : n)),
        interventions: [
          intervention({ id: 9001, household: 9, status: 'budgeted' }),
          intervention({
            id: 9002,
            household: 2,
            sub_kegiatan: RTLH,
            planned_cost: 20_000_000,
            finalised: true,
          }),
        ],
      },
      {
        totals: { funded: 14_920_000, unfunded: 50_000_000, households_funded: 4 },
        funded: [
          [1, PBI, 1_512_000],
          [2, PBI, 1_008_000],
          [3, JAMBAN, 10_000_000],
          [5, ATENSI, 2_400_000],
        ],
        release: { interventions: [], needs: [] },
        reserved: 30_000_000,
      },
    ],
    [
      'out of scope planned interventions are kept and reserved; cancelled and other years are not reserved',
      {
        ...withScope({ desa: ['63.11.07.2002'] }),
        households: [...example().households, household(10, 'miskin', 500_000, { desa: '63.11.07.2003' })],
        interventions: [
          intervention({ id: 9001, household: 9, status: 'budgeted' }),
          intervention({ id: 9003, household: 10, desa: '63.11.07.2003', planned_cost: 10_000_000 }),
          intervention({ id: 9004, household: 4, status: 'cancelled' }),
          intervention({
            id: 9005,
            household: 1,
            fiscal_year: 2025,
            sub_kegiatan: ATENSI,
            status: 'completed',
          }),
        ],
      },
      {
        // disperkim 45M - 20M = 25M: H1 RTLH 20M (5M left), nothing else fits
        totals: { funded: 24_920_000, unfunded: 60_000_000, households_funded: 3 },
        funded: [
          [1, PBI, 1_512_000],
          [1, RTLH, 20_000_000],
          [2, PBI, 1_008_000],
          [5, ATENSI, 2_400_000],
        ],
        unfunded: [2, 3, 3, 4],
        release: { interventions: [], needs: [] },
        reserved: 20_000_000,
      },
    ],
    [
      'a planned need held by an intervention of another year stays planned and is not funded again',
      {
        needs: example().needs.map((n) => (n.id === 401 ? { ...n, status: 'planned' as const } : n)),
        interventions: [
          intervention({ id: 9001, household: 9, status: 'budgeted' }),
          intervention({ id: 9006, household: 4, fiscal_year: 2025 }),
        ],
      },
      {
        totals: { funded: 34_920_000, unfunded: 40_000_000, households_funded: 4 },
        funded: [
          [1, PBI, 1_512_000],
          [1, RTLH, 20_000_000],
          [2, PBI, 1_008_000],
          [3, JAMBAN, 10_000_000],
          [5, ATENSI, 2_400_000],
        ],
        unfunded: [2, 3],
        release: { interventions: [], needs: [] },
        reserved: 10_000_000,
      },
    ],
  ])('%s', (_name, change, expected) => {
    const result = allocateBudget(example(change));
    expect(result.totals).toEqual(expected.totals);
    expect(result.interventions.map((i) => [i.household, i.sub_kegiatan, i.planned_cost])).toEqual(
      expected.funded,
    );
    if (expected.unfunded) expect(result.unfunded.map((u) => u.household)).toEqual(expected.unfunded);
    if (expected.release) expect(result.release).toEqual(expected.release);
    if (expected.reserved !== undefined) {
      expect(result.agencies.find((a) => a.perangkat_daerah === 'disperkim')?.reserved).toBe(
        expected.reserved,
      );
    }
  });

  it('an agency whose reservation already exceeds its ceiling funds nothing new', () => {
    const result = allocateBudget(example({ ceilings: { disperkim: 5_000_000 } }));
    expect(result.agencies.find((a) => a.perangkat_daerah === 'disperkim')).toEqual({
      perangkat_daerah: 'disperkim',
      ceiling: 5_000_000,
      reserved: 10_000_000,
      funded: 0,
      unfunded: 80_000_000,
    });
  });
});
