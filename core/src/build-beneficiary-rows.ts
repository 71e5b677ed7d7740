import type { Beneficiary, ExportTable, InterventionStatus, SubKegiatanInfo } from './allocation-types.ts';

const CLASSIFICATION_LABEL: Record<string, string> = {
  ekstrem: 'Miskin ekstrem',
  miskin: 'Miskin',
  tidak_miskin: 'Tidak miskin',
  unclassified: 'Belum dapat diklasifikasi',
};

const STATUS_LABEL: Record<InterventionStatus, string> = {
  planned: 'Direncanakan',
  budgeted: 'Dianggarkan',
  in_progress: 'Berjalan',
  completed: 'Selesai',
  cancelled: 'Dibatalkan',
};

export type BeneficiaryNames = {
  catalogue: ReadonlyMap<string, SubKegiatanInfo>;
  agencies: ReadonlyMap<string, string>;
  desa: ReadonlyMap<string, string>;
  kecamatan: ReadonlyMap<string, string>;
};

/**
 * The by-name-by-address beneficiary list: one row per intervention (cancelled ones left out unless
 * `keepCancelled`),
 * sorted by agency, sub-kegiatan, kecamatan, desa, head name and household id. The NIK and No. KK
 * columns appear only when `withIdentity` is true (the caller may read them); they are text columns,
 * so a spreadsheet never turns them into 6.3110E+15.
 */
export function buildBeneficiaryRows(
  beneficiaries: readonly Beneficiary[],
  names: BeneficiaryNames,
  withIdentity: boolean,
  options: { keepCancelled?: boolean } = {},
): ExportTable {
  const columns: ExportTable['columns'] = [
    { header: 'No', kind: 'number' },
    { header: 'Nama Kepala Keluarga', kind: 'text' },
    ...(withIdentity
      ? ([
          { header: 'NIK Kepala Keluarga', kind: 'text' },
          { header: 'No. KK', kind: 'text' },
        ] as const)
      : []),
    { header: 'Alamat', kind: 'text' },
    { header: 'RT/RW', kind: 'text' },
    { header: 'Desa/Kelurahan', kind: 'text' },
    { header: 'Kecamatan', kind: 'text' },
    { header: 'Klasifikasi', kind: 'text' },
    { header: 'Kode Sub Kegiatan', kind: 'text' },
    { header: 'Nama Sub Kegiatan', kind: 'text' },
    { header: 'Perangkat Daerah', kind: 'text' },
    { header: 'Volume', kind: 'number' },
    { header: 'Satuan', kind: 'text' },
    { header: 'Biaya (Rp)', kind: 'number' },
    { header: 'Status', kind: 'text' },
  ];
  const named = beneficiaries
    .filter((b) => b.status !== 'cancelled' || options.keepCancelled === true)
    .map((b) => ({
      b,
      agency: names.agencies.get(b.perangkat_daerah) ?? b.perangkat_daerah,
      kecamatan: b.kecamatan === null ? '' : (names.kecamatan.get(b.kecamatan) ?? b.kecamatan),
      desa: b.desa === null ? '' : (names.desa.get(b.desa) ?? b.desa),
      head: b.head_name ?? '',
    }));
  named.sort(
    (x, y) =>
      x.agency.localeCompare(y.agency, 'id') ||
      compare(x.b.sub_kegiatan, y.b.sub_kegiatan) ||
      x.kecamatan.localeCompare(y.kecamatan, 'id') ||
      x.desa.localeCompare(y.desa, 'id') ||
      x.head.localeCompare(y.head, 'id') ||
      x.b.household - y.b.household,
  );
  const rows = named.map(({ b, agency, kecamatan, desa, head }, index) => {
    const info = names.catalogue.get(b.sub_kegiatan);
    return [
      index + 1,
      head,
      ...(withIdentity ? [b.head_nik ?? '', b.no_kk ?? ''] : []),
      b.address ?? '',
      b.rt_rw ?? '',
      desa,
      kecamatan,
      CLASSIFICATION_LABEL[b.classification ?? ''] ?? '',
      b.sub_kegiatan,
      info?.name ?? '',
      agency,
      b.quantity,
      info?.unit ?? '',
      Math.round(b.planned_cost ?? 0),
      STATUS_LABEL[b.status],
    ];
  });
  return { columns, rows };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
