/** Indonesian labels of the stored choice values (the same as the data model's choices). */

export const SOURCE_LABELS: Record<string, string> = {
  p3ke: 'P3KE',
  dtsen: 'DTSEN',
  new: 'Baru (temuan lapangan)',
};

export const DISPOSITION_LABELS: Record<string, string> = {
  found: 'Ditemukan',
  moved: 'Pindah',
  deceased: 'Meninggal',
  split: 'Pisah KK',
  merged: 'Gabung KK',
  duplicate: 'Ganda',
  not_found: 'Tidak ditemukan',
  new: 'Baru',
};

export const BASIS_LABELS: Record<string, string> = {
  income: 'Pendapatan',
  expenditure: 'Pengeluaran',
};

export const RELATION_LABELS: Record<string, string> = {
  kepala: 'Kepala keluarga',
  pasangan: 'Istri/suami',
  anak: 'Anak',
  menantu: 'Menantu',
  cucu: 'Cucu',
  orang_tua: 'Orang tua/mertua',
  lainnya: 'Lainnya',
};

export const SEX_LABELS: Record<string, string> = { L: 'Laki-laki', P: 'Perempuan' };

export const EDUCATION_LABELS: Record<string, string> = {
  tidak_sekolah: 'Tidak/belum punya ijazah',
  sd: 'SD/sederajat',
  smp: 'SMP/sederajat',
  sma: 'SMA/sederajat',
  diploma: 'Diploma',
  sarjana: 'Sarjana ke atas',
};

export const SCHOOL_STATUS_LABELS: Record<string, string> = {
  belum_sekolah: 'Belum sekolah',
  sekolah: 'Masih sekolah',
  tidak_sekolah_lagi: 'Tidak sekolah lagi',
  putus_sekolah: 'Putus sekolah',
  tidak_pernah: 'Tidak pernah sekolah',
};

export const JKN_LABELS: Record<string, string> = {
  pbi_apbn: 'PBI APBN',
  pbi_daerah: 'PBI Daerah',
  mandiri_aktif: 'Mandiri aktif',
  mandiri_menunggak: 'Mandiri menunggak',
  tidak_punya: 'Tidak punya',
};

export const INTERVENTION_STATUS_LABELS: Record<string, string> = {
  planned: 'Direncanakan',
  budgeted: 'Dianggarkan',
  in_progress: 'Berjalan',
  completed: 'Selesai',
  cancelled: 'Dibatalkan',
};

export const QUALITY_FLAG_LABELS: Record<string, string> = {
  nik_outside_region: 'NIK terdaftar di luar kabupaten',
  coordinates_outside_region: 'Koordinat di luar kabupaten',
  member_count_mismatch: 'Jumlah anggota berbeda dengan daftar anggota',
  nik_ends_with_0000: 'NIK berakhiran 0000 (terpotong Excel)',
  no_kk_missing: 'Belum punya KK',
};

export const DISABILITY_LABELS: Record<string, string> = {
  fisik: 'Fisik',
  intelektual: 'Intelektual',
  mental: 'Mental',
  sensorik: 'Sensorik',
};

/** The label of a stored value, the value itself when unknown, null when empty. */
export function labelOf(labels: Record<string, string>, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const key = String(value);
  return labels[key] ?? key;
}

/** Labels of a JSON list value (["fisik","mental"] or a CSV string), joined with commas; null when empty. */
export function labelsOf(labels: Record<string, string>, value: unknown): string | null {
  let items: unknown[] = [];
  if (Array.isArray(value)) items = value;
  else if (typeof value === 'string' && value.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(value);
      items = Array.isArray(parsed) ? parsed : [value];
    } catch {
      items = value.split(',');
    }
  }
  const texts = items
    .map((item) => labelOf(labels, typeof item === 'string' ? item.trim() : item))
    .filter((text) => text !== null);
  return texts.length === 0 ? null : texts.join(', ');
}

/** "Ya" / "Tidak" for booleans, null when unknown. */
export function yesNo(value: unknown): string | null {
  if (value === true || value === 1 || value === '1' || value === 'true') return 'Ya';
  if (value === false || value === 0 || value === '0' || value === 'false') return 'Tidak';
  return null;
}
