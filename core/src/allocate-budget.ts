import { classifyPerCapita } from './classify-per-capita.ts';
import { readNumber } from './read-number.ts';
import { tabulateNeeds } from './tabulate-needs.ts';
import type {
  AllocationHousehold,
  AllocationInput,
  AllocationLine,
  AllocationNeedTable,
  AllocationOverrides,
  AllocationResult,
  AllocationRule,
  AllocationScope,
  AllocationSkipped,
  AllocationSubKegiatan,
  InterventionStatus,
  PlannedIntervention,
  UnfundedIntervention,
  UnfundedTable,
} from './allocation-types.ts';
import type { Classification, PovertyClass } from './types.ts';

const CLASS_RANK: Record<PovertyClass, number> = { ekstrem: 0, miskin: 1, tidak_miskin: 2 };
const ALL_CLASSES: readonly PovertyClass[] = ['ekstrem', 'miskin', 'tidak_miskin'];
/** statuses in which an intervention still holds its needs (the household is being served) */
const HOLDING: ReadonlySet<InterventionStatus> = new Set(['planned', 'budgeted', 'in_progress']);

/** a household's rank before its class is known, and of one that is never funded */
const UNKNOWN_RANK = -2;
const NEVER_FUNDED = -1;
const ALL_CLASSES_MASK = 0b111;

type SubState = {
  sub: AllocationSubKegiatan;
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
 *
 * A run of 100,000 households and 300,000 needs must stay well under a second (the what-if page
 * calls this on every slider move), so the candidates live in typed arrays, one slot per need,
 * and objects are made only for what the answer lists.
 */
export function allocateBudget(input: AllocationInput): AllocationResult {
  const year = input.fiscal_year;
  const overrides = input.overrides ?? {};
  const homes = indexHouseholds(input.households, scopeTest(input.scope));
  const householdCount = homes.list.length;

  // Every sub-kegiatan code gets a number: the catalogue's in code order first (the order of a
  // household's interventions), then other codes that interventions name.
  const catalogue = [...input.sub_kegiatan].sort((a, b) => compare(a.code, b.code));
  const codeNumbers = new Map<string, number>();
  const numberOf = (code: string): number => {
    let number = codeNumbers.get(code);
    if (number === undefined) {
      number = codeNumbers.size;
      codeNumbers.set(code, number);
    }
    return number;
  };
  for (const sub of catalogue) numberOf(sub.code);

  // 1. Release and reservation. `held`: household position + code number * household count.
  const releasedInterventions: number[] = [];
  const held = new Set<number>();
  const reserved = new Map<string, number>();
  for (const intervention of input.interventions) {
    const position = homes.positionOf(intervention.household);
    const scoped =
      position >= 0 ? homes.inScope[position] === 1 : homes.scope(intervention.desa, intervention.kecamatan);
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
    // a household that is not in the input has no needs here to hold
    if ((HOLDING.has(intervention.status) || sameYear) && position >= 0)
      held.add(numberOf(intervention.sub_kegiatan) * householdCount + position);
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
  /** by code number; a code listed twice keeps its last entry */
  const subs: (SubState | undefined)[] = [];
  for (const sub of catalogue) {
    subs[numberOf(sub.code)] = {
      sub,
      unitCost: readUnitCost(unitCostOverrides[sub.code] ?? sub.unit_cost),
      agency: agencyOf(sub.perangkat_daerah),
      households: 0,
      volume: 0,
      total: 0,
    };
  }

  const found = collectCandidates({
    needs: tabulateNeeds(input.needs),
    rules: input.rules,
    overrides,
    homes,
    codeNumbers,
    subs,
    held,
  });
  const groups = groupByHousehold(found.candidates, householdCount);
  const ordered = orderHouseholds(groups.start, homes.list, found.ranks, found.counts);
  const funding = fund(ordered, groups, found.candidates, subs);
  const outcome: Outcome = { funding, groups, candidates: found.candidates, list: homes.list, subs };
  const funded = input.list_interventions === false ? [] : listFunded(outcome);
  const unfunded = listUnfunded(outcome, input.unfunded_limit ?? null);
  const unfundedTable = input.tabulate_unfunded === true ? tabulateUnfunded(outcome) : null;
  const listed = [...agencies.values()].filter((agency) => agency.listed).sort((a, b) => compare(a.id, b.id));

  return {
    fiscal_year: year,
    totals: {
      funded: listed.reduce((total, agency) => total + agency.funded, 0),
      unfunded: listed.reduce((total, agency) => total + agency.unfunded, 0),
      households_funded: funding.households,
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
    unfunded_count: funding.unfundedCount,
    unfunded_table: unfundedTable,
    interventions: funded,
    interventions_count: funding.fundedCount,
    missing_unit_cost: [...found.missing.values()]
      .map(({ sub, needs: count, volumes }) => ({
        sub_kegiatan: sub.code,
        name: sub.name,
        perangkat_daerah: sub.perangkat_daerah,
        households: volumes.size,
        needs: count,
        volume: sum(volumes.values()),
      }))
      .sort(byAgencyThenCode),
    release: { interventions: releasedInterventions, needs: found.reopened },
    skipped: found.skipped,
  };
}

/** One slot per need that may be funded: its household's position, code number, units and need id. */
type Candidates = {
  household: Int32Array;
  code: Int32Array;
  quantity: Float64Array;
  need: Float64Array;
  count: number;
};

type Missing = Map<string, { sub: AllocationSubKegiatan; needs: number; volumes: Map<number, number> }>;

/**
 * 2. The needs that may be funded, and what happens to the others: planned needs no longer held
 * return to open (`reopened`), the rest are counted in `skipped` or, without a unit cost, `missing`.
 * Also each household's rank (its class; computed on its first need) and count of fundable needs.
 */
function collectCandidates(context: {
  needs: AllocationNeedTable;
  rules: readonly AllocationRule[];
  overrides: AllocationOverrides;
  homes: HouseholdIndex;
  codeNumbers: ReadonlyMap<string, number>;
  subs: readonly (SubState | undefined)[];
  /** household position + code number * household count */
  held: ReadonlySet<number>;
}): {
  candidates: Candidates;
  ranks: Int8Array;
  counts: Int32Array;
  reopened: number[];
  skipped: AllocationSkipped;
  missing: Missing;
} {
  const { needs, overrides, homes, codeNumbers, subs, held } = context;
  const householdCount = homes.list.length;
  const requested = classMask(overrides.classes ?? ALL_CLASSES);
  /** per rule: the classes it may fund (its applies_to, empty = all) among those requested */
  const ruleMasks = new Map<string, number>();
  for (const rule of context.rules) {
    const applies = rule.applies_to ?? [];
    ruleMasks.set(rule.key, requested & (applies.length > 0 ? classMask(applies) : ALL_CLASSES_MASK));
  }
  const classOf = classifier(overrides.poverty_line, overrides.extreme_poverty_line);
  const ranks = new Int8Array(householdCount).fill(UNKNOWN_RANK);
  const counts = new Int32Array(householdCount);
  const reopened: number[] = [];
  const skipped: AllocationSkipped = {
    no_sub_kegiatan: 0,
    inactive_sub_kegiatan: 0,
    unclassified: 0,
    class_excluded: 0,
    already_served: 0,
    not_verified: 0,
  };
  const missing: Missing = new Map();
  const checkHeld = held.size > 0;
  const count = needs.id.length;
  const candidates: Candidates = {
    household: new Int32Array(count),
    code: new Int32Array(count),
    quantity: new Float64Array(count),
    need: new Float64Array(count),
    count: 0,
  };
  for (let i = 0; i < count; i++) {
    const position = homes.positionOf(needs.household[i] as number);
    if (position < 0 || homes.inScope[position] === 0) continue;
    const household = homes.list[position] as AllocationHousehold;
    const code = needs.sub_kegiatan[i] ?? null;
    const id = needs.id[i] as number;
    const number = code === null ? undefined : codeNumbers.get(code);
    const isHeld = checkHeld && number !== undefined && held.has(number * householdCount + position);
    if (needs.status[i] === 'planned') {
      if (isHeld) continue;
      reopened.push(id);
    }
    if (!household.verified) {
      skipped.not_verified++;
      continue;
    }
    if (code === null) {
      skipped.no_sub_kegiatan++;
      continue;
    }
    const sub = number === undefined ? undefined : subs[number];
    if (sub === undefined || !sub.sub.active) {
      skipped.inactive_sub_kegiatan++;
      continue;
    }
    if (isHeld) {
      skipped.already_served++;
      continue;
    }
    let rank = ranks[position] as number;
    if (rank === UNKNOWN_RANK) {
      const klass = classOf(household);
      rank = klass === null || klass === 'unclassified' ? NEVER_FUNDED : CLASS_RANK[klass];
      ranks[position] = rank;
    }
    if (rank === NEVER_FUNDED) {
      skipped.unclassified++;
      continue;
    }
    if (((ruleMasks.get(needs.indicator[i] as string) ?? requested) & (1 << rank)) === 0) {
      skipped.class_excluded++;
      continue;
    }
    const quantity = unitsOf(needs.quantity[i] ?? null);
    if (sub.unitCost === null) {
      const entry = missing.get(code) ?? { sub: sub.sub, needs: 0, volumes: new Map<number, number>() };
      entry.needs++;
      entry.volumes.set(household.id, Math.max(entry.volumes.get(household.id) ?? 0, quantity));
      missing.set(code, entry);
      continue;
    }
    counts[position] = (counts[position] as number) + 1;
    const slot = candidates.count++;
    candidates.household[slot] = position;
    candidates.code[slot] = number as number;
    candidates.quantity[slot] = quantity;
    candidates.need[slot] = id;
  }
  reopened.sort((a, b) => a - b);
  return { candidates, ranks, counts, reopened, skipped, missing };
}

/** The candidates of household p are byHousehold[start[p] .. start[p + 1]) (a counting sort). */
type Groups = { start: Int32Array; byHousehold: Int32Array };

function groupByHousehold(candidates: Candidates, householdCount: number): Groups {
  const start = new Int32Array(householdCount + 1);
  for (let k = 0; k < candidates.count; k++) {
    const next = (candidates.household[k] as number) + 1;
    start[next] = (start[next] as number) + 1;
  }
  for (let p = 0; p < householdCount; p++) start[p + 1] = (start[p + 1] as number) + (start[p] as number);
  const byHousehold = new Int32Array(candidates.count);
  const fill = start.slice(0, householdCount);
  for (let k = 0; k < candidates.count; k++) {
    const p = candidates.household[k] as number;
    byHousehold[fill[p] as number] = k;
    fill[p] = (fill[p] as number) + 1;
  }
  return { start, byHousehold };
}

/** 3. The positions of households with candidates, in priority order. */
function orderHouseholds(
  start: Int32Array,
  list: readonly AllocationHousehold[],
  ranks: Int8Array,
  counts: Int32Array,
): number[] {
  const ordered: number[] = [];
  for (let p = 0; p < list.length; p++) if (start[p + 1] !== start[p]) ordered.push(p);
  return orderByPackedKeys(ordered, list, ranks, counts) ?? orderByComparison(ordered, list, ranks, counts);
}

/** Class, then more needs first, then lower per capita (none = last), then id. */
function orderByComparison(
  ordered: number[],
  list: readonly AllocationHousehold[],
  ranks: Int8Array,
  counts: Int32Array,
): number[] {
  const groupKey = new Float64Array(list.length);
  const perCapita = new Float64Array(list.length);
  const ids = new Float64Array(list.length);
  for (const p of ordered) {
    const household = list[p] as AllocationHousehold;
    groupKey[p] = (ranks[p] as number) * 1e7 - (counts[p] as number);
    perCapita[p] = household.per_capita ?? Number.MAX_VALUE;
    ids[p] = household.id;
  }
  return ordered.sort(
    (a, b) =>
      (groupKey[a] as number) - (groupKey[b] as number) ||
      (perCapita[a] as number) - (perCapita[b] as number) ||
      (ids[a] as number) - (ids[b] as number),
  );
}

const MAX_COUNT_BUCKET = 1_023;
const POSITION_SPAN = 2 ** 21;
const NO_PER_CAPITA = 2 ** 32 - 1;

/**
 * The same order without a comparison function, for the usual data: households listed by id, whole
 * per capita below 2^32 - 1 rupiah, at most 1,023 needs and 2^21 households. The households go into
 * one bucket per class and need count (a counting sort), and each bucket is sorted as numbers that
 * pack per capita and position (position order is id order here). About three times faster than
 * comparing (20 against 70 ms for 93,000 households in the bench); null when the data is not usual
 * (the comparison then decides).
 */
function orderByPackedKeys(
  ordered: readonly number[],
  list: readonly AllocationHousehold[],
  ranks: Int8Array,
  counts: Int32Array,
): number[] | null {
  if (list.length > POSITION_SPAN) return null;
  for (let p = 1; p < list.length; p++)
    if ((list[p] as AllocationHousehold).id <= (list[p - 1] as AllocationHousehold).id) return null;
  const bucketOf = new Int32Array(ordered.length);
  const sizes = new Int32Array(3 * (MAX_COUNT_BUCKET + 1) + 1);
  for (let i = 0; i < ordered.length; i++) {
    const p = ordered[i] as number;
    const count = counts[p] as number;
    const perCapita = (list[p] as AllocationHousehold).per_capita;
    if (count > MAX_COUNT_BUCKET) return null;
    if (perCapita !== null && !(Number.isInteger(perCapita) && perCapita >= 0 && perCapita < NO_PER_CAPITA))
      return null;
    const bucket = (ranks[p] as number) * (MAX_COUNT_BUCKET + 1) + (MAX_COUNT_BUCKET - count);
    bucketOf[i] = bucket;
    sizes[bucket + 1] = (sizes[bucket + 1] as number) + 1;
  }
  for (let b = 1; b < sizes.length; b++) sizes[b] = (sizes[b] as number) + (sizes[b - 1] as number);
  const keys = new Float64Array(ordered.length);
  const fill = sizes.slice(0, sizes.length - 1);
  for (let i = 0; i < ordered.length; i++) {
    const p = ordered[i] as number;
    const bucket = bucketOf[i] as number;
    const perCapita = (list[p] as AllocationHousehold).per_capita ?? NO_PER_CAPITA;
    keys[fill[bucket] as number] = perCapita * POSITION_SPAN + p;
    fill[bucket] = (fill[bucket] as number) + 1;
  }
  const result = new Array<number>(ordered.length);
  for (let b = 0; b + 1 < sizes.length; b++) {
    const from = sizes[b] as number;
    const to = sizes[b + 1] as number;
    if (to - from > 1) keys.subarray(from, to).sort();
    for (let i = from; i < to; i++) result[i] = (keys[i] as number) % POSITION_SPAN;
  }
  return result;
}

/**
 * Funded interventions: byHousehold[first[f] .. end[f]) are the candidates of one household and
 * sub-kegiatan, recorded on candidate funded[f]; unfunded[u] records the u-th that did not fit.
 */
type Funding = {
  first: Int32Array;
  end: Int32Array;
  funded: Int32Array;
  fundedCount: number;
  unfunded: Int32Array;
  unfundedCount: number;
  /** households with at least one funded intervention */
  households: number;
};

/**
 * 4. Greedy funding per agency. A household's candidates are put in code order; those of one
 * sub-kegiatan are one intervention, recorded on the need with the largest quantity (then lowest id).
 */
function fund(
  ordered: readonly number[],
  groups: Groups,
  candidates: Candidates,
  subs: readonly (SubState | undefined)[],
): Funding {
  const { start, byHousehold } = groups;
  const { code, quantity, need } = candidates;
  const funding: Funding = {
    first: new Int32Array(candidates.count),
    end: new Int32Array(candidates.count),
    funded: new Int32Array(candidates.count),
    fundedCount: 0,
    unfunded: new Int32Array(candidates.count),
    unfundedCount: 0,
    households: 0,
  };
  for (const p of ordered) {
    const from = start[p] as number;
    const to = start[p + 1] as number;
    sortByCode(byHousehold, from, to, code);
    let anyFunded = false;
    for (let g = from; g < to;) {
      let chosen = byHousehold[g] as number;
      const number = code[chosen] as number;
      let end = g + 1;
      for (; end < to && code[byHousehold[end] as number] === number; end++) {
        const k = byHousehold[end] as number;
        const units = quantity[k] as number;
        const best = quantity[chosen] as number;
        if (units > best || (units === best && (need[k] as number) < (need[chosen] as number))) chosen = k;
      }
      const sub = subs[number] as SubState;
      const agency = sub.agency;
      const units = quantity[chosen] as number;
      const cost = (sub.unitCost as number) * units;
      agency.listed = true;
      if (cost <= agency.remaining) {
        agency.remaining -= cost;
        agency.funded += cost;
        sub.households++;
        sub.volume += units;
        sub.total += cost;
        anyFunded = true;
        funding.first[funding.fundedCount] = g;
        funding.end[funding.fundedCount] = end;
        funding.funded[funding.fundedCount] = chosen;
        funding.fundedCount++;
      } else {
        agency.unfunded += cost;
        funding.unfunded[funding.unfundedCount] = chosen;
        funding.unfundedCount++;
      }
      g = end;
    }
    if (anyFunded) funding.households++;
  }
  return funding;
}

/** What the greedy pass decided, with what it needs to be listed. */
type Outcome = {
  funding: Funding;
  groups: Groups;
  candidates: Candidates;
  list: readonly AllocationHousehold[];
  subs: readonly (SubState | undefined)[];
};

function listFunded({ funding, groups, candidates, list, subs }: Outcome): PlannedIntervention[] {
  const funded = new Array<PlannedIntervention>(funding.fundedCount);
  for (let f = 0; f < funding.fundedCount; f++) {
    const chosen = funding.funded[f] as number;
    const household = list[candidates.household[chosen] as number] as AllocationHousehold;
    const sub = subs[candidates.code[chosen] as number] as SubState;
    const quantity = candidates.quantity[chosen] as number;
    const served: number[] = [];
    for (let g = funding.first[f] as number; g < (funding.end[f] as number); g++)
      served.push(candidates.need[groups.byHousehold[g] as number] as number);
    if (served.length > 1) served.sort((a, b) => a - b);
    funded[f] = {
      household: household.id,
      need: candidates.need[chosen] as number,
      needs: served,
      sub_kegiatan: sub.sub.code,
      perangkat_daerah: sub.agency.id,
      desa: household.desa,
      kecamatan: household.kecamatan,
      quantity,
      unit_cost: sub.unitCost as number,
      planned_cost: (sub.unitCost as number) * quantity,
    };
  }
  return funded;
}

/** The first `limit` unfunded interventions in priority order (null = all). */
function listUnfunded(
  { funding, candidates, list, subs }: Outcome,
  limit: number | null,
): UnfundedIntervention[] {
  const shown = limit === null ? funding.unfundedCount : Math.min(limit, funding.unfundedCount);
  const unfunded = new Array<UnfundedIntervention>(shown);
  for (let u = 0; u < shown; u++) {
    const chosen = funding.unfunded[u] as number;
    const sub = subs[candidates.code[chosen] as number] as SubState;
    unfunded[u] = {
      household: (list[candidates.household[chosen] as number] as AllocationHousehold).id,
      need: candidates.need[chosen] as number,
      sub_kegiatan: sub.sub.code,
      perangkat_daerah: sub.agency.id,
      cost: (sub.unitCost as number) * (candidates.quantity[chosen] as number),
    };
  }
  return unfunded;
}

/** Every unfunded intervention as one table: each sub-kegiatan once, one array per field. */
function tabulateUnfunded({ funding, candidates, list, subs }: Outcome): UnfundedTable {
  const count = funding.unfundedCount;
  const table: UnfundedTable = {
    sub_kegiatan: [],
    items: {
      household: new Array<number>(count),
      need: new Array<number>(count),
      sub_kegiatan: new Array<number>(count),
      cost: new Array<number>(count),
    },
  };
  /** by code number: the sub-kegiatan's index in the table, -1 until it is listed */
  const indexOf = new Int32Array(subs.length).fill(-1);
  const { household, need, sub_kegiatan: index, cost } = table.items;
  for (let u = 0; u < count; u++) {
    const chosen = funding.unfunded[u] as number;
    const number = candidates.code[chosen] as number;
    const sub = subs[number] as SubState;
    if (indexOf[number] === -1) {
      indexOf[number] = table.sub_kegiatan.length;
      table.sub_kegiatan.push({ code: sub.sub.code, perangkat_daerah: sub.agency.id });
    }
    household[u] = (list[candidates.household[chosen] as number] as AllocationHousehold).id;
    need[u] = candidates.need[chosen] as number;
    index[u] = indexOf[number] as number;
    cost[u] = (sub.unitCost as number) * (candidates.quantity[chosen] as number);
  }
  return table;
}

/** Sorts `items[from..to)` by their code number (insertion sort: a household has a handful). */
function sortByCode(items: Int32Array, from: number, to: number, code: Int32Array): void {
  for (let i = from + 1; i < to; i++) {
    const item = items[i] as number;
    const key = code[item] as number;
    let j = i - 1;
    while (j >= from && (code[items[j] as number] as number) > key) {
      items[j + 1] = items[j] as number;
      j--;
    }
    items[j + 1] = item;
  }
}

function classMask(classes: readonly Classification[]): number {
  let mask = 0;
  for (const klass of classes)
    if (klass !== 'unclassified' && klass in CLASS_RANK) mask |= 1 << CLASS_RANK[klass];
  return mask;
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
): (household: AllocationHousehold) => Classification | null {
  if (povertyLine === undefined && extremeLine === undefined) return (household) => household.classification;
  return (household) => {
    if (household.per_capita === null) return household.classification;
    // as classifyHousehold would with the per capita as the income of one member
    const amount = readNumber(household.per_capita);
    const poverty = readNumber(povertyLine ?? household.poverty_line_used);
    const extreme = readNumber(extremeLine ?? household.extreme_line_used);
    if (amount === null || amount < 0 || poverty === null || extreme === null) return 'unclassified';
    return classifyPerCapita(Math.floor(amount), poverty, extreme);
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

function linesOf(subs: readonly (SubState | undefined)[]): AllocationLine[] {
  const lines: AllocationLine[] = [];
  for (const state of subs) {
    if (state === undefined || state.households === 0) continue;
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
  /** each household once (the first of a repeated id), in input order */
  list: AllocationHousehold[];
  /** 1 when list[position] is in scope */
  inScope: Uint8Array;
  scope: (desa: string | null, kecamatan: string | null) => boolean;
  /** the household's position in `list`, -1 when it is not there */
  positionOf(id: number): number;
};

/** Households found by id: through an array when ids are dense (the usual case), else a Map. */
function indexHouseholds(
  households: readonly AllocationHousehold[],
  scope: (desa: string | null, kecamatan: string | null) => boolean,
): HouseholdIndex {
  let max = 0;
  let dense = true;
  for (const household of households) {
    if (!Number.isInteger(household.id) || household.id < 0) dense = false;
    else if (household.id > max) max = household.id;
  }
  const list: AllocationHousehold[] = [];
  let positionOf: (id: number) => number;
  if (dense && max <= 2 * households.length + 1_024) {
    const byId = new Int32Array(max + 1).fill(-1);
    for (const household of households) {
      if (byId[household.id] !== -1) continue;
      byId[household.id] = list.length;
      list.push(household);
    }
    positionOf = (id) => (id >= 0 && id <= max ? (byId[id] ?? -1) : -1);
  } else {
    const byId = new Map<number, number>();
    for (const household of households) {
      if (byId.has(household.id)) continue;
      byId.set(household.id, list.length);
      list.push(household);
    }
    positionOf = (id) => byId.get(id) ?? -1;
  }
  const inScope = new Uint8Array(list.length);
  list.forEach((household, position) => {
    inScope[position] = scope(household.desa, household.kecamatan) ? 1 : 0;
  });
  return { list, inScope, scope, positionOf };
}
