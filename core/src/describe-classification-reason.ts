import type { ClassificationReason } from './types.ts';

const TEXT: Record<ClassificationReason, string> = {
  no_poverty_line:
    'Belum ada garis kemiskinan untuk tahun survei ini atau tahun sebelumnya di wilayah ini. Administrator perlu mengisi garis kemiskinan.',
  missing_member_count: 'Jumlah anggota keluarga belum diisi pada survei. Lengkapi survei lalu ajukan ulang.',
  invalid_member_count:
    'Jumlah anggota keluarga harus bilangan bulat minimal 1. Perbaiki survei lalu ajukan ulang.',
  missing_income:
    'Total penghasilan keluarga per bulan belum diisi pada survei. Lengkapi survei lalu ajukan ulang.',
  missing_expenditure:
    'Total pengeluaran keluarga per bulan belum diisi pada survei, padahal klasifikasi memakai dasar pengeluaran. Lengkapi survei lalu ajukan ulang.',
  invalid_amount: 'Nilai penghasilan atau pengeluaran bukan angka rupiah. Perbaiki survei lalu ajukan ulang.',
  negative_amount:
    'Nilai penghasilan atau pengeluaran tidak boleh negatif. Perbaiki survei lalu ajukan ulang.',
};

/**
 * Bahasa Indonesia explanation of why a household is unclassified. null (classified) gives ''.
 * An unknown code (e.g. from a newer release) is shown as it is, after a generic sentence.
 */
export function describeClassificationReason(
  reason: ClassificationReason | string | null | undefined,
): string {
  if (reason === null || reason === undefined || reason === '') return '';
  if (Object.hasOwn(TEXT, reason)) return TEXT[reason as ClassificationReason];
  return `Belum dapat diklasifikasikan (${reason}).`;
}
