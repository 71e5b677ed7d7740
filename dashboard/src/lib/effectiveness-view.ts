import type { EffectivenessReport, TaggedSubKegiatan } from '@siap-pd/core/allocation-types';
import { asRecord, asRows, readAmount, readKey, readNumber, readText } from './aggregate.ts';
import type { Row } from './aggregate.ts';
import { agencyLabel } from './allocation-view.ts';
import type { AllocationNames } from './allocation-view.ts';
import type { TableRow } from './table.ts';

// The effectiveness report (GET /siap-pd/effectiveness) and the tagged-budget import answer
// (POST /siap-pd/tagged-budget/import) as the Efektivitas page shows them.

function readTagged(row: Row): TaggedSubKegiatan | null {
  const code = readKey(row['sub_kegiatan']);
  if (code === null) return null;
  return {
    sub_kegiatan: code,
    name: readText(row['name']) ?? '',
    perangkat_daerah: readKey(row['perangkat_daerah']),
    tagged_amount: readAmount(row['tagged_amount']),
    in_catalogue: row['in_catalogue'] === true,
    linked_rules: readAmount(row['linked_rules']),
    serves_verified_needs: row['serves_verified_needs'] === true,
    verified_needs: readAmount(row['verified_needs']),
    households_with_needs: readAmount(row['households_with_needs']),
    households_served: readAmount(row['households_served']),
    ekstrem_households_served: readAmount(row['ekstrem_households_served']),
    planned_cost: readAmount(row['planned_cost']),
    cost_per_ekstrem_household: readNumber(row['cost_per_ekstrem_household']),
    linked_amount: readAmount(row['linked_amount']),
  };
}

/** The report, checked; null when the answer is not a report. */
export function readEffectivenessReport(raw: unknown): EffectivenessReport | null {
  const report = asRecord(raw);
  const totals = asRecord(report?.['totals']);
  const year = readNumber(report?.['fiscal_year']);
  if (report === null || totals === null || year === null) return null;
  return {
    fiscal_year: year,
    totals: {
      tagged_amount: readAmount(totals['tagged_amount']),
      linked_amount: readAmount(totals['linked_amount']),
      share_linked: readNumber(totals['share_linked']),
      sub_kegiatan_tagged: readAmount(totals['sub_kegiatan_tagged']),
      sub_kegiatan_serving_needs: readAmount(totals['sub_kegiatan_serving_needs']),
      households_served: readAmount(totals['households_served']),
      ekstrem_households_served: readAmount(totals['ekstrem_households_served']),
      cost_per_ekstrem_household: readNumber(totals['cost_per_ekstrem_household']),
    },
    sub_kegiatan: asRows(report['sub_kegiatan'])
      .map(readTagged)
      .filter((row): row is TaggedSubKegiatan => row !== null),
    untagged_with_needs: asRows(report['untagged_with_needs']).flatMap((row) => {
      const code = readKey(row['sub_kegiatan']);
      if (code === null) return [];
      return [
        {
          sub_kegiatan: code,
          name: readText(row['name']) ?? code,
          perangkat_daerah: readKey(row['perangkat_daerah']) ?? '',
          verified_needs: readAmount(row['verified_needs']),
          households: readAmount(row['households']),
        },
      ];
    }),
  };
}

/** Tagged and linked rupiah of one agency (the chart's bars). */
export interface AgencyEffectiveness {
  perangkat_daerah: string | null;
  label: string;
  tagged: number;
  linked: number;
  /** linked / tagged in percent (one decimal); null when nothing is tagged */
  share_pct: number | null;
  sub_kegiatan: number;
}

export const NO_AGENCY = 'Tanpa perangkat daerah';

const sharePct = (part: number, total: number): number | null =>
  total > 0 ? Math.round((part / total) * 1000) / 10 : null;

/** Tagged vs linked rupiah per agency, most tagged first. */
export function effectivenessByAgency(
  report: EffectivenessReport,
  names: AllocationNames,
): AgencyEffectiveness[] {
  const byAgency = new Map<string | null, AgencyEffectiveness>();
  for (const row of report.sub_kegiatan) {
    const id = row.perangkat_daerah;
    let entry = byAgency.get(id);
    if (entry === undefined) {
      entry = {
        perangkat_daerah: id,
        label: id === null ? NO_AGENCY : agencyLabel(names, id),
        tagged: 0,
        linked: 0,
        share_pct: null,
        sub_kegiatan: 0,
      };
      byAgency.set(id, entry);
    }
    entry.tagged += row.tagged_amount;
    entry.linked += row.linked_amount;
    entry.sub_kegiatan += 1;
  }
  return [...byAgency.values()]
    .map((entry) => ({ ...entry, share_pct: sharePct(entry.linked, entry.tagged) }))
    .sort((a, b) => b.tagged - a.tagged || a.label.localeCompare(b.label, 'id'));
}

/** The report's share of linked rupiah in percent (one decimal), or null when nothing is tagged. */
export function sharePercent(report: EffectivenessReport): number | null {
  return report.totals.share_linked === null ? null : Math.round(report.totals.share_linked * 1000) / 10;
}

/** Rows of the per-sub-kegiatan table. */
export function taggedTableRows(report: EffectivenessReport, names: AllocationNames): TableRow[] {
  return report.sub_kegiatan.map((row) => ({
    code: row.sub_kegiatan,
    name: row.name === '' ? (names.subKegiatan.get(row.sub_kegiatan)?.name ?? '') : row.name,
    agency: row.perangkat_daerah === null ? NO_AGENCY : agencyLabel(names, row.perangkat_daerah),
    tagged: row.tagged_amount,
    linked: row.linked_amount,
    serves: row.serves_verified_needs ? 'Ya' : row.in_catalogue ? 'Tidak' : 'Tidak (kode di luar katalog)',
    needs: row.verified_needs,
    households_with_needs: row.households_with_needs,
    households_served: row.households_served,
    ekstrem_served: row.ekstrem_households_served,
    cost_per_ekstrem: row.cost_per_ekstrem_household,
  }));
}

/** Rows of "sub-kegiatan with verified needs but no tagged budget". */
export function untaggedTableRows(report: EffectivenessReport, names: AllocationNames): TableRow[] {
  return report.untagged_with_needs.map((row) => ({
    code: row.sub_kegiatan,
    name: row.name,
    agency: agencyLabel(names, row.perangkat_daerah),
    needs: row.verified_needs,
    households: row.households,
  }));
}

export interface ImportProblem {
  row: number;
  field: string;
  message: string;
}

export interface TaggedImportResult {
  fiscal_year: number;
  inserted: number;
  replaced: number;
  rejected: number;
  warnings: number;
  total_amount: number;
  problems: ImportProblem[];
  remarks: ImportProblem[];
}

function readProblems(value: unknown): ImportProblem[] {
  return asRows(value).map((row) => ({
    row: readAmount(row['row']),
    field: readText(row['field']) ?? '',
    message: readText(row['message']) ?? '',
  }));
}

/** The answer of POST /siap-pd/tagged-budget/import; null when it is not one. */
export function readTaggedImportResult(raw: unknown): TaggedImportResult | null {
  const answer = asRecord(raw);
  const counts = asRecord(answer?.['counts']);
  const year = readNumber(answer?.['fiscal_year']);
  if (answer === null || counts === null || year === null) return null;
  return {
    fiscal_year: year,
    inserted: readAmount(counts['inserted']),
    replaced: readAmount(counts['replaced']),
    rejected: readAmount(counts['rejected']),
    warnings: readAmount(counts['warnings']),
    total_amount: readAmount(counts['total_amount']),
    problems: readProblems(answer['rejected']),
    remarks: readProblems(answer['warnings']),
  };
}

/** The rows refused by an import (from a 400 answer's extensions.rejected). */
export function readRejectedRows(extensions: unknown): ImportProblem[] {
  return readProblems(asRecord(extensions)?.['rejected']);
}

/** Rows of the import problems table (refused rows first, then remarks). */
export function importProblemRows(result: Pick<TaggedImportResult, 'problems' | 'remarks'>): TableRow[] {
  return [
    ...result.problems.map((problem) => ({ ...problem, kind: 'Ditolak' })),
    ...result.remarks.map((problem) => ({ ...problem, kind: 'Catatan' })),
  ].map((problem) => ({
    row: problem.row,
    kind: problem.kind,
    field: problem.field,
    message: problem.message,
  }));
}
