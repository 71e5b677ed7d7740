import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { readDesa, readIndicators, type Indicator, type JsonValue } from '../seed/read-reference.ts';
import { createRandom } from './create-random.ts';
import {
  DEMO_BBOX,
  generateDemoDataset,
  type DemoHousehold,
  type DemoMember,
  type DemoSurvey,
} from './generate-demo-dataset.ts';

const desa = readDesa();
const dataset = generateDemoDataset({ desa });
const { households, members, surveys } = dataset;
const TODAY = '2025-11-01';
const POVERTY_LINE = 544169;
const EXTREME_LINE = 391000;

const membersOf = new Map<string, DemoMember[]>();
for (const member of members) {
  const list = membersOf.get(member.household_ref) ?? [];
  list.push(member);
  membersOf.set(member.household_ref, list);
}
const householdOf = new Map(households.map((h) => [h.ref, h]));

function surveyKeys(): string[] {
  const text = readFileSync(new URL('../../seed/reference/survey_variables.md', import.meta.url), 'utf8');
  const section = text.split('## Household questions')[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| key') && !line.startsWith('|---'))
    .flatMap((line) => (line.split('|')[1] ?? '').split(','))
    .map((key) => key.trim())
    .filter((key) => key !== '');
}

function isValidDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function classify(survey: DemoSurvey): 'ekstrem' | 'miskin' | 'tidak_miskin' | 'unclassified' {
  if (survey.monthly_income === null || survey.member_count === null || survey.member_count < 1)
    return 'unclassified';
  const perCapita = survey.monthly_income / survey.member_count;
  if (perCapita < EXTREME_LINE) return 'ekstrem';
  if (perCapita < POVERTY_LINE) return 'miskin';
  return 'tidak_miskin';
}

// A minimal evaluator of the seeded rules, enough to check that the demo data makes them fire.
function readField(survey: DemoSurvey, field: string): unknown {
  if (field === 'floor_area_per_capita') {
    return survey.floor_area_m2 === null || !survey.member_count
      ? null
      : survey.floor_area_m2 / survey.member_count;
  }
  return (survey as Record<string, unknown>)[field];
}

function compare(actual: unknown, operator: string, value: JsonValue): boolean {
  if (actual === null || actual === undefined) return false;
  switch (operator) {
    case 'eq':
    case '_eq':
      return actual === value;
    case 'in':
    case '_in':
      return Array.isArray(value) && value.includes(actual as JsonValue);
    case 'lt':
    case '_lt':
      return typeof actual === 'number' && typeof value === 'number' && actual < value;
    case 'lte':
      return typeof actual === 'number' && typeof value === 'number' && actual <= value;
    case 'gt':
      return typeof actual === 'number' && typeof value === 'number' && actual > value;
    case 'is_true':
      return actual === true;
    case 'is_false':
      return actual === false;
    default:
      throw new Error(`operator not handled in this test: ${operator}`);
  }
}

function matchesFilter(survey: DemoSurvey, filter: JsonValue): boolean {
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) throw new Error('bad filter');
  return Object.entries(filter).every(([key, inner]) => {
    if (key === '_and') return Array.isArray(inner) && inner.every((part) => matchesFilter(survey, part));
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) throw new Error('bad filter');
    return Object.entries(inner).every(([op, value]) => compare(readField(survey, key), op, value));
  });
}

function fires(rule: Indicator, survey: DemoSurvey): boolean {
  if (rule.condition !== null) return matchesFilter(survey, rule.condition);
  return compare(readField(survey, rule.field), rule.operator, rule.value);
}

describe('createRandom', () => {
  it.each([[1], [42], [20231101]])('seed %i gives a repeatable sequence in [0, 1)', (seed) => {
    const a = createRandom(seed);
    const b = createRandom(seed);
    const first = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('int stays within bounds and weighted respects zero weights', () => {
    const random = createRandom(7);
    const ints = Array.from({ length: 500 }, () => random.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    const picks = Array.from({ length: 500 }, () => random.weighted({ a: 1, b: 0, c: 3 }));
    expect(picks.includes('b')).toBe(false);
    expect(picks.filter((p) => p === 'c').length).toBeGreaterThan(picks.filter((p) => p === 'a').length);
  });
});

describe('generateDemoDataset: determinism and size', () => {
  it('the same seed gives deep-equal output; another seed differs', () => {
    expect(generateDemoDataset({ desa })).toEqual(dataset);
    const other = generateDemoDataset({ desa, seed: 7 });
    expect(other.households.map((h) => h.head_nik)).not.toEqual(households.map((h) => h.head_nik));
  });

  it.each([[2000], [800], [100]])('generates exactly %i households with stable refs', (count) => {
    const result = count === 2000 ? dataset : generateDemoDataset({ desa, households: count });
    expect(result.households).toHaveLength(count);
    expect(result.households[0]?.ref).toBe('demo-000001');
    expect(new Set(result.households.map((h) => h.ref)).size).toBe(count);
  });

  it('does not depend on the order of the desa list', () => {
    expect(generateDemoDataset({ desa: [...desa].reverse(), households: 300 })).toEqual(
      generateDemoDataset({ desa, households: 300 }),
    );
  });

  it('every desa gets at least 5 households, kelurahan a bigger share', () => {
    const perDesa = new Map<string, number>();
    for (const h of households) perDesa.set(h.desa, (perDesa.get(h.desa) ?? 0) + 1);
    expect(desa.filter((d) => (perDesa.get(d.code) ?? 0) < 5)).toEqual([]);
    const mean = (kind: string): number => {
      const list = desa.filter((d) => d.kind === kind);
      return list.reduce((sum, d) => sum + (perDesa.get(d.code) ?? 0), 0) / list.length;
    };
    expect(mean('kelurahan')).toBeGreaterThan(2 * mean('desa'));
    expect(households.every((h) => desa.find((d) => d.code === h.desa)?.kecamatan === h.kecamatan)).toBe(
      true,
    );
  });
});

describe('generateDemoDataset: identity numbers', () => {
  it('every household has 1-7 members with exactly one kepala matching head_nik and head_name', () => {
    for (const h of households) {
      const list = membersOf.get(h.ref) ?? [];
      expect(list.length).toBeGreaterThanOrEqual(1);
      expect(list.length).toBeLessThanOrEqual(7);
      const heads = list.filter((m) => m.relation === 'kepala');
      expect(heads).toHaveLength(1);
      expect(heads[0]).toMatchObject({ nik: h.head_nik, name: h.head_name, desa: h.desa });
    }
    expect(members.every((m) => m.name.trim().length > 0)).toBe(true);
  });

  it('NIK: 16 digits, kecamatan region, birth date (day + 40 for women), serial not 0000, unique', () => {
    for (const m of members) {
      const h = householdOf.get(m.household_ref) as DemoHousehold;
      expect(m.nik).toMatch(/^\d{16}$/);
      expect(m.nik.slice(0, 6)).toBe(h.kecamatan.replaceAll('.', ''));
      const [year, month, day] = m.birth_date.split('-');
      const expectedDay = Number(day) + (m.sex === 'P' ? 40 : 0);
      expect(m.nik.slice(6, 12)).toBe(`${String(expectedDay).padStart(2, '0')}${month}${year?.slice(2)}`);
      expect(m.nik.slice(12)).not.toBe('0000');
      expect(isValidDate(Number(year), Number(month), Number(day))).toBe(true);
      expect(m.birth_date < TODAY).toBe(true);
    }
    expect(new Set(members.map((m) => m.nik)).size).toBe(members.length);
    expect(members.some((m) => m.sex === 'P' && Number(m.nik.slice(6, 8)) > 40)).toBe(true);
  });

  it('No. KK: 16 digits, region, a real issue date (no +40) not after today, serial not 0000, unique', () => {
    for (const h of households) {
      expect(h.no_kk).toMatch(/^\d{16}$/);
      const kk = h.no_kk ?? '';
      expect(kk.slice(0, 6)).toBe(h.kecamatan.replaceAll('.', ''));
      const [day, month, yy] = [Number(kk.slice(6, 8)), Number(kk.slice(8, 10)), Number(kk.slice(10, 12))];
      expect(isValidDate(2000 + yy, month, day)).toBe(true);
      const issued = `20${kk.slice(10, 12)}-${kk.slice(8, 10)}-${kk.slice(6, 8)}`;
      expect(issued <= TODAY).toBe(true);
      const headBirth = membersOf.get(h.ref)?.find((m) => m.relation === 'kepala')?.birth_date ?? '';
      expect(Number(issued.slice(0, 4))).toBeGreaterThanOrEqual(Number(headBirth.slice(0, 4)) + 17);
      expect(kk.slice(12)).not.toBe('0000');
    }
    expect(new Set(households.map((h) => h.no_kk)).size).toBe(households.length);
  });
});

describe('generateDemoDataset: baseline and quality', () => {
  it('about 90% come from P3KE with an id and decile 1-4; the rest are new', () => {
    const p3ke = households.filter((h) => h.source === 'p3ke');
    expect(p3ke.length / households.length).toBeGreaterThan(0.86);
    expect(p3ke.length / households.length).toBeLessThan(0.94);
    expect(
      p3ke.every(
        (h) => h.p3ke_id !== null && h.p3ke_decile !== null && h.p3ke_decile >= 1 && h.p3ke_decile <= 4,
      ),
    ).toBe(true);
    const fresh = households.filter((h) => h.source === 'new');
    expect(
      fresh.every((h) => h.baseline_disposition === 'new' && h.p3ke_id === null && h.p3ke_decile === null),
    ).toBe(true);
    expect(households.every((h) => h.is_demo)).toBe(true);
  });

  it.each(['found', 'moved', 'deceased', 'duplicate', 'not_found', 'split', 'merged', 'new'])(
    'disposition %s occurs',
    (disposition) => {
      expect(households.some((h) => h.baseline_disposition === disposition)).toBe(true);
    },
  );

  it('mostly found; related refs point to a household of the same desa', () => {
    const found = households.filter((h) => h.baseline_disposition === 'found').length;
    expect(found / households.length).toBeGreaterThan(0.75);
    for (const h of households) {
      if (h.related_household_ref === null) continue;
      expect(householdOf.get(h.related_household_ref)?.desa).toBe(h.desa);
    }
    const needsRelated = households.filter((h) =>
      ['duplicate', 'merged'].includes(h.baseline_disposition ?? ''),
    );
    expect(needsRelated.every((h) => h.related_household_ref !== null)).toBe(true);
  });

  it('coordinates lie inside Kabupaten Balangan; about 2% carry a quality issue', () => {
    let issues = 0;
    for (const h of households) {
      const listed = membersOf.get(h.ref)?.length ?? 0;
      const hasIssue = h.latitude === null || h.member_count !== listed;
      if (hasIssue) issues += 1;
      expect(h.latitude === null).toBe(h.longitude === null);
      if (h.latitude !== null && h.longitude !== null) {
        expect(h.latitude).toBeGreaterThan(DEMO_BBOX.minLat);
        expect(h.latitude).toBeLessThan(DEMO_BBOX.maxLat);
        expect(h.longitude).toBeGreaterThan(DEMO_BBOX.minLng);
        expect(h.longitude).toBeLessThan(DEMO_BBOX.maxLng);
      }
      expect(h.address).toMatch(/^Jl\. .+ RT \d{3}\/RW \d{3}$/);
      expect(h.address.endsWith(`RT ${h.rt_rw.replace('/', '/RW ')}`)).toBe(true);
    }
    expect(issues / households.length).toBeGreaterThan(0.005);
    expect(issues / households.length).toBeLessThan(0.04);
  });
});

describe('generateDemoDataset: surveys', () => {
  const keys = surveyKeys();

  it('reads the 26 survey keys of survey_variables.md', () => {
    expect(keys).toHaveLength(26);
    expect(keys).toContain('monthly_income');
    expect(keys).toContain('longitude');
  });

  it('one survey per household met in the field (found, split, new), none for the others', () => {
    const surveyed = households.filter((h) =>
      ['found', 'split', 'new'].includes(h.baseline_disposition ?? ''),
    );
    expect(surveys.map((s) => s.household_ref)).toEqual(surveyed.map((h) => h.ref));
    expect(surveys.every((s) => s.round === 2025 && s.desa === householdOf.get(s.household_ref)?.desa)).toBe(
      true,
    );
  });

  it('every survey has every survey key', () => {
    for (const survey of surveys) {
      const missing = keys.filter((key) => !(key in survey));
      expect(missing).toEqual([]);
    }
  });

  it.each([
    ['verified', 0.7],
    ['submitted', 0.15],
    ['draft', 0.08],
    ['returned', 0.07],
  ])('status %s is about %f of surveys', (status, share) => {
    const count = surveys.filter((s) => s.status === status).length;
    expect(Math.abs(count / surveys.length - share)).toBeLessThan(0.04);
  });

  it('returned surveys carry a note; verified ones a verification time after the survey date', () => {
    expect(
      surveys.filter((s) => s.status === 'returned').every((s) => (s.return_note ?? '').length > 10),
    ).toBe(true);
    expect(surveys.filter((s) => s.status !== 'returned').every((s) => s.return_note === null)).toBe(true);
    for (const s of surveys.filter((x) => x.status === 'verified')) {
      expect(s.verified_at).not.toBeNull();
      expect((s.verified_at ?? '').slice(0, 10) >= s.surveyed_at).toBe(true);
      expect((s.verified_at ?? '').slice(0, 10) <= TODAY).toBe(true);
    }
    expect(surveys.every((s) => s.surveyed_at <= TODAY)).toBe(true);
  });

  it('member_count matches the members listed except the quality-issue households', () => {
    for (const s of surveys) {
      const h = householdOf.get(s.household_ref) as DemoHousehold;
      expect(s.member_count).toBe(h.member_count);
      expect(s.latitude).toBe(h.latitude);
    }
  });

  it.each([
    ['ekstrem', 0.3],
    ['miskin', 0.25],
    ['tidak_miskin', 0.45],
  ])('classification by income per capita gives about %s %f', (klass, share) => {
    const count = surveys.filter((s) => classify(s) === klass).length;
    expect(Math.abs(count / surveys.length - share)).toBeLessThan(0.05);
  });

  it('answers stay in their value lists and ranges', () => {
    for (const s of surveys) {
      expect(s.monthly_income === null || s.monthly_income >= 0).toBe(true);
      expect(s.meals_per_day === null || [1, 2, 3].includes(s.meals_per_day)).toBe(true);
      expect(s.floor_area_m2 === null || s.floor_area_m2 > 0).toBe(true);
      expect((s.children_out_of_school ?? 0) >= 0 && (s.members_without_jkn ?? 0) >= 0).toBe(true);
    }
  });

  it('every seeded need rule fires for some ekstrem or miskin household', () => {
    const poor = surveys.filter((s) => ['ekstrem', 'miskin'].includes(classify(s)));
    const counts = readIndicators().map(
      (rule) => [rule.key, poor.filter((s) => fires(rule, s)).length] as const,
    );
    expect(counts.filter(([, count]) => count < 5)).toEqual([]);
  });
});
