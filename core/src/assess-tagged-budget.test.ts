import { describe, it, expect } from 'vitest';
import { assessTaggedBudget, type AssessTaggedBudgetInput } from './assess-tagged-budget.ts';

const RTLH = '1.04.03.2.03.0002';
const PBI = '1.02.02.2.01.0001';
const SEMINAR = '5.01.01.2.01.0001';
const JAMBAN = '1.04.03.2.03.0005';

const input: AssessTaggedBudgetInput = {
  fiscal_year: 2026,
  tagged: [
    { sub_kegiatan_code: RTLH, name: 'RTLH', perangkat_daerah: 'disperkim', amount: 600_000_000 },
    { sub_kegiatan_code: RTLH, name: 'RTLH lanjutan', perangkat_daerah: 'disperkim', amount: 400_000_000 },
    { sub_kegiatan_code: PBI, name: 'PBI', perangkat_daerah: 'dinsos', amount: 300_000_000 },
    { sub_kegiatan_code: SEMINAR, name: 'Rapat koordinasi', perangkat_daerah: null, amount: 100_000_000 },
  ],
  catalogue: [
    { code: RTLH, name: 'Perbaikan RTLH', perangkat_daerah: 'disperkim' },
    { code: PBI, name: 'PBI JKN', perangkat_daerah: 'dinsos' },
    { code: JAMBAN, name: 'Jamban', perangkat_daerah: 'disperkim' },
  ],
  rules: new Map([
    [RTLH, 3],
    [PBI, 1],
    [JAMBAN, 1],
  ]),
  needs: [
    { sub_kegiatan: RTLH, needs: 120, households: 80 },
    { sub_kegiatan: PBI, needs: 0, households: 0 },
    { sub_kegiatan: JAMBAN, needs: 40, households: 40 },
  ],
  served: [{ sub_kegiatan: RTLH, households: 50, ekstrem_households: 30, planned_cost: 1_000_000_000 }],
  served_overall: { households: 50, ekstrem_households: 30 },
};

describe('assessTaggedBudget', () => {
  const report = assessTaggedBudget(input);

  it.each<[code: string, expected: Record<string, unknown>]>([
    [
      RTLH,
      {
        tagged_amount: 1_000_000_000,
        in_catalogue: true,
        linked_rules: 3,
        serves_verified_needs: true,
        verified_needs: 120,
        households_with_needs: 80,
        households_served: 50,
        ekstrem_households_served: 30,
        cost_per_ekstrem_household: 33_333_333,
        linked_amount: 1_000_000_000,
      },
    ],
    [
      PBI,
      {
        tagged_amount: 300_000_000,
        serves_verified_needs: false,
        households_served: 0,
        cost_per_ekstrem_household: null,
        linked_amount: 0,
      },
    ],
    [
      SEMINAR,
      {
        name: 'Rapat koordinasi',
        perangkat_daerah: null,
        in_catalogue: false,
        linked_rules: 0,
        serves_verified_needs: false,
        linked_amount: 0,
      },
    ],
  ])('%s', (code, expected) => {
    expect(report.sub_kegiatan.find((row) => row.sub_kegiatan === code)).toMatchObject(expected);
  });

  it('totals the share of tagged rupiah linked to verified needs', () => {
    expect(report.sub_kegiatan.map((row) => row.sub_kegiatan)).toEqual([RTLH, PBI, SEMINAR]);
    expect(report.totals).toEqual({
      tagged_amount: 1_400_000_000,
      linked_amount: 1_000_000_000,
      share_linked: 0.7143,
      sub_kegiatan_tagged: 3,
      sub_kegiatan_serving_needs: 1,
      households_served: 50,
      ekstrem_households_served: 30,
      cost_per_ekstrem_household: 46_666_666,
    });
    expect(report.untagged_with_needs).toEqual([
      {
        sub_kegiatan: JAMBAN,
        name: 'Jamban',
        perangkat_daerah: 'disperkim',
        verified_needs: 40,
        households: 40,
      },
    ]);
  });

  it('nothing tagged has no share', () => {
    expect(assessTaggedBudget({ ...input, tagged: [] }).totals.share_linked).toBeNull();
  });
});
