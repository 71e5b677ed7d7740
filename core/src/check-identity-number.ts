import { decodeDatePart } from './decode-date-part.ts';
import type { IdentityCheck, IdentityIssue, IdentityKind } from './types.ts';

export type CheckIdentityOptions = {
  /** region of registration expected, e.g. '6311' or '63.11' (Kabupaten Balangan); dots are ignored */
  regionPrefix?: string;
};

const SCIENTIFIC = /^[+-]?\d+([.,]\d*)?\s*[eE]\s*[+-]?\d+$/;
const LABEL: Record<IdentityKind, string> = { nik: 'NIK', no_kk: 'No. KK' };
const DOCUMENT: Record<IdentityKind, string> = { nik: 'KTP atau Kartu Keluarga', no_kk: 'Kartu Keluarga' };

/**
 * Checks a NIK or No. KK as typed or imported. Errors block a save; warnings become quality flags.
 * Empty input (null, undefined, blank) gives value null with no errors: whether the number is
 * required is the caller's decision. `value` is the trimmed 16-digit text only when there is no error.
 * Spreadsheet damage (6.3110E+15, dropped digits) is an error and is never "fixed".
 */
export function checkIdentityNumber(
  raw: unknown,
  kind: IdentityKind,
  options: CheckIdentityOptions = {},
): IdentityCheck {
  const label = LABEL[kind];
  const document = DOCUMENT[kind];
  const fail = (code: string, message: string): IdentityCheck => ({
    value: null,
    errors: [{ code, message }],
    warnings: [],
  });

  if (raw === null || raw === undefined) return { value: null, errors: [], warnings: [] };

  let text: string;
  if (typeof raw === 'string') {
    text = raw.trim();
  } else if (typeof raw === 'number' || typeof raw === 'bigint') {
    if (typeof raw === 'number' && Number.isInteger(raw) && !Number.isSafeInteger(raw)) {
      return fail(
        'imprecise_number',
        `${label} tersimpan sebagai angka yang terlalu besar sehingga digit terakhirnya tidak pasti. ` +
          `Ketik ulang ${label} 16 digit dari ${document} sebagai teks.`,
      );
    }
    text = String(raw);
  } else {
    return fail('not_digits', `${label} harus berupa 16 digit angka. Ketik ulang sesuai ${document}.`);
  }

  if (text === '') return { value: null, errors: [], warnings: [] };

  if (SCIENTIFIC.test(text)) {
    return fail(
      'scientific_notation',
      `${label} tertulis sebagai angka ilmiah (${text}) sehingga digit terakhirnya hilang. ` +
        `Ketik ulang ${label} lengkap 16 digit dari ${document}; di Excel, format kolomnya sebagai Teks.`,
    );
  }
  if (!/^\d+$/.test(text)) {
    return fail(
      'not_digits',
      `${label} hanya boleh berisi angka 0-9, tanpa spasi, titik, tanda kutip, atau huruf. ` +
        `Ketik ulang sesuai ${document}.`,
    );
  }
  if (text.length < 16) {
    return fail(
      'wrong_length',
      `${label} harus 16 digit, yang terisi hanya ${text.length} digit (mungkin terpotong). ` +
        `Ketik ulang ${label} lengkap dari ${document}.`,
    );
  }
  if (text.length > 16) {
    return fail(
      'wrong_length',
      `${label} harus 16 digit, yang terisi ${text.length} digit. Periksa dan ketik ulang sesuai ${document}.`,
    );
  }

  const errors: IdentityIssue[] = [];
  const warnings: IdentityIssue[] = [];

  const province = Number(text.slice(0, 2));
  if (province < 11 || province > 96) {
    errors.push({
      code: 'invalid_province',
      message:
        `Dua digit pertama ${label} (${text.slice(0, 2)}) bukan kode provinsi yang ada. ` +
        `Periksa dan ketik ulang sesuai ${document}.`,
    });
  }

  const datePart = text.slice(6, 12);
  if (decodeDatePart(datePart, kind) === null) {
    errors.push({
      code: 'impossible_date',
      message:
        kind === 'nik'
          ? `Digit ke-7 sampai ke-12 NIK (${datePart}) bukan tanggal lahir yang mungkin ` +
            `(tanggal 01-31 untuk laki-laki atau 41-71 untuk perempuan, bulan 01-12). Periksa dan ketik ulang sesuai ${document}.`
          : `Digit ke-7 sampai ke-12 No. KK (${datePart}) bukan tanggal terbit yang mungkin ` +
            `(tanggal 01-31, bulan 01-12). Periksa dan ketik ulang sesuai ${document}.`,
    });
  }

  const prefix = (options.regionPrefix ?? '').replace(/\D/g, '');
  if (prefix !== '' && !text.startsWith(prefix)) {
    warnings.push({
      code: 'outside_region',
      message:
        `${label} terdaftar di luar wilayah ini (kode ${text.slice(0, prefix.length)}, bukan ${prefix}). ` +
        `Bukan kesalahan bila keluarga pindah; pastikan sesuai ${document}.`,
    });
  }
  if (text.endsWith('0000')) {
    warnings.push({
      code: 'ends_with_0000',
      message:
        `${label} berakhir dengan 0000, ciri angka yang terpotong oleh Excel. ` +
        `Cocokkan dengan ${document} dan ketik ulang bila berbeda.`,
    });
  }

  return { value: errors.length === 0 ? text : null, errors, warnings };
}
