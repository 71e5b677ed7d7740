import type { BoundingBox, QualityFlag } from './types.ts';

export type QualityMember = { nik: string | null; name: string | null; relation: string | null };

export type QualityInput = {
  no_kk: string | null;
  head_nik: string | null;
  head_name: string | null;
  member_count: number | null;
  latitude: number | null;
  longitude: number | null;
  members: readonly QualityMember[];
  /** the household has a survey: from then on its member list is expected to be complete */
  surveyed: boolean;
  /** coordinates of its latest survey, used when the household itself has none */
  survey_latitude?: number | null;
  survey_longitude?: number | null;
};

export type QualitySettings = {
  /** region of registration, e.g. '63.11' or '6311' (dots ignored); empty disables the NIK region check */
  regionCode: string;
  bbox: BoundingBox;
};

export type QualityFinding = { flag: QualityFlag; message: string };

const ORDER: readonly QualityFlag[] = [
  'nik_outside_region',
  'coordinates_outside_region',
  'member_count_mismatch',
  'nik_ends_with_0000',
  'no_kk_missing',
];

/**
 * The soft data-quality findings of a household (DESIGN.md "Validation"): they never block a save,
 * they are stored as quality_flags and listed for follow-up. Each finding says what to check.
 * - nik_outside_region: the head's or a member's NIK is registered outside the kabupaten;
 * - coordinates_outside_region: its point (or its latest survey's) lies outside the bounding box;
 * - member_count_mismatch: members listed differ from member_count, once the list is meant to be
 *   complete (the household has a survey or more than the head listed; an import lists only the head);
 * - nik_ends_with_0000: a NIK or the No. KK ends in 0000, as Excel truncation leaves it;
 * - no_kk_missing: the family has no No. KK.
 * Messages never repeat a whole NIK (some roles may not read NIKs).
 */
export function computeQualityFlags(
  input: QualityInput,
  settings: QualitySettings,
): { flags: QualityFlag[]; findings: QualityFinding[] } {
  const findings: QualityFinding[] = [];
  const prefix = settings.regionCode.replace(/\D/g, '');

  const people: { nik: string; who: string }[] = [];
  const seen = new Set<string>();
  const add = (nik: string | null, who: string): void => {
    const value = (nik ?? '').trim();
    if (!/^\d{16}$/.test(value) || seen.has(value)) return;
    seen.add(value);
    people.push({ nik: value, who });
  };
  add(input.head_nik, `kepala keluarga${input.head_name ? ` (${input.head_name})` : ''}`);
  for (const member of input.members) {
    add(
      member.nik,
      `${member.relation === 'kepala' ? 'kepala keluarga' : 'anggota'}${member.name ? ` ${member.name}` : ''}`,
    );
  }

  if (prefix !== '') {
    const outside = people.filter((p) => !p.nik.startsWith(prefix));
    if (outside.length > 0) {
      findings.push({
        flag: 'nik_outside_region',
        message:
          `NIK ${outside.map((p) => `${p.who} terdaftar di wilayah ${p.nik.slice(0, 6)}`).join('; ')}, di luar kabupaten ini. ` +
          `Bukan kesalahan bila keluarga pindah; pastikan NIK sesuai KTP/KK dan catat perpindahannya.`,
      });
    }
  }

  const latitude = input.latitude ?? input.survey_latitude ?? null;
  const longitude = input.longitude ?? input.survey_longitude ?? null;
  const { minLat, maxLat, minLng, maxLng } = settings.bbox;
  if (
    latitude !== null &&
    longitude !== null &&
    minLat !== null &&
    maxLat !== null &&
    minLng !== null &&
    maxLng !== null &&
    (latitude < minLat || latitude > maxLat || longitude < minLng || longitude > maxLng)
  ) {
    findings.push({
      flag: 'coordinates_outside_region',
      message:
        `Koordinat (${latitude}, ${longitude}) di luar batas kabupaten (lintang ${minLat} s.d. ${maxLat}, ` +
        `bujur ${minLng} s.d. ${maxLng}). Periksa titik lokasi rumah; mungkin lintang dan bujur tertukar atau tanda minus hilang.`,
    });
  }

  const listed = input.members.length;
  if (input.member_count !== null && (input.surveyed || listed > 1) && listed !== input.member_count) {
    findings.push({
      flag: 'member_count_mismatch',
      message:
        `Jumlah anggota keluarga tercatat ${input.member_count}, tetapi anggota yang terdaftar ${listed}. ` +
        `Lengkapi daftar anggota atau perbaiki jumlah anggota sesuai Kartu Keluarga.`,
    });
  }

  const truncated = people.filter((p) => p.nik.endsWith('0000')).map((p) => `NIK ${p.who}`);
  if (/^\d{12}0000$/.test(input.no_kk ?? '')) truncated.unshift('No. KK');
  if (truncated.length > 0) {
    findings.push({
      flag: 'nik_ends_with_0000',
      message:
        `${truncated.join(', ')} berakhiran 0000, ciri angka yang terpotong oleh Excel. ` +
        `Cocokkan dengan KTP/Kartu Keluarga dan ketik ulang bila berbeda.`,
    });
  }

  if ((input.no_kk ?? '').trim() === '') {
    findings.push({
      flag: 'no_kk_missing',
      message:
        'Keluarga belum punya No. KK. Bantu pengurusan Kartu Keluarga ke Disdukcapil, lalu isi No. KK-nya.',
    });
  }

  findings.sort((a, b) => ORDER.indexOf(a.flag) - ORDER.indexOf(b.flag));
  return { flags: findings.map((f) => f.flag), findings };
}
