// Shapes of budget allocation, what-if, SIPD export and tagged-budget effectiveness (DESIGN
// "Allocation", "Effectiveness", "Public interfaces"). Pure data: no framework, no I/O.
import type { Classification, PovertyClass } from './types.ts';

export type InterventionStatus = 'planned' | 'budgeted' | 'in_progress' | 'completed' | 'cancelled';

/** `{ kecamatan?: [codes], desa?: [codes] }`: households in ANY listed kecamatan or desa. Absent or empty = all. */
export type AllocationScope = {
  kecamatan?: readonly string[];
  desa?: readonly string[];
};

/** What-if changes, applied in memory only. */
export type AllocationOverrides = {
  /** Rp per capita per month; households are re-classified from their stored per capita */
  poverty_line?: number;
  extreme_poverty_line?: number;
  /** per agency id; null removes the ceiling (fund all) */
  ceilings?: Readonly<Record<string, number | null>>;
  /** per sub_kegiatan code */
  unit_costs?: Readonly<Record<string, number>>;
  /** which classifications may be funded (default ekstrem, miskin, tidak_miskin, each where its rule allows) */
  classes?: readonly PovertyClass[];
};

/** The request shared by run and preview (run takes no overrides). */
export type AllocationRequest = {
  fiscal_year: number;
  scope?: AllocationScope;
  overrides?: AllocationOverrides;
  /** how many unfunded items the HTTP answer lists (the stored run keeps them all); null = all */
  unfunded_limit?: number | null;
  /** true: also give every unfunded item as one table (`unfunded_table`, what a run stores) */
  tabulate_unfunded?: boolean;
};

export type AllocationHousehold = {
  id: number;
  desa: string | null;
  kecamatan: string | null;
  /** its counted survey is verified */
  verified: boolean;
  classification: Classification | null;
  /** per capita of the classification basis, Rp per month */
  per_capita: number | null;
  poverty_line_used: number | null;
  extreme_line_used: number | null;
};

/** A stored need with status open or planned (others never take part in an allocation). */
export type AllocationNeed = {
  id: number;
  household: number;
  indicator: string;
  sub_kegiatan: string | null;
  quantity: number | null;
  status: 'open' | 'planned';
};

/**
 * The same needs as one array per field (need i is at index i in each): what the adapter reads, with no
 * object per need (300,000 of them otherwise, for the garbage collector to trace).
 */
export type AllocationNeedTable = {
  id: readonly number[];
  household: readonly number[];
  indicator: readonly string[];
  sub_kegiatan: readonly (string | null)[];
  quantity: readonly (number | null)[];
  status: readonly AllocationNeed['status'][];
};

export type AllocationRule = {
  key: string;
  /** empty or null = every classification */
  applies_to: readonly Classification[] | null;
};

export type AllocationSubKegiatan = {
  code: string;
  name: string;
  perangkat_daerah: string;
  unit: string | null;
  /** Rp per unit for one fiscal year; null = not fundable until set */
  unit_cost: number | null;
  active: boolean;
};

/** A stored intervention (any year, any status) that may be released, reserved or hold its needs. */
export type ExistingIntervention = {
  id: number;
  household: number;
  sub_kegiatan: string;
  perangkat_daerah: string;
  desa: string | null;
  kecamatan: string | null;
  fiscal_year: number;
  status: InterventionStatus;
  planned_cost: number | null;
  /** it belongs to a run with status ditetapkan: never released */
  finalised: boolean;
  /** the need it records and its unit cost snapshot (lets a writer keep an unchanged intervention) */
  need?: number | null;
  unit_cost?: number | null;
};

export type AllocationInput = {
  fiscal_year: number;
  households: readonly AllocationHousehold[];
  needs: readonly AllocationNeed[] | AllocationNeedTable;
  rules: readonly AllocationRule[];
  sub_kegiatan: readonly AllocationSubKegiatan[];
  /** pagu indikatif per agency id for the fiscal year; an agency without one is funded fully */
  ceilings: Readonly<Record<string, number>>;
  interventions: readonly ExistingIntervention[];
  scope?: AllocationScope;
  overrides?: AllocationOverrides;
  /** false: count the funded interventions without listing them (a what-if needs only the answer) */
  list_interventions?: boolean;
  /** how many unfunded interventions to list, the first in priority order (default all); totals and
   * `unfunded_count` always cover them all */
  unfunded_limit?: number | null;
  /** true: also give every unfunded item as one table (`unfunded_table`, what a run stores) */
  tabulate_unfunded?: boolean;
};

export type AllocationTotals = { funded: number; unfunded: number; households_funded: number };

export type AllocationAgency = {
  perangkat_daerah: string;
  /** null = no ceiling */
  ceiling: number | null;
  /** cost of interventions kept from before this run (beyond planned, finalised or out of scope) */
  reserved: number;
  /** what this run newly funds */
  funded: number;
  unfunded: number;
};

export type AllocationLine = {
  sub_kegiatan: string;
  perangkat_daerah: string;
  households: number;
  volume: number;
  unit: string | null;
  unit_cost: number;
  total: number;
};

export type UnfundedIntervention = {
  household: number;
  need: number;
  sub_kegiatan: string;
  perangkat_daerah: string;
  cost: number;
};

/** The unfunded list as `allocation_runs.unfunded` keeps it (tabulateUnfunded, readUnfundedTable). */
export type UnfundedTable = {
  /** each sub-kegiatan the items name, with its agency, once */
  sub_kegiatan: { code: string; perangkat_daerah: string }[];
  /** one array per field, item i at index i, in priority order; sub_kegiatan indexes the list above */
  items: { household: number[]; need: number[]; sub_kegiatan: number[]; cost: number[] };
};

/** DESIGN "Public interfaces": the answer shared by run and preview. */
export type AllocationAnswer = {
  fiscal_year: number;
  totals: AllocationTotals;
  agencies: AllocationAgency[];
  lines: AllocationLine[];
  unfunded: UnfundedIntervention[];
};

export type PlannedIntervention = {
  household: number;
  /** the need the intervention records: the one with the largest quantity (then lowest id) */
  need: number;
  /** every need of the household served by this sub-kegiatan (they all become planned) */
  needs: number[];
  sub_kegiatan: string;
  perangkat_daerah: string;
  desa: string | null;
  kecamatan: string | null;
  quantity: number;
  unit_cost: number;
  planned_cost: number;
};

/** A sub-kegiatan whose needs cannot be funded because it has no unit cost ("biaya satuan belum diisi"). */
export type MissingUnitCost = {
  sub_kegiatan: string;
  name: string;
  perangkat_daerah: string;
  households: number;
  needs: number;
  volume: number;
};

/** Needs that were not candidates, by reason (so nothing disappears silently). */
export type AllocationSkipped = {
  no_sub_kegiatan: number;
  inactive_sub_kegiatan: number;
  unclassified: number;
  class_excluded: number;
  already_served: number;
  not_verified: number;
};

export type AllocationResult = AllocationAnswer & {
  /** the funded interventions in priority order (empty when list_interventions is false) */
  interventions: PlannedIntervention[];
  /** how many interventions are funded (also when they are not listed) */
  interventions_count: number;
  /** how many interventions are unfunded (also beyond `unfunded_limit`) */
  unfunded_count: number;
  /** every unfunded item, in priority order, when `tabulate_unfunded` was asked for (else null) */
  unfunded_table: UnfundedTable | null;
  missing_unit_cost: MissingUnitCost[];
  /** what a run deletes (interventions still planned for in-scope households) and reopens (needs) first */
  release: { interventions: number[]; needs: number[] };
  skipped: AllocationSkipped;
};

/** A table for export: CSV and XLSX are written from the same columns and rows. */
export type ExportColumn = {
  header: string;
  /** text cells stay text in XLSX (NIK, No. KK, codes); number cells are whole numbers */
  kind: 'text' | 'number';
};

export type ExportCell = string | number | null;

export type ExportTable = {
  columns: ExportColumn[];
  rows: ExportCell[][];
};

/** An intervention as the SIPD export reads it (one row of `interventions`). */
export type ExportIntervention = {
  household: number;
  sub_kegiatan: string;
  perangkat_daerah: string;
  desa: string | null;
  quantity: number;
  unit_cost: number | null;
  planned_cost: number | null;
  status: InterventionStatus;
};

export type SubKegiatanInfo = {
  code: string;
  name: string;
  unit: string | null;
  strategy: string | null;
};

/** One beneficiary (an intervention with its household), as far as the caller may read it. */
export type Beneficiary = {
  household: number;
  head_name: string | null;
  /** undefined = the caller may not read it (the column is left out) */
  head_nik?: string | null;
  no_kk?: string | null;
  address: string | null;
  rt_rw: string | null;
  desa: string | null;
  kecamatan: string | null;
  classification: string | null;
  sub_kegiatan: string;
  perangkat_daerah: string;
  quantity: number;
  planned_cost: number | null;
  status: InterventionStatus;
};

/** One row of the SIPD tagged budget (`tagged_budget`). */
export type TaggedBudgetRow = {
  sub_kegiatan_code: string;
  name: string | null;
  perangkat_daerah: string | null;
  amount: number;
};

export type AgencyRef = { id: string; name: string; short_name: string | null };

/** Verified needs linked to one sub-kegiatan (needs of households whose counted survey is verified, not dismissed or resolved). */
export type NeedsOfSubKegiatan = {
  sub_kegiatan: string;
  needs: number;
  households: number;
};

/** Interventions of the fiscal year (not cancelled) of one sub-kegiatan. */
export type ServedBySubKegiatan = {
  sub_kegiatan: string;
  households: number;
  ekstrem_households: number;
  planned_cost: number;
};

export type TaggedSubKegiatan = {
  sub_kegiatan: string;
  name: string;
  perangkat_daerah: string | null;
  tagged_amount: number;
  /** the code is in the sub-kegiatan catalogue */
  in_catalogue: boolean;
  /** some active need rule links it */
  linked_rules: number;
  serves_verified_needs: boolean;
  verified_needs: number;
  households_with_needs: number;
  households_served: number;
  ekstrem_households_served: number;
  planned_cost: number;
  /** tagged rupiah / extreme-poor households served (whole rupiah); null when none is served */
  cost_per_ekstrem_household: number | null;
  /** the tagged rupiah when the sub-kegiatan serves verified needs, else 0 */
  linked_amount: number;
};

export type EffectivenessReport = {
  fiscal_year: number;
  totals: {
    tagged_amount: number;
    linked_amount: number;
    /** linked_amount / tagged_amount, 4 decimals; null when nothing is tagged */
    share_linked: number | null;
    sub_kegiatan_tagged: number;
    sub_kegiatan_serving_needs: number;
    households_served: number;
    ekstrem_households_served: number;
    cost_per_ekstrem_household: number | null;
  };
  sub_kegiatan: TaggedSubKegiatan[];
  /** sub-kegiatan with verified needs that carry no tagged budget this year */
  untagged_with_needs: {
    sub_kegiatan: string;
    name: string;
    perangkat_daerah: string;
    verified_needs: number;
    households: number;
  }[];
};
