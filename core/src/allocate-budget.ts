import { classifyHousehold } from './classify-household.ts';
import type {
  AllocationHousehold,
  AllocationInput,
  AllocationLine,
  AllocationResult,
  AllocationScope,
  AllocationSkipped,
  AllocationSubKegiatan,
  InterventionStatus,
  PlannedIntervention,
  UnfundedIntervention,
} from './allocation-types.ts';
import type { Classification, PovertyClass } from './types.ts';

const CLASS_RANK: Record<PovertyClass, number> = { ekstrem: 0, miskin: 1, tidak_miskin: 2 };
const ALL_CLASSES: readonly PovertyClass[] = ['ekstrem', 'miskin', 'tidak_miskin'];
/** statuses in which an intervention still holds its needs (the household is being served) */
const HOLDING: ReadonlySet<InterventionStatus> = new Set(['planned', 'budgeted', 'in_progress']);

type HouseholdState = {
  household: AllocationHousehold;
  inScope: boolean;
  /** priority class: 0 ekstrem, 1 miskin, 2 tidak_miskin; -1 never funded */
  rank: number;
  /** computed on the household's first need; undefined until then */
  klass: Classification | null | undefined;
  /** open, fundable needs */
  count: number;
  /** kept in sub-kegiatan code order; null until the first one (most households have none or few) */
  candidates: Candidate[] | null;
};

type Candidate = {
  need: number;
  /** the other needs served by the same intervention (null when there is only one) */
  more: number[] | null;
  quantity: number;
  sub: SubState;
};

type SubState = {
  sub: AllocationSubKegiatan;
  /** position in code order */
  order: number;
  unitCost: number | null;
  agency: AgencyState;
  /** the line of this run: funded households, volume and rupiah */
  households: number;
  volume: number;
  total: number;
};

type AgencyState = {
  id: string;
  ceiling: number | null;
  reserved: number;
  /** ceiling - reserved - funded so far; Infinity without a ceiling */
  remaining: number;
  funded: number;
  unfunded: number;
  /** listed in `agencies` even when nothing is funded (it has a ceiling, a reservation or candidates) */
  listed: boolean;
};

/**
 * Allocates a fiscal year's budget to households' open needs (DESIGN "Allocation"). Pure and
 * deterministic: the same input always gives the same answer, in the same order.
 *
 * 1. Release: interventions of the year still `planned`, of in-scope households and not in a
 *    finalised run, are released (`release.interventions`); in-scope needs that are `planned` but no
 *    longer held by any remaining planned/budgeted/in-progress intervention return to open
 *    (`release.needs`). Every other intervention of the year that is not cancelled keeps its cost,
 *    reserved first against its agency's ceiling.
 * 2. Candidates: open needs of verified, in-scope households whose rule links an active
 *    sub-kegiatan, whose classification (re-computed when the what-if changes a line) is allowed by
 *    the rule's applies_to and the requested classes, and whose household is not already served by
 *    that sub-kegiatan. One intervention per household and sub-kegiatan, with the largest quantity
 *    among its needs; cost = unit cost x quantity. Sub-kegiatan without a unit cost are listed in
 *    `missing_unit_cost` ("biaya satuan belum diisi"); `unclassified` households are never funded.
 * 3. Priority: ekstrem, miskin, tidak_miskin; within a class more open fundable needs first, then
 *    lower per capita, then household id; a household's interventions by sub-kegiatan code.
 * 4. Each agency is funded greedily in that order up to its ceiling (none = fund all), skipping
 *    what does not fit and continuing with the next.
 */
export function allocateBudget(input: AllocationInput): AllocationResult {
  const year = input.fiscal_year;
  const overrides = input.overrides ?? {};
  const inScope = scopeTest(input.scope);
  const states = indexHouseholds(input.households, inScope);

  // 1. Release and reservation.
  const releasedInterventions: number[] = [];
  const held = new Set<string>();
  const reserved = new Map<string, number>();
  for (const intervention of input.interventions) {
    const household = states.get(intervention.household);
    const scoped = household ? household.inScope : inScope(intervention.desa, intervention.kecamatan);
    if (
      intervention.fiscal_year === year &&
      intervention.status === 'planned' &&
      !intervention.finalised &&
      scoped
    ) {
      releasedInterventions.push(intervention.id);
      continue;
    }
    const sameYear = intervention.fiscal_year === year && intervention.status !== 'cancelled';
    if (HOLDING.has(intervention.status) || sameYear)
      held.add(pairKey(intervention.household, intervention.sub_kegiatan));
    if (sameYear) {
      const agency = intervention.perangkat_daerah;
      reserved.set(agency, (reserved.get(agency) ?? 0) + Math.round(intervention.planned_cost ?? 0));
    }
  }
  releasedInterventions.sort((a, b) => a - b);

  // Agencies and sub-kegiatan, resolved once.
  const ceilings = new Map<string, number | null>(Object.entries(input.ceilings));
  for (const [agency, amount] of Object.entries(overrides.ceilings ?? {})) ceilings.set(agency, amount);
  const agencies = new Map<string, AgencyState>();
  const agencyOf = (id: string): AgencyState => {
    let agency = agencies.get(id);
    if (agency === undefined) {
      const ceiling = ceilings.get(id) ?? null;
      const kept = reserved.get(id) ?? 0;
      agency = {
        id,
        ceiling,
        reserved: kept,
        remaining: ceiling === null ? Number.POSITIVE_INFINITY : ceiling - kept,
        funded: 0,
        unfunded: 0,
        listed: ceilings.has(id) || reserved.has(id),
      };
      agencies.set(id, agency);
    }
    return agency;
  };
  for (const id of [...ceilings.keys(), ...reserved.keys()]) agencyOf(id);
  const unitCostOverrides = overrides.unit_costs ?? {};
  const subs = new Map<string, SubState>();
  [...input.sub_kegiatan]
    .sort((a, b) => compare(a.code, b.code))
    .forEach((sub, order) => {
      subs.set(sub.code, {
        sub,
        order,
        unitCost: readUnitCost(unitCostOverrides[sub.code] ?? sub.unit_cost),
        agency: agencyOf(sub.perangkat_daerah),
        households: 0,
        volume: 0,
        total: 0,
      });
    });

  // 2. Candidates.
  const appliesTo = new Map(input.rules.map((rule) => [rule.key, rule.applies_to]));
  const allowedClasses = new Set<Classification>(overrides.classes ?? ALL_CLASSES);
  const classOf = classifier(overrides.poverty_line, overrides.extreme_poverty_line, year);

  const reopened: number[] = [];
  const skipped: AllocationSkipped = {
    no_sub_kegiatan: 0,
    inactive_sub_kegiatan: 0,
    unclassified: 0,
    class_excluded: 0,
    already_served: 0,
    not_verified: 0,
  };
  const missing = new Map<
    string,
    { sub: AllocationSubKegiatan; needs: number; volumes: Map<number, number> }
  >();
  const checkHeld = held.size > 0;

  for (const need of input.needs) {
    const state = states.get(need.household);
    if (state === undefined || !state.inScope) continue;
    const household = state.household;
    const code = need.sub_kegiatan;
    const isHeld = checkHeld && code !== null && held.has(pairKey(need.household, code));
    if (need.status === 'planned') {
      if (isHeld) continue;
      reopened.push(need.id);
    }
    if (!household.verified) {
      skipped.not_verified++;
      continue;
    }
    if (code === null) {
      skipped.no_sub_kegiatan++;
      continue;
    }
    const sub = subs.get(code);
    if (sub === undefined || !sub.sub.active) {
      skipped.inactive_sub_kegiatan++;
      continue;
    }
    if (isHeld) {
      skipped.already_served++;
      continue;
    }
    if (state.klass === undefined) {
      state.klass = classOf(household);
      state.rank = state.klass === null || state.klass === 'unclassified' ? -1 : CLASS_RANK[state.klass];
    }
    const klass = state.klass;
    if (klass === null || klass === 'unclassified') {
      skipped.unclassified++;
      continue;
    }
    const ruleClasses = appliesTo.get(need.indicator);
    if (
      !allowedClasses.has(klass) ||
      (ruleClasses && ruleClasses.length > 0 && !ruleClasses.includes(klass))
    ) {
      skipped.class_excluded++;
      continue;
    }
    const quantity = unitsOf(need.quantity);
    if (sub.unitCost === null) {
      const entry = missing.get(code) ?? { sub: sub.sub, needs: 0, volumes: new Map<number, number>() };
      entry.needs++;
      entry.volumes.set(household.id, Math.max(entry.volumes.get(household.id) ?? 0, quantity));
      missing.set(code, entry);
      continue;
    }
    state.count++;
    const candidates = (state.candidates ??= []);
    let at = 0;
    while (at < candidates.length && (candidates[at] as Candidate).sub.order < sub.order) at++;
    const current = candidates[at];
    if (current === undefined) {
      candidates.push({ need: need.id, more: null, quantity, sub });
    } else if (current.sub !== sub) {
      candidates.splice(at, 0, { need: need.id, more: null, quantity, sub });
    } else {
      const previous = current.need;
      if (quantity > current.quantity || (quantity === current.quantity && need.id < previous)) {
        current.quantity = quantity;
        current.need = need.id;
        (current.more ??= []).push(previous);
      } else {
        (current.more ??= []).push(need.id);
      }
    }
  }
  reopened.sort((a, b) => a - b);

  // 3. Priority.
  const ordered: HouseholdState[] = [];
  for (const state of states.values()) if (state.candidates !== null) ordered.push(state);
  const n = ordered.length;
  const groupKey = new Float64Array(n);
  const perCapita = new Float64Array(n);
  const ids = new Float64Array(n);
  ordered.forEach((state, i) => {
    groupKey[i] = state.rank * 1e7 - state.count;
    perCapita[i] = state.household.per_capita ?? Number.MAX_VALUE;
    ids[i] = state.household.id;
  });
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort(
    (a, b) =>
      (groupKey[a] as number) - (groupKey[b] as number) ||
      (perCapita[a] as number) - (perCapita[b] as number) ||
      (ids[a] as number) - (ids[b] as number),
  );

  // 4. Greedy funding per agency.
  const funded: PlannedIntervention[] = [];
  const unfunded: UnfundedIntervention[] = [];
  let householdsFunded = 0;
  let fundedCount = 0;
  const listInterventions = input.list_interventions !== false;
  for (const index of order) {
    const { household, candidates } = ordered[index] as HouseholdState & { candidates: Candidate[] };
    let anyFunded = false;
    for (const candidate of candidates) {
      const { agency, sub } = candidate.sub;
      const unitCost = candidate.sub.unitCost as number;
      const cost = unitCost * candidate.quantity;
      agency.listed = true;
      if (cost <= agency.remaining) {
        agency.remaining -= cost;
        agency.funded += cost;
        candidate.sub.households++;
        candidate.sub.volume += candidate.quantity;
        candidate.sub.total += cost;
        anyFunded = true;
        fundedCount++;
        if (!listInterventions) continue;
        funded.push({
          household: household.id,
          need: candidate.need,
          needs:
            candidate.more === null
              ? [candidate.need]
              : [candidate.need, ...candidate.more].sort((a, b) => a - b),
          sub_kegiatan: sub.code,
          perangkat_daerah: agency.id,
          desa: household.desa,
          kecamatan: household.kecamatan,
          quantity: candidate.quantity,
          unit_cost: unitCost,
          planned_cost: cost,
        });
      } else {
        agency.unfunded += cost;
        unfunded.push({
          household: household.id,
          need: candidate.need,
          sub_kegiatan: sub.code,
          perangkat_daerah: agency.id,
          cost,
        });
      }
    }
    if (anyFunded) householdsFunded++;
  }
  const listed = [...agencies.values()].filter((agency) => agency.listed).sort((a, b) => compare(a.id, b.id));

  return {
    fiscal_year: year,
    totals: {
      funded: listed.reduce((total, agency) => total + agency.funded, 0),
      unfunded: listed.reduce((total, agency) => total + agency.unfunded, 0),
      households_funded: householdsFunded,
    },
    agencies: listed.map((agency) => ({
      perangkat_daerah: agency.id,
      ceiling: agency.ceiling,
      reserved: agency.reserved,
      funded: agency.funded,
      unfunded: agency.unfunded,
    })),
    lines: linesOf(subs),
    unfunded,
    interventions: funded,
    interventions_count: fundedCount,
    missing_unit_cost: [...missing.values()]
      .map(({ sub, needs: count, volumes }) => ({
        sub_kegiatan: sub.code,
        name: sub.name,
        perangkat_daerah: sub.perangkat_daerah,
        households: volumes.size,
        needs: count,
        volume: sum(volumes.values()),
      }))
      .sort(byAgencyThenCode),
    release: { interventions: releasedInterventions, needs: reopened },
    skipped,
  };
}

function pairKey(household: number, subKegiatan: string): string {
  return `${household}|${subKegiatan}`;
}

function scopeTest(
  scope: AllocationScope | undefined,
): (desa: string | null, kecamatan: string | null) => boolean {
  const kecamatan = new Set(scope?.kecamatan ?? []);
  const desa = new Set(scope?.desa ?? []);
  if (kecamatan.size === 0 && desa.size === 0) return () => true;
  return (d, k) => (d !== null && desa.has(d)) || (k !== null && kecamatan.has(k));
}

/** The stored classification, or, when the what-if changes a line, the one the same per capita gets. */
function classifier(
  povertyLine: number | undefined,
  extremeLine: number | undefined,
  year: number,
): (household: AllocationHousehold) => Classification | null {
  if (povertyLine === undefined && extremeLine === undefined) return (household) => household.classification;
  return (household) => {
    if (household.per_capita === null) return household.classification;
    const poverty = povertyLine ?? household.poverty_line_used;
    const extreme = extremeLine ?? household.extreme_line_used;
    if (poverty === null || extreme === null) return 'unclassified';
    return classifyHousehold({
      answers: { monthly_income: household.per_capita, member_count: 1 },
      round: year,
      basis: 'income',
      region: 'what-if',
      lines: [{ year, region: 'what-if', poverty_line: poverty, extreme_poverty_line: extreme }],
    }).classification;
  };
}

/** A need's volume: whole units, at least one (a detected need is one unit unless its rule counts more). */
function unitsOf(quantity: number | null): number {
  if (quantity === null || !Number.isFinite(quantity) || quantity < 1) return 1;
  return Math.floor(quantity);
}

function readUnitCost(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value) || value < 0) return null;
  return Math.round(value);
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function byAgencyThenCode(
  a: { perangkat_daerah: string; sub_kegiatan: string },
  b: { perangkat_daerah: string; sub_kegiatan: string },
): number {
  return compare(a.perangkat_daerah, b.perangkat_daerah) || compare(a.sub_kegiatan, b.sub_kegiatan);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function linesOf(subs: Map<string, SubState>): AllocationLine[] {
  const lines: AllocationLine[] = [];
  for (const state of subs.values()) {
    if (state.households === 0) continue;
    lines.push({
      sub_kegiatan: state.sub.code,
      perangkat_daerah: state.agency.id,
      households: state.households,
      volume: state.volume,
      unit: state.sub.unit,
      unit_cost: state.unitCost as number,
      total: state.total,
    });
  }
  return lines.sort(byAgencyThenCode);
}

type HouseholdIndex = {
  get(id: number): HouseholdState | undefined;
  values(): Iterable<HouseholdState>;
};

/** One state per household, found by id: an array when ids are dense (the usual case), else a Map. */
function indexHouseholds(
  households: readonly AllocationHousehold[],
  inScope: (desa: string | null, kecamatan: string | null) => boolean,
): HouseholdIndex {
  const list: HouseholdState[] = households.map((household) => ({
    household,
    inScope: inScope(household.desa, household.kecamatan),
    rank: -1,
    klass: undefined,
    count: 0,
    candidates: null,
  }));
  let max = 0;
  let dense = true;
  for (const household of households) {
    if (!Number.isInteger(household.id) || household.id < 0) dense = false;
    else if (household.id > max) max = household.id;
  }
  if (dense && max <= 2 * households.length + 1_024) {
    const byId: (HouseholdState | undefined)[] = new Array<HouseholdState | undefined>(max + 1).fill(
      undefined,
    );
    for (const state of list) byId[state.household.id] ??= state;
    return {
      get: (id) => (Number.isInteger(id) && id >= 0 && id <= max ? byId[id] : undefined),
      values: () => byId.filter((state): state is HouseholdState => state !== undefined),
    };
  }
  const byId = new Map<number, HouseholdState>();
  for (const state of list) if (!byId.has(state.household.id)) byId.set(state.household.id, state);
  return { get: (id) => byId.get(id), values: () => byId.values() };
}
