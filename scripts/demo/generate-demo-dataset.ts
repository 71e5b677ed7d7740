// Deterministic demo dataset for SIAP-PD: households, members and surveys shaped like the Directus
// collections (no ids: each household has a stable `ref`; members and surveys point to it with
// `household_ref`, and `related_household_ref` names the other side of a split, merge or duplicate).
// Everything is fake. The same options always give the same output.
import type { Desa } from '../seed/read-reference.ts';
import { createRandom, type Random } from './create-random.ts';
import {
  FAMILY_NAMES,
  FEMALE_FAMILY_NAMES,
  FEMALE_NAMES,
  MALE_NAMES,
  STREETS,
  SURVEY_RETURN_NOTES,
} from './demo-names.ts';

export type DemoClass = 'ekstrem' | 'miskin' | 'tidak_miskin';
export type Sex = 'L' | 'P';
export type Relation = 'kepala' | 'pasangan' | 'anak' | 'menantu' | 'cucu' | 'orang_tua' | 'lainnya';
export type Education = 'tidak_sekolah' | 'sd' | 'smp' | 'sma' | 'diploma' | 'sarjana';
export type SchoolStatus =
  'belum_sekolah' | 'sekolah' | 'tidak_sekolah_lagi' | 'putus_sekolah' | 'tidak_pernah';
export type JknStatus = 'pbi_apbn' | 'pbi_daerah' | 'mandiri_aktif' | 'mandiri_menunggak' | 'tidak_punya';
export type SurveyStatus = 'draft' | 'submitted' | 'verified' | 'returned';
export type BaselineDisposition =
  'found' | 'moved' | 'deceased' | 'split' | 'merged' | 'duplicate' | 'not_found' | 'new';

export type DemoHousehold = {
  ref: string;
  no_kk: string | null;
  head_nik: string;
  head_name: string;
  address: string;
  rt_rw: string;
  desa: string;
  kecamatan: string;
  latitude: number | null;
  longitude: number | null;
  member_count: number;
  source: 'p3ke' | 'new';
  p3ke_id: string | null;
  dtsen_id: string | null;
  p3ke_decile: number | null;
  dtsen_decile: number | null;
  baseline_disposition: BaselineDisposition;
  /** ref of the other side of a split, merge or duplicate (resolve to related_household after insert). */
  related_household_ref: string | null;
  is_demo: true;
};

export type DemoMember = {
  household_ref: string;
  desa: string;
  nik: string;
  name: string;
  relation: Relation;
  sex: Sex;
  birth_date: string;
  education: Education;
  school_status: SchoolStatus;
  working: boolean;
  disability: string[];
  jkn_status: JknStatus;
};

/** The survey answers, keys exactly as seed/reference/survey_variables.md. Null = not answered. */
export type SurveyAnswers = {
  monthly_income: number | null;
  monthly_expenditure: number | null;
  member_count: number | null;
  house_ownership: string | null;
  floor_area_m2: number | null;
  floor_type: string | null;
  wall_type: string | null;
  roof_type: string | null;
  toilet: string | null;
  drinking_water: string | null;
  lighting: string | null;
  cooking_fuel: string | null;
  meals_per_day: number | null;
  can_afford_clinic: boolean | null;
  jkn_status: JknStatus | null;
  members_without_jkn: number | null;
  children_out_of_school: number | null;
  unemployed_adults: number | null;
  has_micro_business: boolean | null;
  disabled_members: number | null;
  elderly_alone: boolean | null;
  stunting_risk: boolean | null;
  members_without_nik: number | null;
  aid_received: string[] | null;
  latitude: number | null;
  longitude: number | null;
};

export type DemoSurvey = SurveyAnswers & {
  household_ref: string;
  desa: string;
  round: number;
  surveyor: string;
  surveyed_at: string;
  status: SurveyStatus;
  verified_by: string | null;
  verified_at: string | null;
  return_note: string | null;
  photo: string | null;
};

export type DemoDataset = { households: DemoHousehold[]; members: DemoMember[]; surveys: DemoSurvey[] };

export type GenerateDemoDatasetOptions = {
  desa: readonly Pick<Desa, 'code' | 'kecamatan' | 'kind'>[];
  seed?: number;
  households?: number;
  round?: number;
  /** YYYY-MM-DD; all dates are on or before it. */
  today?: string;
  /** Rp per capita per month; defaults are Balangan 2025 (seed/reference/garis_kemiskinan.csv). */
  povertyLine?: number;
  extremeLine?: number;
};

/** Kabupaten Balangan, approximately. */
export const DEMO_BBOX = { minLat: -2.55, maxLat: -2.05, minLng: 115.35, maxLng: 115.85 } as const;

const KECAMATAN_CENTERS: Readonly<Record<string, readonly [number, number]>> = {
  '63.11.01': [-2.22, 115.56], // Juai
  '63.11.02': [-2.13, 115.67], // Halong
  '63.11.03': [-2.43, 115.55], // Awayan
  '63.11.04': [-2.44, 115.41], // Batu Mandi
  '63.11.05': [-2.35, 115.41], // Lampihong
  '63.11.06': [-2.32, 115.47], // Paringin
  '63.11.07': [-2.4, 115.47], // Paringin Selatan
  '63.11.08': [-2.45, 115.7], // Tebing Tinggi
};

const MIN_PER_DESA = 5;
const KELURAHAN_WEIGHT = 4;
const QUALITY_ISSUE_SHARE = 0.02;
/** Dispositions whose household was met in the field and so has a survey this round. */
const SURVEYED: ReadonlySet<BaselineDisposition> = new Set(['found', 'split', 'new']);
const DISABILITIES = ['fisik', 'netra', 'rungu', 'wicara', 'intelektual', 'mental'] as const;
const AID_ORDER = ['pkh', 'bpnt', 'pip', 'pbi_jkn', 'blt_dd', 'bsps', 'bpbl', 'lainnya'] as const;
const DRAFT_OPTIONAL_KEYS = [
  'monthly_expenditure',
  'floor_area_m2',
  'cooking_fuel',
  'lighting',
  'has_micro_business',
  'stunting_risk',
  'members_without_nik',
  'aid_received',
] as const;

type ByClass<T> = Readonly<Record<DemoClass, T>>;

const CLASS_SHARE: Readonly<Record<DemoClass, number>> = { ekstrem: 30, miskin: 25, tidak_miskin: 45 };

const HOUSE_OWNERSHIP: ByClass<Record<string, number>> = {
  ekstrem: { milik_sendiri: 76, sewa: 4, bebas_sewa: 14, dinas: 0, lainnya: 6 },
  miskin: { milik_sendiri: 80, sewa: 6, bebas_sewa: 10, dinas: 1, lainnya: 3 },
  tidak_miskin: { milik_sendiri: 84, sewa: 8, bebas_sewa: 4, dinas: 3, lainnya: 1 },
};
const FLOOR_TYPE: ByClass<Record<string, number>> = {
  ekstrem: { tanah: 18, bambu: 7, kayu_murah: 27, kayu_baik: 25, semen: 18, keramik: 5 },
  miskin: { tanah: 9, bambu: 4, kayu_murah: 20, kayu_baik: 32, semen: 25, keramik: 10 },
  tidak_miskin: { tanah: 2, bambu: 1, kayu_murah: 7, kayu_baik: 30, semen: 30, keramik: 30 },
};
const WALL_TYPE: ByClass<Record<string, number>> = {
  ekstrem: {
    bambu: 8,
    rumbia: 4,
    kayu_murah: 33,
    kayu_baik: 32,
    tembok_tanpa_plester: 14,
    tembok_plester: 9,
  },
  miskin: {
    bambu: 4,
    rumbia: 2,
    kayu_murah: 22,
    kayu_baik: 38,
    tembok_tanpa_plester: 16,
    tembok_plester: 18,
  },
  tidak_miskin: {
    bambu: 1,
    rumbia: 0,
    kayu_murah: 6,
    kayu_baik: 35,
    tembok_tanpa_plester: 13,
    tembok_plester: 45,
  },
};
const ROOF_TYPE: ByClass<Record<string, number>> = {
  ekstrem: { genteng_seng_beton: 78, sirap_kayu: 10, rumbia_daun: 12 },
  miskin: { genteng_seng_beton: 86, sirap_kayu: 8, rumbia_daun: 6 },
  tidak_miskin: { genteng_seng_beton: 94, sirap_kayu: 5, rumbia_daun: 1 },
};
const TOILET: ByClass<Record<string, number>> = {
  ekstrem: { sendiri: 45, bersama: 20, umum: 10, tidak_ada: 25 },
  miskin: { sendiri: 62, bersama: 15, umum: 7, tidak_ada: 16 },
  tidak_miskin: { sendiri: 88, bersama: 7, umum: 2, tidak_ada: 3 },
};
const DRINKING_WATER: ByClass<Record<string, number>> = {
  ekstrem: {
    kemasan: 1,
    isi_ulang: 12,
    leding: 10,
    sumur_bor: 12,
    sumur_terlindung: 15,
    sumur_tak_terlindung: 18,
    mata_air_terlindung: 4,
    mata_air_tak_terlindung: 8,
    air_permukaan: 12,
    air_hujan: 8,
  },
  miskin: {
    kemasan: 2,
    isi_ulang: 18,
    leding: 15,
    sumur_bor: 15,
    sumur_terlindung: 17,
    sumur_tak_terlindung: 12,
    mata_air_terlindung: 4,
    mata_air_tak_terlindung: 5,
    air_permukaan: 7,
    air_hujan: 5,
  },
  tidak_miskin: {
    kemasan: 8,
    isi_ulang: 35,
    leding: 25,
    sumur_bor: 15,
    sumur_terlindung: 9,
    sumur_tak_terlindung: 3,
    mata_air_terlindung: 2,
    mata_air_tak_terlindung: 1,
    air_permukaan: 1,
    air_hujan: 1,
  },
};
const LIGHTING: ByClass<Record<string, number>> = {
  ekstrem: { pln_meteran: 60, pln_numpang: 25, non_pln: 7, bukan_listrik: 8 },
  miskin: { pln_meteran: 72, pln_numpang: 20, non_pln: 4, bukan_listrik: 4 },
  tidak_miskin: { pln_meteran: 93, pln_numpang: 6, non_pln: 1, bukan_listrik: 0 },
};
const COOKING_FUEL: ByClass<Record<string, number>> = {
  ekstrem: { listrik: 0, lpg: 55, minyak_tanah: 5, kayu_bakar: 37, arang: 3 },
  miskin: { listrik: 1, lpg: 70, minyak_tanah: 4, kayu_bakar: 23, arang: 2 },
  tidak_miskin: { listrik: 3, lpg: 88, minyak_tanah: 1, kayu_bakar: 7, arang: 1 },
};
const MEALS: ByClass<Record<'1' | '2' | '3', number>> = {
  ekstrem: { '1': 4, '2': 31, '3': 65 },
  miskin: { '1': 1, '2': 19, '3': 80 },
  tidak_miskin: { '1': 0, '2': 5, '3': 95 },
};
const JKN: ByClass<Record<JknStatus, number>> = {
  ekstrem: { pbi_apbn: 45, pbi_daerah: 15, mandiri_aktif: 3, mandiri_menunggak: 7, tidak_punya: 30 },
  miskin: { pbi_apbn: 35, pbi_daerah: 15, mandiri_aktif: 8, mandiri_menunggak: 10, tidak_punya: 32 },
  tidak_miskin: { pbi_apbn: 20, pbi_daerah: 10, mandiri_aktif: 45, mandiri_menunggak: 8, tidak_punya: 17 },
};
/** m2 per person, uniform in [min, max). */
const FLOOR_AREA_PER_PERSON: ByClass<readonly [number, number]> = {
  ekstrem: [3.5, 14],
  miskin: [5, 18],
  tidak_miskin: [7, 30],
};
const ADULT_EDUCATION: ByClass<Record<Education, number>> = {
  ekstrem: { tidak_sekolah: 24, sd: 46, smp: 18, sma: 10, diploma: 1, sarjana: 1 },
  miskin: { tidak_sekolah: 15, sd: 42, smp: 23, sma: 17, diploma: 1, sarjana: 2 },
  tidak_miskin: { tidak_sekolah: 6, sd: 25, smp: 22, sma: 32, diploma: 5, sarjana: 10 },
};
const DECILE: ByClass<Record<'1' | '2' | '3' | '4', number>> = {
  ekstrem: { '1': 60, '2': 30, '3': 10, '4': 0 },
  miskin: { '1': 25, '2': 45, '3': 25, '4': 5 },
  tidak_miskin: { '1': 5, '2': 20, '3': 35, '4': 40 },
};
const HOUSEHOLD_SIZE: Readonly<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', number>> = {
  '1': 8,
  '2': 14,
  '3': 20,
  '4': 24,
  '5': 17,
  '6': 10,
  '7': 7,
};
const DISPOSITION: Readonly<Record<Exclude<BaselineDisposition, 'new'>, number>> = {
  found: 88,
  moved: 2.5,
  deceased: 1.5,
  split: 2.5,
  merged: 1.5,
  duplicate: 1.5,
  not_found: 2.5,
};
const STATUS: Readonly<Record<SurveyStatus, number>> = { verified: 70, submitted: 15, draft: 8, returned: 7 };

const DAY_MS = 86_400_000;

function parseDay(value: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) throw new Error(`not a YYYY-MM-DD date: ${value}`);
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (formatDay(time) !== value) throw new Error(`not a date: ${value}`);
  return time;
}

function formatDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** DDMMYY of a YYYY-MM-DD date; women's day + 40 (NIK rule; not for a KK issue date). */
function datePart(date: string, sex: Sex | null): string {
  const day = Number(date.slice(8, 10)) + (sex === 'P' ? 40 : 0);
  return `${pad(day, 2)}${date.slice(5, 7)}${date.slice(2, 4)}`;
}

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Splits `total` over items in proportion to `weights` (largest remainder; deterministic). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  const exact = weights.map((weight) => (sum > 0 ? (total * weight) / sum : 0));
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((acc, count) => acc + count, 0);
  const order = exact.map((value, index) => ({ index, rest: value - Math.floor(value) }));
  order.sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
    left -= 1;
  }
  return counts;
}

type Person = { relation: Relation; sex: Sex; age: number; name: string };

const FEMALE_SECOND_NAMES: readonly string[] = [
  ...FEMALE_NAMES.filter((name) => name !== 'Siti'),
  ...FEMALE_FAMILY_NAMES,
];

/** A fake name; sons sometimes carry their father's second name (familyName). */
function personName(random: Random, sex: Sex, familyName: string | null): string {
  const given = random.pick(sex === 'L' ? MALE_NAMES : FEMALE_NAMES);
  if (sex === 'L' && familyName !== null && random.chance(0.35)) return `${given} ${familyName}`;
  if (random.chance(0.5)) {
    const second = random.pick(sex === 'L' ? FAMILY_NAMES : FEMALE_SECOND_NAMES);
    if (second !== given) return `${given} ${second}`;
  }
  return given;
}

function composeFamily(random: Random, size: number): Person[] {
  const headSex: Sex = size === 1 ? (random.chance(0.55) ? 'P' : 'L') : random.chance(0.12) ? 'P' : 'L';
  const headAge =
    size === 1
      ? random.chance(0.6)
        ? random.int(60, 85)
        : random.int(24, 59)
      : size === 2
        ? random.int(22, 76)
        : random.int(27, 62);
  const headName = personName(random, headSex, null);
  const lastName = headName.split(' ').at(-1) ?? '';
  const familyName = headSex === 'L' && FAMILY_NAMES.includes(lastName) ? lastName : null;
  const people: Person[] = [{ relation: 'kepala', sex: headSex, age: headAge, name: headName }];
  let motherAge = headSex === 'P' ? headAge : headAge - random.int(0, 6);
  if (size >= 2 && headSex === 'L' && random.chance(0.93)) {
    const age = Math.max(18, headAge - random.int(0, 8));
    motherAge = age;
    people.push({ relation: 'pasangan', sex: 'P', age, name: personName(random, 'P', null) });
  }
  if (size - people.length >= 3 && random.chance(0.18)) {
    const sex: Sex = random.chance(0.65) ? 'P' : 'L';
    people.push({
      relation: 'orang_tua',
      sex,
      age: Math.min(95, headAge + random.int(21, 30)),
      name: personName(random, sex, null),
    });
  }
  const maxChildAge = Math.max(0, motherAge - 18);
  if (size - people.length >= 3 && maxChildAge >= 21 && random.chance(0.45)) {
    const childSex: Sex = random.chance(0.5) ? 'L' : 'P';
    const childAge = random.int(20, Math.min(maxChildAge, 40));
    people.push({
      relation: 'anak',
      sex: childSex,
      age: childAge,
      name: personName(random, childSex, familyName),
    });
    const inLawSex: Sex = childSex === 'L' ? 'P' : 'L';
    const inLawAge = Math.max(18, childAge + random.int(-3, 4));
    people.push({
      relation: 'menantu',
      sex: inLawSex,
      age: inLawAge,
      name: personName(random, inLawSex, null),
    });
    const youngMother = childSex === 'P' ? childAge : inLawAge;
    while (people.length < size) {
      const sex: Sex = random.chance(0.5) ? 'L' : 'P';
      const age = random.int(0, clamp(youngMother - 18, 0, 15));
      people.push({ relation: 'cucu', sex, age, name: personName(random, sex, null) });
    }
  }
  while (people.length < size) {
    const sex: Sex = random.chance(0.5) ? 'L' : 'P';
    if (random.chance(0.04)) {
      people.push({ relation: 'lainnya', sex, age: random.int(5, 30), name: personName(random, sex, null) });
      continue;
    }
    const age = random.int(0, Math.min(maxChildAge, 30));
    people.push({ relation: 'anak', sex, age, name: personName(random, sex, familyName) });
  }
  return people;
}

type Schooling = { education: Education; school_status: SchoolStatus };

function schooling(random: Random, age: number, klass: DemoClass): Schooling {
  if (age < 7)
    return {
      education: 'tidak_sekolah',
      school_status: age === 6 && random.chance(0.3) ? 'sekolah' : 'belum_sekolah',
    };
  if (age <= 18) {
    const inSchool = random.chance({ ekstrem: 0.86, miskin: 0.91, tidak_miskin: 0.97 }[klass]);
    const level: Education = age <= 12 ? 'tidak_sekolah' : age <= 15 ? 'sd' : 'smp';
    if (inSchool) return { education: level, school_status: 'sekolah' };
    if (random.chance(0.15)) return { education: 'tidak_sekolah', school_status: 'tidak_pernah' };
    return {
      education: age <= 13 ? 'tidak_sekolah' : random.chance(0.6) ? 'sd' : level,
      school_status: 'putus_sekolah',
    };
  }
  const weights = { ...ADULT_EDUCATION[klass] };
  if (age >= 55) {
    weights.tidak_sekolah *= 2;
    weights.sma /= 2;
    weights.sarjana /= 2;
  }
  const education = random.weighted(weights);
  if (education === 'tidak_sekolah') {
    return { education, school_status: random.chance(0.5) ? 'tidak_pernah' : 'tidak_sekolah_lagi' };
  }
  if (age <= 23 && education === 'sma' && random.chance(klass === 'tidak_miskin' ? 0.3 : 0.08)) {
    return { education, school_status: 'sekolah' };
  }
  return { education, school_status: 'tidak_sekolah_lagi' };
}

function isWorking(random: Random, person: Person, status: SchoolStatus, klass: DemoClass): boolean {
  if (person.age < 15 || status === 'sekolah') return false;
  if (person.age <= 18) return random.chance(0.35);
  if (person.age >= 60) return random.chance(0.35);
  switch (person.relation) {
    case 'kepala':
      return random.chance(
        person.sex === 'L' ? { ekstrem: 0.8, miskin: 0.88, tidak_miskin: 0.95 }[klass] : 0.7,
      );
    case 'pasangan':
      return random.chance(0.4);
    default:
      return random.chance({ ekstrem: 0.5, miskin: 0.6, tidak_miskin: 0.75 }[klass]);
  }
}

type Location = { lat: number; lng: number };

function kecamatanCenter(code: string, random: Random): Location {
  const known = KECAMATAN_CENTERS[code];
  if (known !== undefined) return { lat: known[0], lng: known[1] };
  return {
    lat: random.float(DEMO_BBOX.minLat + 0.05, DEMO_BBOX.maxLat - 0.05),
    lng: random.float(DEMO_BBOX.minLng + 0.05, DEMO_BBOX.maxLng - 0.05),
  };
}

function insideBox(location: Location): Location {
  return {
    lat: round6(clamp(location.lat, DEMO_BBOX.minLat + 0.005, DEMO_BBOX.maxLat - 0.005)),
    lng: round6(clamp(location.lng, DEMO_BBOX.minLng + 0.005, DEMO_BBOX.maxLng - 0.005)),
  };
}

export function generateDemoDataset({
  desa,
  seed = 20231101,
  households = 2000,
  round = 2025,
  today = '2025-11-01',
  povertyLine = 544169,
  extremeLine = 391000,
}: GenerateDemoDatasetOptions): DemoDataset {
  if (!Number.isInteger(households) || households < 0) throw new Error('households must be an integer >= 0');
  if (desa.length === 0) throw new Error('desa must not be empty');
  if (!(extremeLine < povertyLine)) throw new Error('extremeLine must be below povertyLine');
  const random = createRandom(seed);
  const todayTime = parseDay(today);
  const used = new Set<string>();

  const uniqueNumber = (prefix: string): string => {
    for (let attempt = 0; attempt < 100_000; attempt += 1) {
      // Serials cluster at low numbers, as real ones do; never 0000.
      const serial = 1 + Math.floor(random.next() ** 3 * 9999);
      const value = `${prefix}${pad(serial, 4)}`;
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
    throw new Error(`no free serial for ${prefix}`);
  };

  const birthDate = (age: number): string => {
    const date = new Date(todayTime);
    const anniversary = Date.UTC(date.getUTCFullYear() - age, date.getUTCMonth(), date.getUTCDate());
    return formatDay(anniversary - random.int(1, 364) * DAY_MS);
  };

  // Class boundaries with margins, so rounding the income to Rp 5,000 never changes the class.
  const incomeRange: ByClass<readonly [number, number]> = {
    ekstrem: [Math.round(extremeLine * 0.3), extremeLine - 8_000],
    miskin: [extremeLine + 5_000, povertyLine - 6_000],
    tidak_miskin: [povertyLine + 10_000, povertyLine * 2],
  };

  const ordered = [...desa].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const weights = ordered.map((d) => (d.kind === 'kelurahan' ? KELURAHAN_WEIGHT : random.float(0.5, 1.5)));
  const counts =
    households >= MIN_PER_DESA * ordered.length
      ? apportion(households - MIN_PER_DESA * ordered.length, weights).map((extra) => extra + MIN_PER_DESA)
      : apportion(
          households,
          ordered.map(() => 1),
        );

  const centers = new Map<string, Location>();
  const out: DemoDataset = { households: [], members: [], surveys: [] };
  let sequence = 0;

  ordered.forEach((place, desaIndex) => {
    const count = counts[desaIndex] ?? 0;
    let center = centers.get(place.kecamatan);
    if (center === undefined) {
      center = kecamatanCenter(place.kecamatan, random);
      centers.set(place.kecamatan, center);
    }
    const spread = place.kind === 'kelurahan' ? 0.012 : 0.035;
    const desaCenter = {
      lat: center.lat + random.float(-spread, spread),
      lng: center.lng + random.float(-spread, spread),
    };
    const region = place.kecamatan.replaceAll('.', '').slice(0, 6);
    const desaDigits = place.code.replaceAll('.', '');
    const surveyors = [personName(random, 'P', null), personName(random, 'L', null)];
    const inDesa: DemoHousehold[] = [];

    for (let i = 0; i < count; i += 1) {
      sequence += 1;
      const ref = `demo-${pad(sequence, 6)}`;
      const klass = random.weighted(CLASS_SHARE);
      const source = random.chance(0.9) ? 'p3ke' : 'new';
      let disposition: BaselineDisposition = source === 'new' ? 'new' : random.weighted(DISPOSITION);
      let related: string | null = null;
      if (disposition === 'duplicate' || disposition === 'merged') {
        const candidates = inDesa.filter((h) => h.baseline_disposition === 'found');
        if (candidates.length === 0) disposition = 'found';
        else related = random.pick(candidates).ref;
      }

      const size = Number(random.weighted(HOUSEHOLD_SIZE));
      const family = composeFamily(random, size);
      const baseJkn = random.weighted(JKN[klass]);
      const members: DemoMember[] = family.map((person) => {
        const birth = birthDate(person.age);
        const school = schooling(random, person.age, klass);
        const disabled = random.chance(
          { ekstrem: 0.045, miskin: 0.035, tidak_miskin: 0.02 }[klass] * (person.age >= 60 ? 2.5 : 1),
        );
        const disability: string[] = [];
        if (disabled) {
          disability.push(random.pick(DISABILITIES));
          if (random.chance(0.1)) {
            const second = random.pick(DISABILITIES);
            if (!disability.includes(second)) disability.push(second);
          }
        }
        const jkn: JknStatus =
          person.age === 0 && random.chance(0.5)
            ? 'tidak_punya'
            : random.chance(0.85)
              ? baseJkn
              : random.weighted(JKN[klass]);
        return {
          household_ref: ref,
          desa: place.code,
          nik: uniqueNumber(`${region}${datePart(birth, person.sex)}`),
          name: person.name,
          relation: person.relation,
          sex: person.sex,
          birth_date: birth,
          education: school.education,
          school_status: school.school_status,
          working: isWorking(random, person, school.school_status, klass),
          disability,
          jkn_status: jkn,
        };
      });
      const head = members[0];
      if (head === undefined) throw new Error('a household has at least one member');

      // Issued since 2012 (e-KTP era), after the head turned 17, at least a week before today.
      const headBirth = parseDay(head.birth_date);
      const headAdult = Date.UTC(new Date(headBirth).getUTCFullYear() + 17, 0, 1);
      const issuedFrom = Math.max(Date.UTC(2012, 0, 1), headAdult);
      const issuedDays = Math.max(0, Math.floor((todayTime - 7 * DAY_MS - issuedFrom) / DAY_MS));
      const kkIssued = formatDay(issuedFrom + random.int(0, issuedDays) * DAY_MS);
      const noKk = uniqueNumber(`${region}${datePart(kkIssued, null)}`);
      const rt = pad(random.int(1, 12), 3);
      const rw = pad(random.int(1, 4), 3);
      const location = insideBox({
        lat: desaCenter.lat + random.float(-0.006, 0.006),
        lng: desaCenter.lng + random.float(-0.006, 0.006),
      });

      const qualityIssue = random.chance(QUALITY_ISSUE_SHARE)
        ? random.chance(0.5)
          ? 'member_count'
          : 'coordinates'
        : null;
      const memberCount =
        qualityIssue === 'member_count'
          ? members.length === 1 || random.chance(0.5)
            ? members.length + 1
            : members.length - 1
          : members.length;
      const latitude = qualityIssue === 'coordinates' ? null : location.lat;
      const longitude = qualityIssue === 'coordinates' ? null : location.lng;

      const household: DemoHousehold = {
        ref,
        no_kk: noKk,
        head_nik: head.nik,
        head_name: head.name,
        address: `Jl. ${random.pick(STREETS)} No. ${random.int(1, 150)} RT ${rt}/RW ${rw}`,
        rt_rw: `${rt}/${rw}`,
        desa: place.code,
        kecamatan: place.kecamatan,
        latitude,
        longitude,
        member_count: memberCount,
        source,
        p3ke_id: source === 'p3ke' ? `P3KE-${desaDigits}-${pad(i + 1, 5)}` : null,
        dtsen_id: null,
        p3ke_decile: source === 'p3ke' ? Number(random.weighted(DECILE[klass])) : null,
        dtsen_decile: null,
        baseline_disposition: disposition,
        related_household_ref: related,
        is_demo: true,
      };
      inDesa.push(household);
      out.households.push(household);
      out.members.push(...members);

      if (!SURVEYED.has(disposition)) continue;

      const ageOf = (member: DemoMember): number => family[members.indexOf(member)]?.age ?? 0;
      const [low, high] = incomeRange[klass];
      const perCapita =
        klass === 'tidak_miskin' && random.chance(0.35)
          ? random.float(high, high * 2.2)
          : random.float(low, high);
      const income = roundTo(perCapita * memberCount, 5_000);
      const hasYoungChild = members.some((m) => ageOf(m) < 2);
      const hasUnderFive = members.some((m) => ageOf(m) < 5);
      const hasWomanOfChildbearingAge = members.some(
        (m) => m.sex === 'P' && ageOf(m) >= 18 && ageOf(m) <= 40 && m.relation !== 'anak',
      );
      const elderlyAlone =
        members.length === 1
          ? ageOf(head) >= 60 && random.chance(0.85)
          : members.every((m) => ageOf(m) >= 65) && random.chance(0.2);
      const aid = new Set<string>();
      const poor = klass !== 'tidak_miskin';
      if (
        members.some((m) => ageOf(m) < 18 || ageOf(m) >= 60) &&
        random.chance({ ekstrem: 0.55, miskin: 0.4, tidak_miskin: 0.06 }[klass])
      )
        aid.add('pkh');
      if (random.chance({ ekstrem: 0.6, miskin: 0.5, tidak_miskin: 0.08 }[klass])) aid.add('bpnt');
      if (
        members.some((m) => m.school_status === 'sekolah' && ageOf(m) >= 6 && ageOf(m) <= 18) &&
        random.chance(poor ? 0.45 : 0.08)
      )
        aid.add('pip');
      if (members.some((m) => m.jkn_status === 'pbi_apbn' || m.jkn_status === 'pbi_daerah'))
        aid.add('pbi_jkn');
      if (random.chance({ ekstrem: 0.3, miskin: 0.2, tidak_miskin: 0.03 }[klass])) aid.add('blt_dd');
      if (random.chance(poor ? 0.02 : 0.005)) aid.add('bsps');
      if (random.chance(poor ? 0.03 : 0.005)) aid.add('bpbl');
      if (random.chance(0.05)) aid.add('lainnya');

      const answers: SurveyAnswers = {
        monthly_income: income,
        monthly_expenditure: random.chance(0.8)
          ? Math.max(100_000, roundTo(income * random.float(0.85, 1.25), 5_000))
          : null,
        member_count: memberCount,
        house_ownership: random.weighted(HOUSE_OWNERSHIP[klass]),
        floor_area_m2: Math.max(12, Math.round(memberCount * random.float(...FLOOR_AREA_PER_PERSON[klass]))),
        floor_type: random.weighted(FLOOR_TYPE[klass]),
        wall_type: random.weighted(WALL_TYPE[klass]),
        roof_type: random.weighted(ROOF_TYPE[klass]),
        toilet: random.weighted(TOILET[klass]),
        drinking_water: random.weighted(DRINKING_WATER[klass]),
        lighting: random.weighted(LIGHTING[klass]),
        cooking_fuel: random.weighted(COOKING_FUEL[klass]),
        meals_per_day: Number(random.weighted(MEALS[klass])),
        can_afford_clinic: !random.chance({ ekstrem: 0.45, miskin: 0.3, tidak_miskin: 0.08 }[klass]),
        jkn_status: head.jkn_status,
        members_without_jkn: members.filter(
          (m) => m.jkn_status === 'tidak_punya' || m.jkn_status === 'mandiri_menunggak',
        ).length,
        children_out_of_school: members.filter(
          (m) =>
            ageOf(m) >= 7 &&
            ageOf(m) <= 18 &&
            (m.school_status === 'putus_sekolah' || m.school_status === 'tidak_pernah'),
        ).length,
        unemployed_adults: members.filter(
          (m) =>
            ageOf(m) >= 18 &&
            ageOf(m) <= 59 &&
            !m.working &&
            m.school_status !== 'sekolah' &&
            m.relation !== 'pasangan',
        ).length,
        has_micro_business: random.chance({ ekstrem: 0.2, miskin: 0.25, tidak_miskin: 0.3 }[klass]),
        disabled_members: members.filter((m) => m.disability.length > 0).length,
        elderly_alone: elderlyAlone,
        stunting_risk: hasYoungChild
          ? random.chance({ ekstrem: 0.5, miskin: 0.35, tidak_miskin: 0.12 }[klass])
          : hasWomanOfChildbearingAge &&
            random.chance({ ekstrem: 0.06, miskin: 0.04, tidak_miskin: 0.01 }[klass]),
        members_without_nik:
          hasUnderFive && random.chance({ ekstrem: 0.2, miskin: 0.12, tidak_miskin: 0.04 }[klass])
            ? random.chance(0.85)
              ? 1
              : 2
            : random.chance(0.01)
              ? 1
              : 0,
        aid_received: AID_ORDER.filter((item) => aid.has(item)),
        latitude,
        longitude,
      };

      const status = random.weighted(STATUS);
      if (status === 'draft') {
        const blanks = random.int(1, 4);
        for (let b = 0; b < blanks; b += 1) answers[random.pick(DRAFT_OPTIONAL_KEYS)] = null;
      }
      const surveyedTime = todayTime - random.int(3, 90) * DAY_MS;
      const verifiedTime = Math.min(todayTime, surveyedTime + random.int(1, 14) * DAY_MS);
      out.surveys.push({
        household_ref: ref,
        desa: place.code,
        round,
        surveyor: random.pick(surveyors),
        surveyed_at: formatDay(surveyedTime),
        status,
        verified_by: null,
        verified_at:
          status === 'verified'
            ? `${formatDay(verifiedTime)}T${pad(random.int(1, 9), 2)}:${pad(random.int(0, 59), 2)}:00.000Z`
            : null,
        return_note: status === 'returned' ? random.pick(SURVEY_RETURN_NOTES) : null,
        photo: null,
        ...answers,
      });
    }

    // A split household's other side is a household new to the list in the same desa.
    const fresh = inDesa.filter((h) => h.baseline_disposition === 'new' && h.related_household_ref === null);
    for (const split of inDesa.filter((h) => h.baseline_disposition === 'split')) {
      const other = fresh.shift();
      if (other === undefined) break;
      split.related_household_ref = other.ref;
      other.related_household_ref = split.ref;
    }
  });

  return out;
}
