import type { AllocationOverrides } from '@siap-pd/core/allocation-types';
import { formatRupiah } from '@siap-pd/core/format-rupiah';
import { readAllocationRequest } from '@siap-pd/core/read-allocation-request';
import type { AllocationRequest } from '@siap-pd/core/allocation-types';
import type { PovertyClass } from '@siap-pd/core/types';
import type { AllocationNames } from './allocation-view.ts';

// The what-if page (Simulasi): the values a planner starts from, what they changed, and the overrides
// of POST /siap-pd/allocations/preview built from the difference (nothing unchanged is sent).

export const POVERTY_CLASSES: readonly PovertyClass[] = ['ekstrem', 'miskin', 'tidak_miskin'];

export const POVERTY_CLASS_LABELS: Record<PovertyClass, string> = {
  ekstrem: 'Miskin ekstrem',
  miskin: 'Miskin',
  tidak_miskin: 'Tidak miskin (bila aturannya mengizinkan)',
};

/** A sub-kegiatan whose unit cost may be changed (those that active need rules link). */
export interface UnitCostItem {
  code: string;
  name: string;
  perangkat_daerah: string;
  unit: string | null;
  /** null = "biaya satuan belum diisi" */
  unit_cost: number | null;
}

/** Where a simulation starts: the stored lines, ceilings and unit costs of the fiscal year. */
export interface WhatIfDefaults {
  fiscal_year: number;
  /** the poverty lines of the settings' survey round (null when none is stored) */
  poverty_line: number | null;
  extreme_poverty_line: number | null;
  /** the year that line belongs to (the survey round or the latest earlier year) */
  poverty_line_year: number | null;
  /** stored ceilings of the fiscal year by agency id (an agency without one is funded fully) */
  ceilings: Readonly<Record<string, number>>;
  unit_costs: readonly UnitCostItem[];
}

/** What the form holds. A ceiling of null = no ceiling; a unit cost of null = not set. */
export interface WhatIfState {
  poverty_line: number | null;
  extreme_poverty_line: number | null;
  classes: PovertyClass[];
  ceilings: Record<string, number | null>;
  unit_costs: Record<string, number | null>;
}

export function initialWhatIfState(defaults: WhatIfDefaults, agencies: readonly string[]): WhatIfState {
  const ceilings: Record<string, number | null> = {};
  for (const agency of agencies) ceilings[agency] = defaults.ceilings[agency] ?? null;
  for (const [agency, amount] of Object.entries(defaults.ceilings)) ceilings[agency] = amount;
  const unitCosts: Record<string, number | null> = {};
  for (const item of defaults.unit_costs) unitCosts[item.code] = item.unit_cost;
  return {
    poverty_line: defaults.poverty_line,
    extreme_poverty_line: defaults.extreme_poverty_line,
    classes: [...POVERTY_CLASSES],
    ceilings,
    unit_costs: unitCosts,
  };
}

const sameClasses = (classes: readonly PovertyClass[]): boolean =>
  POVERTY_CLASSES.every((item) => classes.includes(item)) && classes.length === POVERTY_CLASSES.length;

/**
 * The overrides of a state against its defaults: only what differs. A line equal to the stored one is
 * not sent (the households then keep the lines they were classified with); a unit cost cleared back to
 * empty is not sent either (the stored one applies).
 */
/** A form number as an amount: whole and not negative; an empty field (null or undefined) gives null. */
function amountOf(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
}

export function buildOverrides(state: WhatIfState, defaults: WhatIfDefaults): AllocationOverrides {
  const overrides: {
    poverty_line?: number;
    extreme_poverty_line?: number;
    ceilings?: Record<string, number | null>;
    unit_costs?: Record<string, number>;
    classes?: PovertyClass[];
  } = {};
  const povertyLine = amountOf(state.poverty_line);
  if (povertyLine !== null && povertyLine !== defaults.poverty_line) overrides.poverty_line = povertyLine;
  const extremeLine = amountOf(state.extreme_poverty_line);
  if (extremeLine !== null && extremeLine !== defaults.extreme_poverty_line) {
    overrides.extreme_poverty_line = extremeLine;
  }
  const ceilings: Record<string, number | null> = {};
  for (const [agency, value] of Object.entries(state.ceilings)) {
    const amount = amountOf(value);
    const stored = defaults.ceilings[agency] ?? null;
    if (amount !== stored) ceilings[agency] = amount;
  }
  if (Object.keys(ceilings).length > 0) overrides.ceilings = ceilings;
  const unitCosts: Record<string, number> = {};
  for (const item of defaults.unit_costs) {
    const value = amountOf(state.unit_costs[item.code]);
    if (value !== null && value !== item.unit_cost) unitCosts[item.code] = value;
  }
  if (Object.keys(unitCosts).length > 0) overrides.unit_costs = unitCosts;
  if (!sameClasses(state.classes)) {
    overrides.classes = POVERTY_CLASSES.filter((item) => state.classes.includes(item));
  }
  return overrides;
}

export function hasOverrides(overrides: AllocationOverrides): boolean {
  return Object.keys(overrides).length > 0;
}

/** What the state changed, in words, for the "Perubahan dari kondisi awal" list. */
export function describeOverrides(
  overrides: AllocationOverrides,
  defaults: WhatIfDefaults,
  names: AllocationNames,
): string[] {
  const changes: string[] = [];
  const rupiahOrNone = (value: number | null | undefined): string =>
    value === null || value === undefined ? 'tanpa pagu' : formatRupiah(value);
  if (overrides.poverty_line !== undefined) {
    changes.push(
      `Garis kemiskinan: ${formatRupiah(defaults.poverty_line)} → ${formatRupiah(overrides.poverty_line)}`,
    );
  }
  if (overrides.extreme_poverty_line !== undefined) {
    changes.push(
      `Garis kemiskinan ekstrem: ${formatRupiah(defaults.extreme_poverty_line)} → ${formatRupiah(overrides.extreme_poverty_line)}`,
    );
  }
  for (const [agency, amount] of Object.entries(overrides.ceilings ?? {})) {
    const label = names.agencies.get(agency)?.short_name ?? agency;
    changes.push(`Pagu ${label}: ${rupiahOrNone(defaults.ceilings[agency])} → ${rupiahOrNone(amount)}`);
  }
  for (const [code, amount] of Object.entries(overrides.unit_costs ?? {})) {
    const item = defaults.unit_costs.find((candidate) => candidate.code === code);
    const before = item?.unit_cost ?? null;
    changes.push(
      `Biaya satuan ${item?.name ?? code}: ${before === null ? 'belum diisi' : formatRupiah(before)} → ${formatRupiah(amount)}`,
    );
  }
  if (overrides.classes !== undefined) {
    const labels = overrides.classes.map((item) => POVERTY_CLASS_LABELS[item].replace(/ \(.*\)$/, ''));
    changes.push(`Kelas yang didanai: ${labels.length === 0 ? 'tidak ada' : labels.join(', ')}`);
  }
  return changes;
}

/** Problems of a state the user should fix before a simulation makes sense (shown next to the form). */
export function whatIfProblems(state: WhatIfState): string[] {
  const problems: string[] = [];
  const povertyLine = amountOf(state.poverty_line);
  const extremeLine = amountOf(state.extreme_poverty_line);
  if (povertyLine !== null && extremeLine !== null && extremeLine > povertyLine) {
    problems.push('Garis kemiskinan ekstrem tidak boleh lebih tinggi dari garis kemiskinan.');
  }
  if (state.classes.length === 0) {
    problems.push('Pilih paling sedikit satu kelas kemiskinan yang dapat didanai.');
  }
  return problems;
}

/** Range of a poverty-line slider: half to one and a half times the stored line, in steps of Rp 1.000. */
export function lineSliderBounds(value: number | null): { min: number; max: number; step: number } {
  const base = value !== null && value > 0 ? value : 500_000;
  const step = 1_000;
  return {
    min: Math.floor((base * 0.5) / step) * step,
    max: Math.ceil((base * 1.5) / step) * step,
    step,
  };
}

/**
 * Reads the body the Simulasi page posts ({ overrides }) into the preview request of the page's fiscal
 * year (a body cannot change the year or the scope). Messages come from core and name the field.
 */
export function readWhatIfBody(
  body: unknown,
  fiscalYear: number,
): { ok: true; request: AllocationRequest } | { ok: false; message: string } {
  const overrides =
    typeof body === 'object' && body !== null && 'overrides' in body
      ? (body as { overrides: unknown }).overrides
      : undefined;
  const parsed = readAllocationRequest(
    { fiscal_year: fiscalYear, overrides: overrides ?? null, unfunded_limit: 0 },
    { allowOverrides: true },
  );
  if (!parsed.ok) return { ok: false, message: parsed.problems.map((problem) => problem.message).join(' ') };
  return { ok: true, request: parsed.request };
}
