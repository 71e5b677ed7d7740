import { asRecord, asRows, readAmount, readKey, readNumber, readText } from './aggregate.ts';
import type { Row } from './aggregate.ts';
import { formatDateId } from './table.ts';
import type { Column, TableRow } from './table.ts';

// The allocation answers (POST /siap-pd/allocations/run|preview, docs/sipd-export.md) and the stored
// runs (allocation_runs) as the pages show them. Every answer is checked here: a field that is missing
// or of the wrong kind becomes 0 / null / [] rather than breaking a page.

export interface AgencyAllocation {
  perangkat_daerah: string;
  /** null = no ceiling (everything is funded) */
  ceiling: number | null;
  /** cost kept from before the run (beyond planned, finalised or out of scope) */
  reserved: number;
  funded: number;
  unfunded: number;
}

export interface AllocationLineView {
  sub_kegiatan: string;
  perangkat_daerah: string;
  households: number;
  volume: number;
  unit: string | null;
  unit_cost: number;
  total: number;
}

export interface MissingUnitCostView {
  sub_kegiatan: string;
  name: string;
  perangkat_daerah: string;
  households: number;
  needs: number;
  volume: number;
}

export const SKIPPED_LABELS = {
  not_verified: 'Survei rumah tangga belum terverifikasi',
  unclassified: 'Rumah tangga tidak dapat diklasifikasi',
  class_excluded: 'Kelas kemiskinan tidak termasuk / aturan tidak berlaku',
  no_sub_kegiatan: 'Aturan tidak menautkan sub-kegiatan',
  inactive_sub_kegiatan: 'Sub-kegiatan tidak aktif',
  already_served: 'Sudah dilayani intervensi lain',
} as const;

export type SkippedReason = keyof typeof SKIPPED_LABELS;

export interface AllocationResultView {
  fiscal_year: number;
  totals: {
    funded: number;
    unfunded: number;
    /** null when it cannot be known (an agency's own part of a run) */
    households_funded: number | null;
  };
  agencies: AgencyAllocation[];
  lines: AllocationLineView[];
  missing_unit_cost: MissingUnitCostView[];
  skipped: Record<SkippedReason, number> | null;
  /** how many interventions are funded; null when the answer does not say */
  interventions: number | null;
}

export type RunStatus = 'draft' | 'ditetapkan';

export interface AllocationRunSummary {
  id: number;
  fiscal_year: number;
  status: RunStatus;
  decree_number: string | null;
  decree_date: string | null;
  /** ISO timestamp */
  created: string | null;
  /** a run limited to some kecamatan or desa */
  scoped: boolean;
  totals: AllocationResultView['totals'];
}

export interface AllocationRunRecord extends AllocationResultView {
  summary: AllocationRunSummary;
}

export interface AgencyName {
  name: string;
  short_name: string;
}

export interface SubKegiatanName {
  name: string;
  unit: string | null;
}

export interface AllocationNames {
  agencies: ReadonlyMap<string, AgencyName>;
  subKegiatan: ReadonlyMap<string, SubKegiatanName>;
}

function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

/** An object, also when stored as JSON text (allocation_runs keeps its details in JSON fields). */
const record = (value: unknown): Row | null => asRecord(parsed(value));

/** The objects of an array, also when stored as JSON text. */
const list = (value: unknown): Row[] => asRows(parsed(value));

function readTotals(value: unknown): AllocationResultView['totals'] {
  const totals = record(value);
  return {
    funded: readAmount(totals?.['funded']),
    unfunded: readAmount(totals?.['unfunded']),
    households_funded: readNumber(totals?.['households_funded']),
  };
}

function readAgencies(value: unknown): AgencyAllocation[] {
  return list(value).flatMap((row) => {
    const agency = readKey(row['perangkat_daerah']);
    if (agency === null) return [];
    return [
      {
        perangkat_daerah: agency,
        ceiling: readNumber(row['ceiling']),
        reserved: readAmount(row['reserved']),
        funded: readAmount(row['funded']),
        unfunded: readAmount(row['unfunded']),
      },
    ];
  });
}

function readLines(value: unknown): AllocationLineView[] {
  return list(value).flatMap((row) => {
    const code = readKey(row['sub_kegiatan']);
    const agency = readKey(row['perangkat_daerah']);
    if (code === null || agency === null) return [];
    return [
      {
        sub_kegiatan: code,
        perangkat_daerah: agency,
        households: readAmount(row['households']),
        volume: readAmount(row['volume']),
        unit: readText(row['unit']),
        unit_cost: readAmount(row['unit_cost']),
        total: readAmount(row['total']),
      },
    ];
  });
}

function readMissing(value: unknown): MissingUnitCostView[] {
  return list(value).flatMap((row) => {
    const code = readKey(row['sub_kegiatan']);
    if (code === null) return [];
    return [
      {
        sub_kegiatan: code,
        name: readText(row['name']) ?? code,
        perangkat_daerah: readKey(row['perangkat_daerah']) ?? '',
        households: readAmount(row['households']),
        needs: readAmount(row['needs']),
        volume: readAmount(row['volume']),
      },
    ];
  });
}

function readSkipped(value: unknown): Record<SkippedReason, number> | null {
  const skipped = record(value);
  if (skipped === null) return null;
  const result = {} as Record<SkippedReason, number>;
  for (const reason of Object.keys(SKIPPED_LABELS) as SkippedReason[])
    result[reason] = readAmount(skipped[reason]);
  return result;
}

/** The answer of POST /siap-pd/allocations/run or /preview; null when it is not an answer at all. */
export function readAllocationAnswer(raw: unknown): AllocationResultView | null {
  const answer = record(raw);
  if (answer === null) return null;
  const year = readNumber(answer['fiscal_year']);
  if (year === null || record(answer['totals']) === null) return null;
  const counts = record(answer['counts']);
  return {
    fiscal_year: year,
    totals: readTotals(answer['totals']),
    agencies: readAgencies(answer['agencies']),
    lines: readLines(answer['lines']),
    missing_unit_cost: readMissing(answer['missing_unit_cost']),
    skipped: readSkipped(answer['skipped']),
    interventions: readNumber(counts?.['interventions']),
  };
}

/** The id of the run a POST /siap-pd/allocations/run answer saved (null when it says none). */
export function readRunId(raw: unknown): number | null {
  const id = readNumber(record(raw)?.['run']);
  return id !== null && Number.isInteger(id) && id > 0 ? id : null;
}

function readScoped(value: unknown): boolean {
  const scope = record(value);
  if (scope === null) return false;
  return ['kecamatan', 'desa'].some((level) => {
    const codes = scope[level];
    return Array.isArray(codes) && codes.length > 0;
  });
}

/** One allocation_runs row without its JSON details (the run list); null when it has no id or year. */
export function readRunSummary(row: Row): AllocationRunSummary | null {
  const id = readNumber(row['id']);
  const year = readNumber(row['fiscal_year']);
  if (id === null || year === null) return null;
  return {
    id,
    fiscal_year: year,
    status: row['status'] === 'ditetapkan' ? 'ditetapkan' : 'draft',
    decree_number: readText(row['decree_number']),
    decree_date: readText(row['decree_date']),
    created: readText(row['date_created']),
    scoped: readScoped(row['scope']),
    totals: readTotals(row['totals']),
  };
}

/** One allocation_runs row with its stored result (agencies, lines, parameters). */
export function readRunRecord(row: Row): AllocationRunRecord | null {
  const summary = readRunSummary(row);
  if (summary === null) return null;
  const parameters = record(row['parameters']);
  return {
    summary,
    fiscal_year: summary.fiscal_year,
    totals: summary.totals,
    agencies: readAgencies(row['agencies']),
    lines: readLines(row['lines']),
    missing_unit_cost: readMissing(parameters?.['missing_unit_cost']),
    skipped: readSkipped(parameters?.['skipped']),
    interventions: readNumber(parameters?.['interventions']),
  };
}

/**
 * An agency's own part of a result: its agency row, its lines and the missing unit costs of its
 * sub-kegiatan. Households funded cannot be split by agency (a household may be served by several),
 * so it becomes null.
 */
export function restrictToAgency<V extends AllocationResultView>(view: V, agency: string): V {
  const agencies = view.agencies.filter((row) => row.perangkat_daerah === agency);
  const lines = view.lines.filter((row) => row.perangkat_daerah === agency);
  return {
    ...view,
    agencies,
    lines,
    missing_unit_cost: view.missing_unit_cost.filter((row) => row.perangkat_daerah === agency),
    skipped: null,
    interventions: null,
    totals: {
      funded: lines.reduce((total, line) => total + line.total, 0),
      unfunded: agencies.reduce((total, row) => total + row.unfunded, 0),
      households_funded: null,
    },
  };
}

export const RUN_STATUS_LABELS: Record<RunStatus, string> = { draft: 'Draf', ditetapkan: 'Ditetapkan' };

/** "Alokasi #12 · Ditetapkan · 14 Mar 2026" (the creation date; a scoped run says so). */
export function runLabel(run: AllocationRunSummary): string {
  const parts = [`Alokasi #${run.id}`, RUN_STATUS_LABELS[run.status]];
  if (run.created !== null) parts.push(formatDateId(run.created));
  if (run.scoped) parts.push('sebagian wilayah');
  return parts.join(' · ');
}

/** The run a page shows: the one asked for when it is in the list, else the newest (highest id). */
export function pickRun(runs: readonly AllocationRunSummary[], requested: number | null): number | null {
  if (requested !== null && runs.some((run) => run.id === requested)) return requested;
  return runs.reduce<number | null>((best, run) => (best === null || run.id > best ? run.id : best), null);
}

/**
 * Whether the export of a run (its own interventions) still matches its totals: a finalised run
 * always does; a draft only while no later run of the same year replaced its interventions.
 */
export function isRunExportable(run: AllocationRunSummary, runs: readonly AllocationRunSummary[]): boolean {
  if (run.status === 'ditetapkan') return true;
  return !runs.some((other) => other.fiscal_year === run.fiscal_year && other.id > run.id);
}

/** An agency's short name ("Disperkim"); its id when the name is not known. */
export function agencyLabel(names: AllocationNames, id: string): string {
  return names.agencies.get(id)?.short_name ?? id;
}

/** Rows of the per-agency table: ceiling, reserved, funded, unfunded and what is left of the ceiling. */
export function agencyTableRows(agencies: readonly AgencyAllocation[], names: AllocationNames): TableRow[] {
  return [...agencies]
    .map((row) => ({
      agency: agencyLabel(names, row.perangkat_daerah),
      name: names.agencies.get(row.perangkat_daerah)?.name ?? row.perangkat_daerah,
      ceiling: row.ceiling,
      reserved: row.reserved,
      funded: row.funded,
      unfunded: row.unfunded,
      remaining: row.ceiling === null ? null : row.ceiling - row.reserved - row.funded,
    }))
    .sort((a, b) => a.agency.localeCompare(b.agency, 'id'));
}

/** Columns of the lines table (see lineTableRows), on the Alokasi and Simulasi pages. */
export const LINE_COLUMNS: Column[] = [
  { key: 'code', label: 'Kode sub-kegiatan', kind: 'code' },
  { key: 'name', label: 'Sub-kegiatan', kind: 'text' },
  { key: 'agency', label: 'Perangkat daerah', kind: 'text' },
  { key: 'households', label: 'Sasaran (KK)', kind: 'number' },
  { key: 'volume', label: 'Volume', kind: 'number' },
  { key: 'unit', label: 'Satuan', kind: 'text' },
  { key: 'unit_cost', label: 'Biaya satuan (Rp)', kind: 'rupiah' },
  { key: 'total', label: 'Pagu (Rp)', kind: 'rupiah' },
];

/** Rows of the lines table (one per agency and sub-kegiatan), by agency then code. */
export function lineTableRows(lines: readonly AllocationLineView[], names: AllocationNames): TableRow[] {
  return [...lines]
    .map((line) => ({
      code: line.sub_kegiatan,
      name: names.subKegiatan.get(line.sub_kegiatan)?.name ?? line.sub_kegiatan,
      agency: agencyLabel(names, line.perangkat_daerah),
      households: line.households,
      volume: line.volume,
      unit: line.unit ?? names.subKegiatan.get(line.sub_kegiatan)?.unit ?? null,
      unit_cost: line.unit_cost,
      total: line.total,
    }))
    .sort(
      (a, b) =>
        a.agency.localeCompare(b.agency, 'id') || a.code.localeCompare(b.code, 'en', { numeric: true }),
    );
}

/** Columns of the "biaya satuan belum diisi" table (see missingCostRows). */
export const MISSING_COST_COLUMNS: Column[] = [
  { key: 'code', label: 'Kode sub-kegiatan', kind: 'code' },
  { key: 'name', label: 'Sub-kegiatan', kind: 'text' },
  { key: 'agency', label: 'Perangkat daerah', kind: 'text' },
  { key: 'households', label: 'Rumah tangga', kind: 'number' },
  { key: 'needs', label: 'Kebutuhan', kind: 'number' },
  { key: 'volume', label: 'Volume', kind: 'number' },
];

/** Rows of the "biaya satuan belum diisi" table. */
export function missingCostRows(missing: readonly MissingUnitCostView[], names: AllocationNames): TableRow[] {
  return missing.map((row) => ({
    code: row.sub_kegiatan,
    name: row.name,
    agency: agencyLabel(names, row.perangkat_daerah),
    households: row.households,
    needs: row.needs,
    volume: row.volume,
  }));
}

/** The reasons needs did not take part, largest first, without the empty ones. */
export function skippedRows(skipped: Record<SkippedReason, number> | null): TableRow[] {
  if (skipped === null) return [];
  return (Object.keys(SKIPPED_LABELS) as SkippedReason[])
    .filter((reason) => skipped[reason] > 0)
    .map((reason) => ({ reason: SKIPPED_LABELS[reason], needs: skipped[reason] }))
    .sort((a, b) => b.needs - a.needs);
}

/** Rows of the run list. */
export function runTableRows(runs: readonly AllocationRunSummary[]): TableRow[] {
  return runs.map((run) => ({
    run: `#${run.id}`,
    year: run.fiscal_year,
    status: RUN_STATUS_LABELS[run.status] + (run.scoped ? ' (sebagian wilayah)' : ''),
    created: run.created,
    households: run.totals.households_funded,
    funded: run.totals.funded,
    unfunded: run.totals.unfunded,
    decree: run.decree_number,
    decree_date: run.decree_date,
  }));
}

/** The lines' total (what the SIPD export of the same run adds up to). */
export function linesTotal(lines: readonly AllocationLineView[]): number {
  return lines.reduce((total, line) => total + line.total, 0);
}
