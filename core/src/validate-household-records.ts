import { checkIdentityNumber } from './check-identity-number.ts';
import { checkSurveyTransition } from './transition-survey-status.ts';
import type { Actor, SurveyStatus } from './types.ts';

// Validation of households with their members and surveys written in bulk (the demo load), by the
// rules an interactive save obeys (DESIGN "Validation"; the field rules of scripts/schema/model.ts;
// the survey state machine): a set that passes here is one an operator and a verifier could have
// entered record by record.

type Loose = Readonly<Record<string, unknown>>;
export type HouseholdRecord = Loose & { ref: string };
export type MemberRecord = Loose & { household_ref: string };
export type SurveyRecord = Loose & { household_ref: string };

export type HouseholdRecordSet = {
  households: readonly HouseholdRecord[];
  members: readonly MemberRecord[];
  surveys: readonly SurveyRecord[];
};

export type RecordIssue = {
  collection: 'households' | 'household_members' | 'surveys';
  /** position in its list (0-based) */
  index: number;
  /** the household's ref (of the record itself or the one it points to) */
  ref: string;
  field: string | null;
  message: string;
};

export type RecordValidationContext = {
  /** codes of the desa/kelurahan that exist */
  desa: ReadonlySet<string>;
};

const STATUSES: readonly SurveyStatus[] = ['draft', 'submitted', 'verified', 'returned'];
const RELATIONS = ['kepala', 'pasangan', 'anak', 'menantu', 'cucu', 'orang_tua', 'lainnya'];
const SOURCES = ['p3ke', 'dtsen', 'new'];
const DISPOSITIONS = ['found', 'moved', 'deceased', 'split', 'merged', 'duplicate', 'not_found', 'new'];
/** How a survey reaches each status through the state machine, one save at a time. */
const PATH: Record<SurveyStatus, readonly [SurveyStatus | null, SurveyStatus, Actor][]> = {
  draft: [[null, 'draft', 'operator']],
  submitted: [[null, 'submitted', 'operator']],
  verified: [
    [null, 'submitted', 'operator'],
    ['submitted', 'verified', 'verifikator'],
  ],
  returned: [
    [null, 'submitted', 'operator'],
    ['submitted', 'returned', 'verifikator'],
  ],
};
/** survey fields with a lower bound (model.ts validation), and an upper bound where there is one */
const SURVEY_BOUNDS: readonly [field: string, min: number, max: number | null, integer: boolean][] = [
  ['monthly_income', 0, null, true],
  ['monthly_expenditure', 0, null, true],
  ['member_count', 1, null, true],
  ['unemployed_adults', 0, null, true],
  ['members_without_jkn', 0, null, true],
  ['children_out_of_school', 0, null, true],
  ['disabled_members', 0, null, true],
  ['members_without_nik', 0, null, true],
  ['meals_per_day', 1, 3, true],
];

const isBlank = (value: unknown): boolean =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

function isIsoDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/**
 * Every problem of the set, in order (empty: valid). Households: head name, an existing desa, a
 * well-formed No. KK (unique) and head NIK (one of its own members' NIKs), member_count >= 1, desil
 * 1-10, coordinates, source and disposition, related household. Members: their household, a
 * well-formed NIK that belongs to one member only, name, relation, sex, birth date. Surveys: their
 * household, one per household and round, a status reached by legal transitions (verified with who
 * and when, returned with a note), amounts >= 0 and counts in range.
 */
export function validateHouseholdRecords(
  records: HouseholdRecordSet,
  context: RecordValidationContext,
): RecordIssue[] {
  const issues: RecordIssue[] = [];
  const refs = new Set<string>();
  const noKk = new Set<string>();
  const niksOf = new Map<string, Set<string>>();

  records.members.forEach((m) => {
    if (typeof m['nik'] !== 'string') return;
    const set = niksOf.get(m.household_ref) ?? new Set<string>();
    set.add(m['nik']);
    niksOf.set(m.household_ref, set);
  });
  for (const h of records.households) refs.add(h.ref);

  const seenRefs = new Set<string>();
  records.households.forEach((h, index) => {
    const issue = (field: string | null, message: string): void => {
      issues.push({ collection: 'households', index, ref: h.ref, field, message });
    };
    if (h.ref.trim() === '' || seenRefs.has(h.ref))
      issue(null, `Rujukan rumah tangga "${h.ref}" kosong atau ganda.`);
    seenRefs.add(h.ref);
    if (isBlank(h['head_name'])) issue('head_name', 'Nama kepala keluarga wajib diisi.');
    const desa = h['desa'];
    if (typeof desa !== 'string' || !context.desa.has(desa))
      issue('desa', `Kode desa/kelurahan ${String(desa)} tidak dikenal.`);
    if (!isBlank(h['no_kk'])) {
      const check = checkIdentityNumber(h['no_kk'], 'no_kk');
      for (const e of check.errors) issue('no_kk', e.message);
      if (check.value !== null) {
        if (noKk.has(check.value))
          issue('no_kk', `No. KK ${check.value} dipakai lebih dari satu rumah tangga.`);
        noKk.add(check.value);
      }
    }
    if (!isBlank(h['head_nik'])) {
      const check = checkIdentityNumber(h['head_nik'], 'nik');
      for (const e of check.errors) issue('head_nik', e.message);
      if (check.value !== null && !(niksOf.get(h.ref)?.has(check.value) ?? false))
        issue('head_nik', 'NIK kepala keluarga harus NIK salah satu anggota rumah tangga itu.');
    }
    const count = h['member_count'];
    if (count !== null && count !== undefined && !(Number.isInteger(count) && Number(count) >= 1))
      issue('member_count', 'Jumlah anggota keluarga minimal 1.');
    for (const field of ['p3ke_decile', 'dtsen_decile']) {
      const value = h[field];
      if (
        value !== null &&
        value !== undefined &&
        !(Number.isInteger(value) && Number(value) >= 1 && Number(value) <= 10)
      )
        issue(field, 'Desil harus antara 1 dan 10.');
    }
    for (const [field, limit] of [
      ['latitude', 90],
      ['longitude', 180],
    ] as const) {
      const value = h[field];
      if (value !== null && value !== undefined && !(typeof value === 'number' && Math.abs(value) <= limit))
        issue(field, `Koordinat ${field === 'latitude' ? 'lintang' : 'bujur'} tidak sah.`);
    }
    if (!isBlank(h['source']) && !SOURCES.includes(String(h['source'])))
      issue('source', `Sumber data ${String(h['source'])} tidak dikenal.`);
    if (!isBlank(h['baseline_disposition']) && !DISPOSITIONS.includes(String(h['baseline_disposition'])))
      issue(
        'baseline_disposition',
        `Hasil verifikasi lapangan ${String(h['baseline_disposition'])} tidak dikenal.`,
      );
    const related = h['related_household_ref'];
    if (
      related !== null &&
      related !== undefined &&
      (typeof related !== 'string' || !refs.has(related) || related === h.ref)
    )
      issue('related_household', 'Rumah tangga terkait tidak ada dalam data ini.');
  });

  const niks = new Set<string>();
  records.members.forEach((m, index) => {
    const issue = (field: string | null, message: string): void => {
      issues.push({ collection: 'household_members', index, ref: m.household_ref, field, message });
    };
    if (!refs.has(m.household_ref))
      issue('household', `Rumah tangga "${m.household_ref}" tidak ada dalam data ini.`);
    if (!isBlank(m['nik'])) {
      const check = checkIdentityNumber(m['nik'], 'nik');
      for (const e of check.errors) issue('nik', e.message);
      if (check.value !== null) {
        if (niks.has(check.value)) issue('nik', `NIK ${check.value} terdaftar lebih dari sekali.`);
        niks.add(check.value);
      }
    }
    if (isBlank(m['name'])) issue('name', 'Nama anggota keluarga wajib diisi.');
    if (!RELATIONS.includes(String(m['relation'])))
      issue('relation', 'Hubungan dengan kepala keluarga wajib diisi.');
    if (!isBlank(m['sex']) && m['sex'] !== 'L' && m['sex'] !== 'P')
      issue('sex', 'Jenis kelamin harus L atau P.');
    if (!isBlank(m['birth_date']) && !isIsoDate(m['birth_date']))
      issue('birth_date', 'Tanggal lahir harus tanggal yang sah (TTTT-BB-HH).');
  });

  const rounds = new Set<string>();
  records.surveys.forEach((s, index) => {
    const issue = (field: string | null, message: string): void => {
      issues.push({ collection: 'surveys', index, ref: s.household_ref, field, message });
    };
    if (!refs.has(s.household_ref))
      issue('household', `Rumah tangga "${s.household_ref}" tidak ada dalam data ini.`);
    const round = s['round'];
    if (!Number.isInteger(round)) issue('round', 'Ronde (tahun) survei wajib diisi.');
    else {
      const key = `${s.household_ref}:${String(round)}`;
      if (rounds.has(key)) issue('round', `Rumah tangga ini sudah punya survei ronde ${String(round)}.`);
      rounds.add(key);
    }
    const status = s['status'];
    if (!STATUSES.includes(status as SurveyStatus)) {
      issue('status', 'Status survei tidak dikenal.');
    } else {
      const note = typeof s['return_note'] === 'string' ? s['return_note'] : null;
      for (const [from, to, actor] of PATH[status as SurveyStatus]) {
        const check = checkSurveyTransition({ from, to, actor, returnNote: note });
        if (!check.allowed) issue('status', check.message);
      }
      const stamped = !isBlank(s['verified_by']) && !isBlank(s['verified_at']);
      const unstamped = isBlank(s['verified_by']) && isBlank(s['verified_at']);
      if (status === 'verified' && !stamped)
        issue('verified_by', 'Survei terverifikasi harus mencatat siapa dan kapan memverifikasinya.');
      if (status !== 'verified' && !unstamped)
        issue('verified_by', 'Hanya survei terverifikasi yang mencatat pemverifikasi dan waktunya.');
    }
    if (!isBlank(s['surveyed_at']) && !isIsoDate(s['surveyed_at']))
      issue('surveyed_at', 'Tanggal survei harus tanggal yang sah (TTTT-BB-HH).');
    for (const [field, min, max, integer] of SURVEY_BOUNDS) {
      const value = s[field];
      if (value === null || value === undefined) continue;
      const ok =
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (!integer || Number.isInteger(value)) &&
        value >= min &&
        (max === null || value <= max);
      if (!ok)
        issue(field, `${field} harus ${max === null ? `minimal ${min}` : `antara ${min} dan ${max}`}.`);
    }
    const area = s['floor_area_m2'];
    if (area !== null && area !== undefined && !(typeof area === 'number' && area > 0))
      issue('floor_area_m2', 'Luas lantai harus lebih dari 0 m².');
  });

  return issues;
}
