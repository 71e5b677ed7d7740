import { formatRupiah } from '@siap-pd/core/format-rupiah';
import { readKey, readNumber, readText } from './aggregate.ts';
import type { Row } from './aggregate.ts';
import { BUCKET_LABELS, toSummaryBucket } from './classification.ts';
import { SURVEY_STATUS_LABELS } from './household-list.ts';
import {
  DISABILITY_LABELS,
  DISPOSITION_LABELS,
  EDUCATION_LABELS,
  INTERVENTION_STATUS_LABELS,
  JKN_LABELS,
  labelOf,
  labelsOf,
  QUALITY_FLAG_LABELS,
  RELATION_LABELS,
  SCHOOL_STATUS_LABELS,
  SEX_LABELS,
  SOURCE_LABELS,
  yesNo,
} from './labels.ts';
import { categoryLabel, NEED_STATUS_LABELS } from './needs-summary.ts';
import type { Column, TableRow } from './table.ts';
import { formatDateId } from './table.ts';
import { formatNumberId } from './format.ts';

export interface Table {
  columns: Column[];
  rows: TableRow[];
}

export interface Fact {
  label: string;
  value: string;
}

function nested(row: Row, path: string): unknown {
  let value: unknown = row;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Row)[part];
  }
  return value;
}

/** The household's identity and baseline facts, as label/value pairs (NIK and No. KK only when read). */
export function householdFacts(
  household: Row,
  personal: boolean,
  desaName: string,
  kecamatanName: string,
): Fact[] {
  const facts: Fact[] = [];
  const add = (label: string, value: string | null): void => {
    facts.push({ label, value: value ?? '-' });
  };
  if (personal) {
    add('No. KK', readText(household['no_kk']) ?? 'Belum punya KK');
    add('NIK kepala keluarga', readText(household['head_nik']));
  }
  add('Alamat', readText(household['address']));
  add('RT/RW', readText(household['rt_rw']));
  add('Desa/kelurahan', desaName);
  add('Kecamatan', kecamatanName);
  const members = readNumber(household['member_count']);
  add('Jumlah anggota keluarga', members === null ? null : `${formatNumberId(members)} jiwa`);
  add('Sumber data', labelOf(SOURCE_LABELS, household['source']));
  add('Hasil verifikasi lapangan', labelOf(DISPOSITION_LABELS, household['baseline_disposition']));
  const decile = readNumber(household['p3ke_decile']) ?? readNumber(household['dtsen_decile']);
  add('Desil', decile === null ? null : String(decile));
  const lat = readNumber(household['latitude']);
  const lng = readNumber(household['longitude']);
  add('Koordinat', lat === null || lng === null ? null : `${lat.toFixed(5)}, ${lng.toFixed(5)}`);
  add('Temuan kualitas data', labelsOf(QUALITY_FLAG_LABELS, household['quality_flags']) ?? 'Tidak ada');
  return facts;
}

/** The stored classification fields as a table of facts. */
export function classificationFacts(household: Row): Fact[] {
  const bucket = toSummaryBucket(household['classification']);
  const basis = readText(household['classification_basis']);
  return [
    { label: 'Klasifikasi', value: BUCKET_LABELS[bucket] },
    { label: 'Per kapita per bulan', value: formatRupiah(readNumber(household['income_per_capita'])) },
    {
      label: 'Dasar klasifikasi',
      value: basis === 'expenditure' ? 'Pengeluaran' : basis === 'income' ? 'Pendapatan' : '-',
    },
    { label: 'Garis kemiskinan dipakai', value: formatRupiah(readNumber(household['poverty_line_used'])) },
    {
      label: 'Garis kemiskinan ekstrem dipakai',
      value: formatRupiah(readNumber(household['extreme_line_used'])),
    },
    {
      label: 'Waktu klasifikasi',
      value:
        readText(household['classified_at']) === null
          ? '-'
          : formatDateId(String(household['classified_at'])),
    },
  ];
}

export function memberTable(rows: readonly Row[], personal: boolean): Table {
  const columns: Column[] = [
    { key: 'name', label: 'Nama', kind: 'text' },
    ...(personal ? [{ key: 'nik', label: 'NIK', kind: 'code' } as const] : []),
    { key: 'relation', label: 'Hubungan', kind: 'text' },
    { key: 'sex', label: 'Jenis kelamin', kind: 'text' },
    { key: 'birth_date', label: 'Tanggal lahir', kind: 'date' },
    { key: 'education', label: 'Ijazah tertinggi', kind: 'text' },
    { key: 'school_status', label: 'Status sekolah', kind: 'text' },
    { key: 'working', label: 'Bekerja', kind: 'text' },
    { key: 'disability', label: 'Disabilitas', kind: 'text' },
    { key: 'jkn_status', label: 'JKN', kind: 'text' },
  ];
  return {
    columns,
    rows: rows.map((row) => ({
      name: readText(row['name']),
      ...(personal ? { nik: readText(row['nik']) } : {}),
      relation: labelOf(RELATION_LABELS, row['relation']),
      sex: labelOf(SEX_LABELS, row['sex']),
      birth_date: readText(row['birth_date']),
      education: labelOf(EDUCATION_LABELS, row['education']),
      school_status: labelOf(SCHOOL_STATUS_LABELS, row['school_status']),
      working: yesNo(row['working']),
      disability: labelsOf(DISABILITY_LABELS, row['disability']),
      jkn_status: labelOf(JKN_LABELS, row['jkn_status']),
    })),
  };
}

export function surveyTable(rows: readonly Row[]): Table {
  return {
    columns: [
      { key: 'round', label: 'Ronde', kind: 'code' },
      { key: 'surveyed_at', label: 'Tanggal survei', kind: 'date' },
      { key: 'surveyor', label: 'Pencacah', kind: 'text' },
      { key: 'status', label: 'Status', kind: 'text' },
      { key: 'verified_at', label: 'Diverifikasi', kind: 'date' },
      { key: 'member_count', label: 'Anggota', kind: 'number' },
      { key: 'monthly_income', label: 'Penghasilan per bulan', kind: 'rupiah' },
      { key: 'income_per_capita', label: 'Per kapita', kind: 'rupiah' },
      { key: 'classification', label: 'Klasifikasi', kind: 'text' },
      { key: 'return_note', label: 'Catatan pengembalian', kind: 'text' },
    ],
    rows: rows.map((row) => {
      const status = readText(row['status']);
      return {
        round: readNumber(row['round']),
        surveyed_at: readText(row['surveyed_at']),
        surveyor: readText(row['surveyor']),
        status:
          status === null
            ? null
            : (SURVEY_STATUS_LABELS[status as keyof typeof SURVEY_STATUS_LABELS] ?? status),
        verified_at: readText(row['verified_at']),
        member_count: readNumber(row['member_count']),
        monthly_income: readNumber(row['monthly_income']),
        income_per_capita: readNumber(row['income_per_capita']),
        classification:
          row['classification'] === null || row['classification'] === undefined
            ? null
            : BUCKET_LABELS[toSummaryBucket(row['classification'])],
        return_note: readText(row['return_note']),
      };
    }),
  };
}

export function needTable(rows: readonly Row[]): Table {
  return {
    columns: [
      { key: 'category', label: 'Kategori', kind: 'text' },
      { key: 'indicator', label: 'Aturan kebutuhan', kind: 'text' },
      { key: 'sub_kegiatan', label: 'Sub-kegiatan', kind: 'text' },
      { key: 'perangkat_daerah', label: 'Perangkat daerah', kind: 'text' },
      { key: 'quantity', label: 'Volume', kind: 'number' },
      { key: 'status', label: 'Status', kind: 'text' },
    ],
    rows: rows.map((row) => {
      const code = readText(nested(row, 'sub_kegiatan.code'));
      const name = readText(nested(row, 'sub_kegiatan.name'));
      const status = labelOf(NEED_STATUS_LABELS, row['status']);
      return {
        category: categoryLabel(readText(row['category'])),
        indicator: readText(nested(row, 'indicator.label')) ?? readKey(row['indicator']),
        sub_kegiatan: code === null ? name : `${code} ${name ?? ''}`.trim(),
        perangkat_daerah:
          readText(nested(row, 'perangkat_daerah.short_name')) ?? readKey(row['perangkat_daerah']),
        quantity: readNumber(row['quantity']),
        status:
          row['no_longer_detected'] === true && status !== null
            ? `${status} (tidak terdeteksi lagi)`
            : status,
      };
    }),
  };
}

export function interventionTable(rows: readonly Row[]): Table {
  return {
    columns: [
      { key: 'fiscal_year', label: 'Tahun anggaran', kind: 'code' },
      { key: 'sub_kegiatan', label: 'Sub-kegiatan', kind: 'text' },
      { key: 'perangkat_daerah', label: 'Perangkat daerah', kind: 'text' },
      { key: 'quantity', label: 'Volume', kind: 'number' },
      { key: 'planned_cost', label: 'Biaya rencana', kind: 'rupiah' },
      { key: 'realized_cost', label: 'Realisasi', kind: 'rupiah' },
      { key: 'status', label: 'Status', kind: 'text' },
    ],
    rows: rows.map((row) => {
      const code = readText(nested(row, 'sub_kegiatan.code'));
      const name = readText(nested(row, 'sub_kegiatan.name'));
      return {
        fiscal_year: readNumber(row['fiscal_year']),
        sub_kegiatan: code === null ? name : `${code} ${name ?? ''}`.trim(),
        perangkat_daerah:
          readText(nested(row, 'perangkat_daerah.short_name')) ?? readKey(row['perangkat_daerah']),
        quantity: readNumber(row['quantity']),
        planned_cost: readNumber(row['planned_cost']),
        realized_cost: readNumber(row['realized_cost']),
        status: labelOf(INTERVENTION_STATUS_LABELS, row['status']),
      };
    }),
  };
}
