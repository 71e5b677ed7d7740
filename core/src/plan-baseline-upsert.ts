import type { BaselineIssue, BaselineRow, BaselineSource, Sex } from './types.ts';

/** A household already stored whose no_kk appears in the file, as the plan needs it. */
export type ExistingBaselineHousehold = {
  id: number;
  no_kk: string;
  head_nik: string | null;
  head_name: string | null;
  address: string | null;
  desa: string | null;
  kecamatan: string | null;
  member_count: number | null;
  source: string | null;
  p3ke_id: string | null;
  dtsen_id: string | null;
  p3ke_decile: number | null;
  dtsen_decile: number | null;
  baseline_disposition: string | null;
  /** visited in the field (has a disposition or a survey): its identity columns are field data now */
  visited: boolean;
  /** its member with relation kepala, if any */
  head_member: { id: number; nik: string | null; name: string | null } | null;
};

/** Where a NIK is already stored: as a member (member set) or only as a household's head_nik. */
export type NikOwner = {
  household: number;
  no_kk: string | null;
  member: { id: number; name: string | null } | null;
};

/** Keys already taken by earlier rows of the same file (row number of the first one); updated in place. */
export type BaselineFileKeys = {
  no_kk: Map<string, number>;
  nik: Map<string, number>;
  list_id: Map<string, number>;
};

export type BaselineUpsertInput = {
  /** valid rows of this chunk, in file order */
  rows: readonly BaselineRow[];
  source: BaselineSource;
  /** stored households whose no_kk is among the rows */
  existing: ReadonlyMap<string, ExistingBaselineHousehold>;
  /** stored owners of the rows' head NIKs */
  nikOwners: ReadonlyMap<string, readonly NikOwner[]>;
  /** stored households holding the rows' id_keluarga in this source's id column */
  listIdOwners: ReadonlyMap<string, { household: number; no_kk: string | null }>;
  fileKeys: BaselineFileKeys;
};

export type HouseholdValues = Record<string, string | number | null>;

export type HeadMemberValues = { nik: string; name: string; relation: 'kepala'; sex: Sex | null };

export type MemberChange =
  | { kind: 'insert'; values: HeadMemberValues }
  | { kind: 'update'; id: number; changes: { nik?: string; name?: string } };

export type BaselineUpsertPlan = {
  inserts: { row: number; values: HouseholdValues; head: HeadMemberValues }[];
  updates: { row: number; id: number; changes: HouseholdValues; member: MemberChange | null }[];
  /** rows whose household already holds exactly these values */
  unchanged: number[];
  rejected: BaselineIssue[];
};

/**
 * Decides, for each valid baseline row of a chunk, whether it inserts a household (with its head
 * member), updates one (matched by no_kk), changes nothing, or is rejected as a duplicate (inside
 * the file, or a NIK / id_keluarga that belongs to another stored household).
 * The import writes baseline columns only. A household already visited in the field keeps its
 * identity columns (head, address, desa, member count) and members: only the list's own columns
 * (id, desil) are updated. A household that was `new` in the field and turns out to be on the list
 * takes the list as its source, and its disposition `new` becomes `found`.
 */
export function planBaselineUpsert(input: BaselineUpsertInput): BaselineUpsertPlan {
  const { source, fileKeys } = input;
  const idColumn = source === 'p3ke' ? 'p3ke_id' : 'dtsen_id';
  const decileColumn = source === 'p3ke' ? 'p3ke_decile' : 'dtsen_decile';
  const plan: BaselineUpsertPlan = { inserts: [], updates: [], unchanged: [], rejected: [] };
  const reject = (row: BaselineRow, field: BaselineIssue['field'], code: string, message: string): void => {
    plan.rejected.push({ row: row.row, field, code, message });
  };

  for (const row of input.rows) {
    const firstKk = fileKeys.no_kk.get(row.no_kk);
    if (firstKk !== undefined) {
      reject(
        row,
        'no_kk',
        'duplicate_in_file',
        `Baris ${row.row}, kolom no_kk ("${row.no_kk}"): No. KK ini sudah ada di baris ${firstKk} berkas ini. ` +
          `Satu keluarga cukup satu baris; hapus baris ganda atau perbaiki No. KK-nya.`,
      );
      continue;
    }
    const firstNik = fileKeys.nik.get(row.head_nik);
    if (firstNik !== undefined) {
      reject(
        row,
        'nik_kepala',
        'duplicate_in_file',
        `Baris ${row.row}, kolom nik_kepala ("${row.head_nik}"): NIK ini sudah menjadi kepala keluarga di baris ${firstNik} ` +
          `berkas ini. Satu NIK hanya boleh di satu keluarga; perbaiki NIK atau hapus baris ganda.`,
      );
      continue;
    }
    const firstId = row.list_id === null ? undefined : fileKeys.list_id.get(row.list_id);
    if (firstId !== undefined) {
      reject(
        row,
        'id_keluarga',
        'duplicate_in_file',
        `Baris ${row.row}, kolom id_keluarga ("${row.list_id ?? ''}"): ID keluarga ini sudah dipakai di baris ${firstId} ` +
          `berkas ini. Periksa ID-nya di data ${source.toUpperCase()}.`,
      );
      continue;
    }
    fileKeys.no_kk.set(row.no_kk, row.row);
    fileKeys.nik.set(row.head_nik, row.row);
    if (row.list_id !== null) fileKeys.list_id.set(row.list_id, row.row);

    const existing = input.existing.get(row.no_kk);
    const owners = input.nikOwners.get(row.head_nik) ?? [];
    const elsewhere = owners.find((owner) => owner.household !== existing?.id);
    if (elsewhere !== undefined) {
      reject(
        row,
        'nik_kepala',
        'duplicate_in_database',
        `Baris ${row.row}, kolom nik_kepala ("${row.head_nik}"): NIK ini sudah terdaftar di rumah tangga lain ` +
          `(No. KK ${elsewhere.no_kk ?? 'belum ada'}). Satu NIK hanya boleh di satu rumah tangga. Bila salah ketik, ` +
          `perbaiki NIK-nya; bila keluarga memang pisah KK, catat lewat verifikasi lapangan, bukan lewat impor.`,
      );
      continue;
    }
    const idOwner = row.list_id === null ? undefined : input.listIdOwners.get(row.list_id);
    if (idOwner !== undefined && idOwner.household !== existing?.id) {
      reject(
        row,
        'id_keluarga',
        'duplicate_in_database',
        `Baris ${row.row}, kolom id_keluarga ("${row.list_id ?? ''}"): ID keluarga ${source.toUpperCase()} ini sudah ` +
          `dipakai rumah tangga lain (No. KK ${idOwner.no_kk ?? 'belum ada'}). Periksa ID atau No. KK di baris ini.`,
      );
      continue;
    }

    const head: HeadMemberValues = {
      nik: row.head_nik,
      name: row.head_name,
      relation: 'kepala',
      sex: row.head_sex,
    };
    if (existing === undefined) {
      plan.inserts.push({
        row: row.row,
        values: {
          no_kk: row.no_kk,
          head_nik: row.head_nik,
          head_name: row.head_name,
          address: row.address,
          desa: row.desa,
          kecamatan: row.kecamatan,
          member_count: row.member_count,
          source,
          [idColumn]: row.list_id,
          [decileColumn]: row.decile,
        },
        head,
      });
      continue;
    }

    const changes: HouseholdValues = {};
    const set = (column: keyof ExistingBaselineHousehold, value: string | number | null): void => {
      if (existing[column] !== value) changes[column] = value;
    };
    if (row.list_id !== null) set(idColumn, row.list_id);
    if (row.decile !== null) set(decileColumn, row.decile);
    if (existing.source === null || existing.source === 'new') {
      changes['source'] = source;
      if (existing.baseline_disposition === 'new') changes['baseline_disposition'] = 'found';
    }
    let member: MemberChange | null = null;
    if (!existing.visited) {
      set('head_nik', row.head_nik);
      set('head_name', row.head_name);
      if (row.address !== null) set('address', row.address);
      set('desa', row.desa);
      set('kecamatan', row.kecamatan);
      set('member_count', row.member_count);

      const own = owners.find((owner) => owner.household === existing.id && owner.member !== null)?.member;
      if (own !== undefined && own !== null) {
        if (own.name !== row.head_name)
          member = { kind: 'update', id: own.id, changes: { name: row.head_name } };
      } else if (existing.head_member !== null) {
        const update: { nik?: string; name?: string } = {};
        if (existing.head_member.nik !== row.head_nik) update.nik = row.head_nik;
        if (existing.head_member.name !== row.head_name) update.name = row.head_name;
        if (Object.keys(update).length > 0)
          member = { kind: 'update', id: existing.head_member.id, changes: update };
      } else {
        member = { kind: 'insert', values: head };
      }
    }

    if (Object.keys(changes).length === 0 && member === null) plan.unchanged.push(row.row);
    else plan.updates.push({ row: row.row, id: existing.id, changes, member });
  }
  return plan;
}
