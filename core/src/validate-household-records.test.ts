import { describe, expect, it } from 'vitest';
import { validateHouseholdRecords } from './validate-household-records.ts';

const context = { desa: new Set(['63.11.07.2002', '63.11.07.1001']) };

type Mutable = Record<string, unknown>;

function valid(): {
  households: (Mutable & { ref: string })[];
  members: (Mutable & { household_ref: string })[];
  surveys: (Mutable & { household_ref: string })[];
} {
  return {
    households: [
      {
        ref: 'a',
        no_kk: '6311071503150002',
        head_nik: '6311072402790001',
        head_name: 'Halidi',
        desa: '63.11.07.2002',
        member_count: 2,
        p3ke_decile: 1,
        dtsen_decile: null,
        latitude: -2.3,
        longitude: 115.4,
        source: 'p3ke',
        baseline_disposition: 'found',
        related_household_ref: null,
      },
      {
        ref: 'b',
        no_kk: null,
        head_nik: '6311076402850003',
        head_name: 'Siti',
        desa: '63.11.07.1001',
        member_count: 1,
        source: 'new',
        baseline_disposition: 'new',
        related_household_ref: 'a',
      },
    ],
    members: [
      {
        household_ref: 'a',
        nik: '6311072402790001',
        name: 'Halidi',
        relation: 'kepala',
        sex: 'L',
        birth_date: '1979-02-24',
      },
      { household_ref: 'a', nik: null, name: 'Bayi', relation: 'anak', sex: 'P', birth_date: null },
      {
        household_ref: 'b',
        nik: '6311076402850003',
        name: 'Siti',
        relation: 'kepala',
        sex: 'P',
        birth_date: '1985-02-24',
      },
    ],
    surveys: [
      {
        household_ref: 'a',
        round: 2025,
        status: 'verified',
        verified_by: 'user-1',
        verified_at: '2025-10-01T01:00:00.000Z',
        return_note: null,
        surveyed_at: '2025-09-20',
        monthly_income: 500_000,
        monthly_expenditure: 0,
        member_count: 2,
        meals_per_day: 3,
        children_out_of_school: 0,
        floor_area_m2: 24,
      },
      {
        household_ref: 'b',
        round: 2025,
        status: 'returned',
        return_note: 'Foto rumah belum ada',
        verified_by: null,
        verified_at: null,
      },
    ],
  };
}

type Data = ReturnType<typeof valid>;
const at = (list: Mutable[], index: number): Mutable => {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
};

describe('validateHouseholdRecords', () => {
  it('accepts a valid set', () => {
    expect(validateHouseholdRecords(valid(), context)).toEqual([]);
  });

  it.each<[string, (d: Data) => void, string, string | null]>([
    [
      'household without head name',
      (d) => (at(d.households, 0)['head_name'] = ' '),
      'households',
      'head_name',
    ],
    ['unknown desa', (d) => (at(d.households, 0)['desa'] = '63.11.07.2001'), 'households', 'desa'],
    [
      'No. KK with 15 digits',
      (d) => (at(d.households, 0)['no_kk'] = '631107150315000'),
      'households',
      'no_kk',
    ],
    [
      'No. KK with an impossible date',
      (d) => (at(d.households, 0)['no_kk'] = '6311073213150002'),
      'households',
      'no_kk',
    ],
    ['No. KK twice', (d) => (at(d.households, 1)['no_kk'] = '6311071503150002'), 'households', 'no_kk'],
    [
      'head NIK of no member',
      (d) => (at(d.households, 0)['head_nik'] = '6311072402790009'),
      'households',
      'head_nik',
    ],
    ['member_count 0', (d) => (at(d.households, 0)['member_count'] = 0), 'households', 'member_count'],
    ['desil 11', (d) => (at(d.households, 0)['p3ke_decile'] = 11), 'households', 'p3ke_decile'],
    ['latitude 95', (d) => (at(d.households, 0)['latitude'] = 95), 'households', 'latitude'],
    ['unknown source', (d) => (at(d.households, 0)['source'] = 'sensus'), 'households', 'source'],
    [
      'unknown disposition',
      (d) => (at(d.households, 0)['baseline_disposition'] = 'lost'),
      'households',
      'baseline_disposition',
    ],
    [
      'related household missing',
      (d) => (at(d.households, 1)['related_household_ref'] = 'z'),
      'households',
      'related_household',
    ],
    ['ref twice', (d) => (at(d.households, 1)['ref'] = 'a'), 'households', null],
    [
      'member of an unknown household',
      (d) => (at(d.members, 1)['household_ref'] = 'z'),
      'household_members',
      'household',
    ],
    [
      'member NIK in scientific notation',
      (d) => (at(d.members, 1)['nik'] = '6.3110E+15'),
      'household_members',
      'nik',
    ],
    ['NIK of two members', (d) => (at(d.members, 1)['nik'] = '6311072402790001'), 'household_members', 'nik'],
    ['member without name', (d) => (at(d.members, 1)['name'] = null), 'household_members', 'name'],
    [
      'member without relation',
      (d) => (at(d.members, 1)['relation'] = 'teman'),
      'household_members',
      'relation',
    ],
    ['sex X', (d) => (at(d.members, 1)['sex'] = 'X'), 'household_members', 'sex'],
    [
      'birth date 30 February',
      (d) => (at(d.members, 0)['birth_date'] = '1979-02-30'),
      'household_members',
      'birth_date',
    ],
    [
      'survey of an unknown household',
      (d) => (at(d.surveys, 0)['household_ref'] = 'z'),
      'surveys',
      'household',
    ],
    ['survey without round', (d) => (at(d.surveys, 0)['round'] = null), 'surveys', 'round'],
    ['two surveys in one round', (d) => (at(d.surveys, 1)['household_ref'] = 'a'), 'surveys', 'round'],
    ['unknown status', (d) => (at(d.surveys, 0)['status'] = 'approved'), 'surveys', 'status'],
    ['returned without a note', (d) => (at(d.surveys, 1)['return_note'] = ' '), 'surveys', 'status'],
    ['verified without verifier', (d) => (at(d.surveys, 0)['verified_by'] = null), 'surveys', 'verified_by'],
    [
      'draft with a verifier',
      (d) =>
        Object.assign(at(d.surveys, 1), {
          status: 'draft',
          verified_by: 'u',
          verified_at: '2025-10-01T00:00:00Z',
        }),
      'surveys',
      'verified_by',
    ],
    ['negative income', (d) => (at(d.surveys, 0)['monthly_income'] = -1), 'surveys', 'monthly_income'],
    ['member_count 0 in a survey', (d) => (at(d.surveys, 0)['member_count'] = 0), 'surveys', 'member_count'],
    ['4 meals a day', (d) => (at(d.surveys, 0)['meals_per_day'] = 4), 'surveys', 'meals_per_day'],
    [
      'fractional count',
      (d) => (at(d.surveys, 0)['children_out_of_school'] = 1.5),
      'surveys',
      'children_out_of_school',
    ],
    ['floor area 0', (d) => (at(d.surveys, 0)['floor_area_m2'] = 0), 'surveys', 'floor_area_m2'],
    [
      'survey date not a date',
      (d) => (at(d.surveys, 0)['surveyed_at'] = '20-09-2025'),
      'surveys',
      'surveyed_at',
    ],
  ])('refuses %s', (_name, change, collection, field) => {
    const data = valid();
    change(data);
    const issues = validateHouseholdRecords(data, context);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.some((i) => i.collection === collection && i.field === field)).toBe(true);
    for (const issue of issues) expect(issue.message).not.toBe('');
  });

  it.each<[string, (d: Data) => void]>([
    [
      'a household without No. KK or coordinates',
      (d) => Object.assign(at(d.households, 0), { no_kk: null, latitude: null, longitude: null }),
    ],
    ['a member without NIK', (d) => (at(d.members, 0)['nik'] = null)],
    [
      'a draft with unanswered questions',
      (d) => Object.assign(at(d.surveys, 1), { status: 'draft', return_note: null, monthly_income: null }),
    ],
    [
      'a submitted survey',
      (d) => Object.assign(at(d.surveys, 1), { status: 'submitted', return_note: null }),
    ],
  ])('accepts %s', (_name, change) => {
    const data = valid();
    change(data);
    const issues = validateHouseholdRecords(data, context).filter((i) => i.field !== 'head_nik');
    expect(issues).toEqual([]);
  });
});
