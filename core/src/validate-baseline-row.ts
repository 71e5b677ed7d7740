import { checkIdentityNumber } from './check-identity-number.ts';
import { decodeDatePart } from './decode-date-part.ts';
import { normalizeDesaCode } from './normalize-desa-code.ts';
import type { BaselineColumn, BaselineIssue, BaselineRecord, BaselineRow, DesaRef } from './types.ts';

export type BaselineValidationContext = {
  /** every desa/kelurahan, keyed by its dotted code (63.11.07.2002) */
  desa: ReadonlyMap<string, DesaRef>;
  /** region of registration expected in NIK and No. KK, e.g. '6311' (a mismatch is a warning) */
  regionPrefix: string;
};

export type BaselineRowCheck = {
  /** the row in households' terms, null when there is an error */
  row: BaselineRow | null;
  errors: BaselineIssue[];
  warnings: BaselineIssue[];
};

const MAX_MEMBERS = 50;
const MAX_TEXT = 255;
const SCIENTIFIC = /^[+-]?\d+([.,]\d*)?\s*[eE]\s*[+-]?\d+$/;

/**
 * Validates one record of a baseline CSV. Every message is in Bahasa Indonesia and names the row,
 * the column, the value as written and what to do. Errors reject the row; warnings (NIK registered
 * outside the kabupaten, a number ending in 0000, an empty address) let it through.
 * The desa is looked up by its code only (with or without dots), never by name.
 */
export function validateBaselineRow(
  record: BaselineRecord,
  context: BaselineValidationContext,
): BaselineRowCheck {
  const errors: BaselineIssue[] = [];
  const warnings: BaselineIssue[] = [];
  const { row, values } = record;
  const at = (field: BaselineColumn, value: string): string =>
    value === ''
      ? `Baris ${row}, kolom ${field} (kosong)`
      : `Baris ${row}, kolom ${field} ("${shorten(value)}")`;
  const error = (field: BaselineColumn | null, code: string, message: string): void => {
    errors.push({ row, field, code, message });
  };
  const warning = (field: BaselineColumn, code: string, message: string): void => {
    warnings.push({ row, field, code, message });
  };

  if (record.malformed) {
    error(
      null,
      'unbalanced_quotes',
      `Baris ${row}: tanda kutip (") tidak seimbang sehingga isi baris ini tidak dapat dibaca dengan pasti. ` +
        `Perbaiki tanda kutip di baris ini, atau buka berkas di Excel lalu simpan ulang sebagai CSV.`,
    );
    return { row: null, errors, warnings };
  }
  if (record.overflow.length > 0) {
    error(
      null,
      'too_many_cells',
      `Baris ${row}: berisi lebih banyak kolom daripada baris judul (kelebihan "${shorten(record.overflow.join(' | '))}"). ` +
        `Kemungkinan ada tanda pemisah (koma atau titik koma) di dalam isian tanpa tanda kutip, misalnya di alamat. ` +
        `Apit isian itu dengan tanda kutip atau hapus tanda pemisahnya.`,
    );
    return { row: null, errors, warnings };
  }

  // id_keluarga (optional)
  const listId = values.id_keluarga;
  if (listId !== '' && SCIENTIFIC.test(listId)) {
    error(
      'id_keluarga',
      'scientific_notation',
      `${at('id_keluarga', listId)}: ID keluarga tertulis sebagai angka ilmiah sehingga digit terakhirnya hilang. ` +
        `Ketik ulang ID lengkap dari data P3KE/DTSEN; di Excel, format kolomnya sebagai Teks.`,
    );
  } else if (listId.length > 64) {
    error(
      'id_keluarga',
      'too_long',
      `${at('id_keluarga', listId)}: ID keluarga terlalu panjang (maksimal 64 karakter).`,
    );
  }

  // no_kk and nik_kepala
  const identity = (field: 'no_kk' | 'nik_kepala'): string | null => {
    const value = values[field];
    const kind = field === 'no_kk' ? 'no_kk' : 'nik';
    if (value === '') {
      error(
        field,
        'required',
        field === 'no_kk'
          ? `${at(field, value)}: No. KK wajib diisi 16 digit sesuai Kartu Keluarga. Keluarga yang belum punya KK didata lewat survei lapangan, bukan lewat impor.`
          : `${at(field, value)}: NIK kepala keluarga wajib diisi 16 digit sesuai KTP atau Kartu Keluarga.`,
      );
      return null;
    }
    const check = checkIdentityNumber(value, kind, { regionPrefix: context.regionPrefix });
    for (const issue of check.errors) error(field, issue.code, `${at(field, value)}: ${issue.message}`);
    for (const issue of check.warnings) {
      if (issue.code === 'outside_region' && kind === 'no_kk') continue;
      warning(field, issue.code, `${at(field, value)}: ${issue.message}`);
    }
    return check.value;
  };
  const noKk = identity('no_kk');
  const headNik = identity('nik_kepala');
  if (noKk !== null && headNik !== null && noKk === headNik) {
    error(
      'nik_kepala',
      'nik_equals_no_kk',
      `${at('nik_kepala', headNik)}: NIK kepala sama dengan No. KK. NIK adalah nomor di KTP kepala keluarga, ` +
        `bukan nomor Kartu Keluarga; ketik NIK yang benar.`,
    );
  }

  // nama_kepala
  const headName = values.nama_kepala.replace(/\s+/g, ' ').trim();
  if (headName === '') {
    error(
      'nama_kepala',
      'required',
      `${at('nama_kepala', headName)}: nama kepala keluarga wajib diisi sesuai KTP.`,
    );
  } else if (!/\p{L}/u.test(headName)) {
    error(
      'nama_kepala',
      'not_a_name',
      `${at('nama_kepala', headName)}: nama kepala keluarga harus berisi huruf. Periksa apakah kolomnya tertukar, lalu ketik nama sesuai KTP.`,
    );
  } else if (headName.length > MAX_TEXT) {
    error(
      'nama_kepala',
      'too_long',
      `${at('nama_kepala', headName)}: nama terlalu panjang (maksimal ${MAX_TEXT} karakter).`,
    );
  }

  // alamat (column required, value may be empty)
  const address = values.alamat.replace(/[ \t]+/g, ' ').trim();
  if (address === '') {
    warning(
      'alamat',
      'empty_address',
      `${at('alamat', address)}: alamat kosong; lengkapi saat verifikasi lapangan.`,
    );
  } else if (address.length > 1000) {
    error('alamat', 'too_long', `${at('alamat', address)}: alamat terlalu panjang (maksimal 1000 karakter).`);
  }

  // kode_desa
  const desaRaw = values.kode_desa;
  let desa: DesaRef | null = null;
  if (desaRaw === '') {
    error(
      'kode_desa',
      'required',
      `${at('kode_desa', desaRaw)}: kode desa/kelurahan wajib diisi dengan kode Kemendagri, mis. 63.11.07.2002 atau 6311072002.`,
    );
  } else {
    const code = normalizeDesaCode(desaRaw);
    if (code === null) {
      error(
        'kode_desa',
        /\p{L}/u.test(desaRaw) && !SCIENTIFIC.test(desaRaw) ? 'desa_by_name' : 'invalid_desa_code',
        desaCodeMessage(at('kode_desa', desaRaw), desaRaw, context),
      );
    } else {
      desa = context.desa.get(code) ?? null;
      if (desa === null) {
        error(
          'kode_desa',
          'unknown_desa',
          `${at('kode_desa', desaRaw)}: kode ${code} tidak ada dalam daftar desa/kelurahan wilayah ini. ` +
            `Periksa kodenya di daftar Wilayah > Desa/Kelurahan (kode Kemendagri 10 digit).`,
        );
      }
    }
  }

  // desil (optional)
  let decile: number | null = null;
  if (values.desil !== '') {
    const value = /^\d{1,3}$/.test(values.desil) ? Number(values.desil) : null;
    if (value === null || value < 1 || value > 10) {
      error(
        'desil',
        'invalid_decile',
        `${at('desil', values.desil)}: desil harus bilangan bulat 1 sampai 10, atau dikosongkan bila tidak ada.`,
      );
    } else {
      decile = value;
    }
  }

  // jumlah_anggota
  let memberCount: number | null = null;
  const members = values.jumlah_anggota;
  if (members === '') {
    error(
      'jumlah_anggota',
      'required',
      `${at('jumlah_anggota', members)}: jumlah anggota keluarga wajib diisi (minimal 1, kepala keluarga sendiri).`,
    );
  } else if (!/^\d{1,4}$/.test(members)) {
    error(
      'jumlah_anggota',
      'not_a_count',
      `${at('jumlah_anggota', members)}: jumlah anggota keluarga harus bilangan bulat, mis. 4.`,
    );
  } else if (Number(members) < 1) {
    error(
      'jumlah_anggota',
      'below_one',
      `${at('jumlah_anggota', members)}: jumlah anggota keluarga minimal 1 (kepala keluarga sendiri). Isi jumlah yang benar sesuai Kartu Keluarga.`,
    );
  } else if (Number(members) > MAX_MEMBERS) {
    error(
      'jumlah_anggota',
      'implausible_count',
      `${at('jumlah_anggota', members)}: lebih dari ${MAX_MEMBERS} anggota tidak masuk akal untuk satu keluarga. Periksa angkanya sesuai Kartu Keluarga.`,
    );
  } else {
    memberCount = Number(members);
  }

  if (errors.length > 0 || noKk === null || headNik === null || desa === null || memberCount === null) {
    return { row: null, errors, warnings };
  }
  return {
    row: {
      row,
      list_id: listId === '' ? null : listId,
      no_kk: noKk,
      head_nik: headNik,
      head_name: headName,
      address: address === '' ? null : address,
      desa: desa.code,
      kecamatan: desa.kecamatan,
      decile,
      member_count: memberCount,
      head_sex: decodeDatePart(headNik.slice(6, 12), 'nik')?.sex ?? null,
    },
    errors,
    warnings,
  };
}

function desaCodeMessage(prefix: string, raw: string, context: BaselineValidationContext): string {
  if (SCIENTIFIC.test(raw)) {
    return (
      `${prefix}: kode desa tertulis sebagai angka ilmiah sehingga digitnya hilang. ` +
      `Ketik ulang kode 10 digit (mis. 6311072002); di Excel, format kolomnya sebagai Teks.`
    );
  }
  if (/\p{L}/u.test(raw)) {
    const wanted = simplify(raw);
    const matches = [...context.desa.values()].filter((d) => simplify(d.name) === wanted);
    const hint =
      matches.length > 0
        ? ` Desa bernama itu berkode ${matches.map((d) => `${d.code} (kecamatan ${d.kecamatan})`).join(' atau ')}; tulis kode yang benar.`
        : '';
    return (
      `${prefix}: kolom kode_desa harus berisi kode Kemendagri (mis. 63.11.07.2002), bukan nama; ` +
      `desa tidak pernah dicocokkan dengan nama karena nama bisa kembar atau berbeda ejaan.${hint}`
    );
  }
  return `${prefix}: kode desa harus 10 digit, dengan atau tanpa titik (mis. 63.11.07.2002 atau 6311072002).`;
}

function simplify(name: string): string {
  return name
    .toLowerCase()
    .replace(/^(desa|kelurahan|kel\.|ds\.)\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function shorten(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}
