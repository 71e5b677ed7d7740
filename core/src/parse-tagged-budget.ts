import Papa from 'papaparse';
import type { AgencyRef, TaggedBudgetRow } from './allocation-types.ts';

export type TaggedBudgetProblem = { row: number; field: string; message: string };

export type ParsedTaggedBudget = {
  rows: (TaggedBudgetRow & { row: number })[];
  /** rows refused (not imported) */
  rejected: TaggedBudgetProblem[];
  /** rows imported with a remark (agency not recognised) */
  warnings: TaggedBudgetProblem[];
};

const REQUIRED = ['kode_sub_kegiatan', 'anggaran'] as const;
const CODE = /^\d+(\.\d+)+$/;

/**
 * Reads the SIPD tagged budget CSV: columns kode_sub_kegiatan, nama_sub_kegiatan,
 * perangkat_daerah, anggaran (header names in any case and order; comma or semicolon; with or
 * without BOM). anggaran is whole rupiah: "287000000", "287.000.000", "Rp 287.000.000" or
 * "287000000,00". perangkat_daerah is matched against the agencies' id, short name or name; when it
 * is empty or unknown the catalogue's agency of the sub-kegiatan is used (a warning says so). Row
 * numbers are file lines (the header is line 1).
 */
export function parseTaggedBudget(
  text: string,
  agencies: readonly AgencyRef[],
  catalogueAgency: ReadonlyMap<string, string>,
): ParsedTaggedBudget {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [';', ',', '\t'],
    transformHeader: (header) => header.trim().toLowerCase().replace(/\s+/g, '_'),
  });
  const rejected: TaggedBudgetProblem[] = [];
  const warnings: TaggedBudgetProblem[] = [];
  const rows: ParsedTaggedBudget['rows'] = [];
  const fields = parsed.meta.fields ?? [];
  const missingColumns = REQUIRED.filter((column) => !fields.includes(column));
  if (missingColumns.length > 0) {
    return {
      rows,
      warnings,
      rejected: missingColumns.map((column) => ({
        row: 1,
        field: column,
        message: `Kolom ${column} tidak ada. Kolom yang dibutuhkan: kode_sub_kegiatan, nama_sub_kegiatan, perangkat_daerah, anggaran.`,
      })),
    };
  }

  const byKey = new Map<string, string>();
  for (const agency of agencies) {
    for (const key of [agency.id, agency.short_name, agency.name]) {
      if (key) byKey.set(normalise(key), agency.id);
    }
  }

  parsed.data.forEach((record, index) => {
    const row = index + 2;
    const code = (record['kode_sub_kegiatan'] ?? '').trim();
    if (!CODE.test(code)) {
      rejected.push({
        row,
        field: 'kode_sub_kegiatan',
        message:
          code === ''
            ? 'Kode sub-kegiatan wajib diisi.'
            : `Kode sub-kegiatan "${code}" tidak dikenali (contoh: 1.04.03.2.03.0002).`,
      });
      return;
    }
    const amount = readAmount(record['anggaran'] ?? '');
    if (amount === null) {
      rejected.push({
        row,
        field: 'anggaran',
        message: 'Anggaran harus rupiah bulat tidak negatif, mis. 287000000 atau 287.000.000.',
      });
      return;
    }
    const agencyText = (record['perangkat_daerah'] ?? '').trim();
    let agency = agencyText === '' ? null : (byKey.get(normalise(agencyText)) ?? null);
    if (agency === null) {
      agency = catalogueAgency.get(code) ?? null;
      if (agencyText !== '') {
        warnings.push({
          row,
          field: 'perangkat_daerah',
          message:
            agency === null
              ? `Perangkat daerah "${agencyText}" tidak dikenali; baris disimpan tanpa perangkat daerah.`
              : `Perangkat daerah "${agencyText}" tidak dikenali; dipakai perangkat daerah sub-kegiatan (${agency}).`,
        });
      }
    }
    const name = (record['nama_sub_kegiatan'] ?? '').trim();
    rows.push({
      row,
      sub_kegiatan_code: code,
      name: name === '' ? null : name,
      perangkat_daerah: agency,
      amount,
    });
  });
  return { rows, rejected, warnings };
}

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

function readAmount(raw: string): number | null {
  let text = raw
    .trim()
    .replace(/^rp\.?\s*/i, '')
    .replace(/\s/g, '');
  text = text.replace(/[.,]00$/, '');
  if (/^\d{1,3}([.,]\d{3})+$/.test(text)) text = text.replace(/[.,]/g, '');
  if (!/^\d+$/.test(text)) return null;
  const amount = Number(text);
  return Number.isSafeInteger(amount) ? amount : null;
}
