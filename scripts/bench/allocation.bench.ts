// Budget allocation at kabupaten-plus scale (BENCH_HOUSEHOLDS, default 100,000 households with three
// open needs each = 300,000 needs; 90 % of them poor, so nearly every need is fundable):
// - core only: allocateBudget on the generated input, first (cold) call and median of the next ones,
//   plain and with what-if overrides (no Directus needed: BENCH_ALLOCATION_CORE_ONLY=1 stops there);
// - end to end through REST as the administrator, in two cases:
//   A. a usual year: every agency has a pagu (a fifth of what its needs would cost);
//   B. a stress case: half of the agencies without pagu (about 190,000 interventions funded, 3.6
//      times the usual year; 137,000 of them new);
//   each with POST /siap-pd/allocations/preview (target < 1 s; the first of A reads the data, the next
//   ones reuse it while nothing it holds was written: B's first comes after A's run and a pagu edit,
//   which keep it) and POST /siap-pd/allocations/run (target < 3 s), then a
//   re-run of B with nothing changed (everything released and planned again);
//   B's first run is informative (no target): the 3 s is for a usual year (A, both with and
//   without a preview). B's time is SQLite's single writer inserting 137,000 rows (each with seven
//   foreign-key checks and four indexes) and moving 150,000 needs in the summary index; it is CPU-bound
//   and took 2.8-4.9 s on the 2-core VM this was written on (40,000-70,000 interventions a second).
//   Balangan has about 40,000 households. The row shows the rate, so a slower write path shows up;
// - A once more from the loaded state (interventions removed, needs open again, straight in SQLite)
//   WITHOUT a preview before: the run reads the data itself, as after an edit of households, needs
//   or interventions, or a write by another process (these empty the in-memory copy). This is the
//   issue's "100,000 households, 300,000 needs under 3 s end to end": from the request to the answer,
//   data read, allocated, interventions and needs committed;
// - the naive baseline: interventions created one by one through REST (POST intervention + PATCH its
//   need), measured on a sample (BENCH_ALLOCATION_NAIVE_SAMPLE, default 300) and compared as a rate.
//
// It starts its own Directus (scripts/lib/start-instance.ts, SQLite in a temporary folder, no demo
// data) and loads households, verified surveys and needs straight into the SQLite file with knex,
// set-based, while that Directus is idle (REST would run every hook per row and take minutes).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { allocateBudget } from '../../core/src/allocate-budget.ts';
import { tabulateNeeds } from '../../core/src/tabulate-needs.ts';
import type {
  AllocationHousehold,
  AllocationInput,
  AllocationNeed,
  AllocationRule,
  AllocationSubKegiatan,
} from '../../core/src/allocation-types.ts';
import type { Classification } from '../../core/src/types.ts';
import { createDirectusApi } from '../lib/directus-api.ts';
import { findFreePort } from '../lib/find-free-port.ts';
import { startInstance } from '../lib/start-instance.ts';
import { readDesa, readIndicators, readSubKegiatan } from '../seed/read-reference.ts';
import type { BenchRow } from './bench-types.ts';

const HOUSEHOLDS = Number(process.env['BENCH_HOUSEHOLDS'] ?? 100_000);
const NEEDS_PER_HOUSEHOLD = 3;
const CORE_ONLY = process.env['BENCH_ALLOCATION_CORE_ONLY'] === '1';
const NAIVE_SAMPLE = Number(process.env['BENCH_ALLOCATION_NAIVE_SAMPLE'] ?? 300);
const YEAR = 2026;
const ROWS_PER_INSERT = 400;

type Dataset = AllocationInput & {
  needs: AllocationNeed[];
  demand: Map<string, number>;
  /** every agency with a pagu of a fifth of what its needs would cost (a usual year) */
  typicalCeilings: Record<string, number>;
};

/** A deterministic pseudo-random sequence (same data every run). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

/**
 * 100,000 households, 40 % ekstrem, 50 % miskin, 10 % tidak miskin (the rules apply to the poor),
 * spread over the real desa; three open needs each from the seeded rules that link a sub-kegiatan;
 * pagu for half of the agencies at half of what their needs would cost, so the greedy pass both funds
 * and skips.
 */
export function generateAllocationDataset(households = HOUSEHOLDS): Dataset {
  const next = random(20_260_101);
  const desa = readDesa();
  const catalogue = readSubKegiatan();
  const rules = readIndicators().filter((rule) => rule.sub_kegiatan !== null && rule.active);
  const subs: AllocationSubKegiatan[] = catalogue.map((sub) => ({
    code: sub.code,
    name: sub.name,
    perangkat_daerah: sub.perangkat_daerah,
    unit: sub.unit,
    // the seed leaves some unit costs empty; the bench gives every linked one a cost so the work is maximal
    unit_cost: sub.unit_cost ?? 2_500_000,
    active: true,
  }));
  const unitCost = new Map(subs.map((sub) => [sub.code, sub.unit_cost ?? 0]));
  const agencyOf = new Map(subs.map((sub) => [sub.code, sub.perangkat_daerah]));
  const list: AllocationHousehold[] = [];
  const needs: AllocationNeed[] = [];
  const demand = new Map<string, number>();
  for (let id = 1; id <= households; id++) {
    const place = desa[Math.floor(next() * desa.length)] as (typeof desa)[number];
    const roll = next();
    const classification: Classification = roll < 0.4 ? 'ekstrem' : roll < 0.9 ? 'miskin' : 'tidak_miskin';
    const perCapita =
      classification === 'ekstrem'
        ? 150_000 + Math.floor(next() * 240_000)
        : classification === 'miskin'
          ? 391_000 + Math.floor(next() * 150_000)
          : 545_000 + Math.floor(next() * 900_000);
    list.push({
      id,
      desa: place.code,
      kecamatan: place.kecamatan,
      verified: true,
      classification,
      per_capita: perCapita,
      poverty_line_used: 544_169,
      extreme_line_used: 391_000,
    });
    const taken = new Set<number>();
    for (let k = 0; k < NEEDS_PER_HOUSEHOLD; k++) {
      let pick = Math.floor(next() * rules.length);
      while (taken.has(pick)) pick = (pick + 1) % rules.length;
      taken.add(pick);
      const rule = rules[pick] as (typeof rules)[number];
      const quantity = 1 + Math.floor(next() * 3);
      needs.push({
        id: needs.length + 1,
        household: id,
        indicator: rule.key,
        sub_kegiatan: rule.sub_kegiatan,
        quantity,
        status: 'open',
      });
      if (classification !== 'tidak_miskin' && rule.sub_kegiatan !== null) {
        const agency = agencyOf.get(rule.sub_kegiatan) as string;
        demand.set(agency, (demand.get(agency) ?? 0) + (unitCost.get(rule.sub_kegiatan) ?? 0) * quantity);
      }
    }
  }
  const ceilings: Record<string, number> = {};
  const typicalCeilings: Record<string, number> = {};
  [...demand.keys()].sort().forEach((agency, index) => {
    if (index % 2 === 0) ceilings[agency] = Math.floor((demand.get(agency) ?? 0) / 2);
    typicalCeilings[agency] = Math.floor((demand.get(agency) ?? 0) / 5);
  });
  const allocationRules: AllocationRule[] = readIndicators().map((rule) => ({
    key: rule.key,
    applies_to: rule.applies_to as Classification[],
  }));
  return {
    fiscal_year: YEAR,
    households: list,
    needs,
    rules: allocationRules,
    sub_kegiatan: subs,
    ceilings,
    interventions: [],
    demand,
    typicalCeilings,
  };
}

export async function run({ log }: { log: (message: string) => void }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const dataset = generateAllocationDataset();
  log(`Data alokasi dibuat: ${fmt(dataset.households.length)} RT, ${fmt(dataset.needs.length)} kebutuhan.`);

  // core only
  const { demand: _demand, typicalCeilings: _typical, ...objects } = dataset;
  // the needs as the adapter reads them: one array per field
  const input: AllocationInput = { ...objects, needs: tabulateNeeds(objects.needs) };
  const cold = timedSync(() => allocateBudget(input));
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push(timedSync(() => allocateBudget(input)).ms);
  const whatIf: AllocationInput = {
    ...input,
    overrides: {
      extreme_poverty_line: 450_000,
      ceilings: Object.fromEntries(Object.keys(input.ceilings).map((a) => [a, null])),
    },
  };
  const whatIfMs: number[] = [];
  for (let i = 0; i < 3; i++) whatIfMs.push(timedSync(() => allocateBudget(whatIf)).ms);
  log(
    `Inti: ${fmt(cold.result.interventions.length)} intervensi, ${fmt(cold.result.unfunded.length)} tidak terdanai; ` +
      `pertama ${cold.ms} ms, median ${median(warm)} ms.`,
  );
  rows.push({
    measure: `allocateBudget ${fmt(dataset.households.length)} RT / ${fmt(dataset.needs.length)} kebutuhan (pertama kali)`,
    value: cold.ms,
    unit: 'ms',
    note: `${fmt(cold.result.interventions.length)} intervensi, ${fmt(cold.result.unfunded.length)} tidak terdanai`,
  });
  rows.push({ measure: 'allocateBudget (median 5 panggilan berikutnya)', value: median(warm), unit: 'ms' });
  rows.push({
    measure: 'allocateBudget dengan asumsi what-if (median 3)',
    value: median(whatIfMs),
    unit: 'ms',
  });
  if (CORE_ONLY) return rows;

  const dataDir = mkdtempSync(path.join(tmpdir(), 'siap-pd-bench-alloc-'));
  const port = await findFreePort();
  log(`Directus sendiri di port ${port} (SQLite di ${dataDir}), tanpa data demo ...`);
  const instance = await startInstance({
    dataDir,
    port,
    demo: false,
    demoPassword: 'bench-siap-pd',
    extraEnv: { HASH_MEMORY_COST: '4096', HASH_TIME_COST: '2', LOG_LEVEL: 'warn' },
    log,
  });
  try {
    const api = createDirectusApi(instance.url, instance.adminToken);
    await loadDataset(path.join(dataDir, 'siap-pd.db'), dataset, log);

    type Timed = {
      timings: Record<string, number>;
      counts: Record<string, number>;
      totals: Record<string, number>;
    };
    const preview = async (label: string): Promise<void> => {
      const times: number[] = [];
      const cpu: number[] = [];
      let answer: Timed | null = null;
      let firstCached = false;
      for (let i = 0; i < 3; i++) {
        const t = await timed(() => api.post<Timed>('/siap-pd/allocations/preview', { fiscal_year: YEAR }));
        times.push(t.ms);
        cpu.push(t.result.timings['cpu_ms'] ?? 0);
        if (i === 0) firstCached = Boolean(t.result.timings['cached']);
        answer = t.result;
        log(`Preview ${label} #${i + 1}: ${t.ms} ms (${JSON.stringify(t.result.timings)}).`);
      }
      rows.push({
        // after a run and a pagu edit the year's data is still in memory (only the small tables are
        // read again): the label says which of the two the first call was
        measure: `POST /allocations/preview, ${label}: pertama (${firstCached ? 'data di memori, pagu dibaca ulang' : 'data dibaca'})`,
        value: times[0] ?? 0,
        unit: 'ms',
        target: '< 1000 ms',
        pass: (times[0] ?? 0) < 1_000,
        note: `CPU Directus ${cpu[0]} ms`,
      });
      const warm = median(times.slice(1));
      rows.push({
        measure: `POST /allocations/preview, ${label}: berikutnya (data di memori, median 2)`,
        value: warm,
        unit: 'ms',
        target: '< 1000 ms',
        pass: warm < 1_000,
        note: `hitung ${answer?.timings['compute_ms']} ms, CPU Directus ${median(cpu.slice(1))} ms; ${fmt(answer?.counts['interventions'] ?? 0)} intervensi terdanai`,
      });
    };
    // the usual year's planned interventions: a stress row says how many times more it writes
    let usualCreated = 0;
    // `stress`: the row is measured and shown, without the target (see the header)
    const runOnce = async (
      label: string,
      stress?: string,
    ): Promise<{ result: Timed & { writes: Record<string, number> }; ms: number }> => {
      const t = await timed(() =>
        api.post<Timed & { writes: Record<string, number> }>('/siap-pd/allocations/run', {
          fiscal_year: YEAR,
        }),
      );
      const { timings, writes } = t.result;
      log(`Run ${label}: ${t.ms} ms (${JSON.stringify(timings)}), ${JSON.stringify(writes)}.`);
      const created = writes['created'] ?? 0;
      const perSecond = Math.round((created / Math.max(t.ms, 1)) * 1000);
      const scale =
        stress !== undefined && usualCreated > 0
          ? `${(created / usualCreated).toFixed(1).replace('.', ',')}x intervensi tahun biasa; `
          : '';
      rows.push({
        measure: `POST /allocations/run, ${label}`,
        value: t.ms,
        unit: 'ms',
        ...(stress === undefined ? { target: '< 3000 ms', pass: t.ms < 3_000 } : { target: stress }),
        note:
          `${scale}${fmt(perSecond)} intervensi/s; CPU Directus ${timings['cpu_ms']} ms; baca ${timings['read_ms']} ms${timings['cached'] ? ' (dari memori)' : ''}, ` +
          `hitung ${timings['compute_ms']} ms, tulis ${timings['write_ms']} ms; ` +
          `${fmt(writes['inserted'] ?? 0)} baru, ${fmt(writes['kept'] ?? 0)} tetap, ${fmt(writes['deleted'] ?? 0)} dihapus`,
      });
      return { result: t.result, ms: t.ms };
    };

    // A. a usual year: every agency has a pagu (a fifth of what its needs would cost)
    await preview('pagu 20% untuk semua PD');
    const usual = await runOnce('pagu 20% untuk semua PD (setelah preview)');
    usualCreated = usual.result.writes['created'] ?? 0;

    // B. the stress case: half of the agencies without pagu, the others at half
    const stored = await api.get<{ id: number }[]>(
      `/items/budget_ceilings?filter[fiscal_year][_eq]=${YEAR}&fields=id&limit=-1`,
    );
    await api.delete(
      '/items/budget_ceilings',
      stored.map((row) => row.id),
    );
    await api.post(
      '/items/budget_ceilings',
      Object.entries(dataset.ceilings).map(([agency, amount]) => ({
        fiscal_year: YEAR,
        perangkat_daerah: agency,
        amount,
      })),
    );
    await preview('separuh PD tanpa pagu');
    const first = await runOnce('separuh PD tanpa pagu (setelah preview)', 'informatif: uji beban');
    await runOnce('ulang tanpa perubahan (data di memori sejak run sebelumnya)');

    // the naive baseline: one REST create per intervention plus one PATCH per need
    const sample = await api.get<{ id: number; household: number; sub_kegiatan: string; quantity: number }[]>(
      `/items/needs?filter[status][_eq]=open&fields=id,household,sub_kegiatan,quantity&limit=${NAIVE_SAMPLE}&sort=id`,
    );
    const agencyOf = new Map(dataset.sub_kegiatan.map((sub) => [sub.code, sub]));
    const naive = await timed(async () => {
      for (const need of sample) {
        const sub = agencyOf.get(need.sub_kegiatan);
        await api.post('/items/interventions?fields=id', {
          household: need.household,
          need: need.id,
          sub_kegiatan: need.sub_kegiatan,
          perangkat_daerah: sub?.perangkat_daerah,
          fiscal_year: YEAR + 1,
          quantity: need.quantity,
          unit_cost: sub?.unit_cost,
          planned_cost: (sub?.unit_cost ?? 0) * need.quantity,
          status: 'planned',
        });
        await api.patch(`/items/needs/${need.id}?fields=id`, { status: 'planned' });
      }
    });
    const naiveRate = (sample.length / naive.ms) * 1000;
    const bulkRate = ((first.result.counts['interventions'] ?? 0) / first.ms) * 1000;
    rows.push({
      measure: `satu per satu lewat REST (sampel ${fmt(sample.length)} intervensi)`,
      value: Math.round(naiveRate),
      unit: 'intervensi/s',
    });
    rows.push({ measure: 'run massal', value: Math.round(bulkRate), unit: 'intervensi/s' });
    rows.push({
      measure: 'rasio massal / satu per satu',
      value: Math.round((bulkRate / naiveRate) * 10) / 10,
      unit: 'x',
      note: `${fmt(first.result.counts['interventions'] ?? 0)} intervensi satu per satu: ~${Math.round((first.result.counts['interventions'] ?? 0) / naiveRate)} s`,
    });

    // A from the loaded state, the data read by the run itself (no preview before)
    await resetToLoaded(path.join(dataDir, 'siap-pd.db'), dataset, log);
    await runOnce('pagu 20% untuk semua PD, tanpa preview (data dibaca dalam run)');
  } finally {
    await instance.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

/** Households, one verified survey each (the counted one) and the needs, straight into SQLite. */
export async function loadDataset(
  file: string,
  dataset: Dataset,
  log: (message: string) => void,
): Promise<void> {
  const started = performance.now();
  const db = knexFactory({ client: 'sqlite3', connection: { filename: file }, useNullAsDefault: true });
  try {
    const now = Date.now();
    const perCapita = new Map(dataset.households.map((h) => [h.id, h.per_capita ?? 0]));
    await insertAll(
      db,
      'surveys',
      dataset.households.map((h) => ({
        id: h.id,
        household: h.id,
        desa: h.desa,
        round: 2025,
        status: 'verified',
        member_count: 4,
        monthly_income: (perCapita.get(h.id) ?? 0) * 4,
        date_created: now,
      })),
      { foreignKeysOff: true },
    );
    await insertAll(
      db,
      'households',
      dataset.households.map((h) => ({
        id: h.id,
        head_name: `Kepala ${h.id}`,
        desa: h.desa,
        kecamatan: h.kecamatan,
        member_count: 4,
        source: 'new',
        classification: h.classification,
        income_per_capita: h.per_capita,
        classification_basis: 'income',
        poverty_line_used: h.poverty_line_used,
        extreme_line_used: h.extreme_line_used,
        classified_survey: h.id,
        classified_at: now,
        need_count: NEEDS_PER_HOUSEHOLD,
        date_created: now,
      })),
    );
    const catalogue = new Map(dataset.sub_kegiatan.map((sub) => [sub.code, sub]));
    const houses = new Map(dataset.households.map((h) => [h.id, h]));
    await insertAll(
      db,
      'needs',
      dataset.needs.map((need) => {
        const household = houses.get(need.household) as AllocationHousehold;
        return {
          id: need.id,
          household: need.household,
          indicator: need.indicator,
          survey: need.household,
          quantity: need.quantity,
          sub_kegiatan: need.sub_kegiatan,
          perangkat_daerah:
            need.sub_kegiatan === null ? null : (catalogue.get(need.sub_kegiatan)?.perangkat_daerah ?? null),
          desa: household.desa,
          kecamatan: household.kecamatan,
          status: 'open',
          no_longer_detected: false,
          date_created: now,
        };
      }),
    );
    // the bench's unit costs and ceilings
    for (const sub of dataset.sub_kegiatan) {
      await db('sub_kegiatan').where({ code: sub.code }).update({ unit_cost: sub.unit_cost, active: true });
    }
    await setTypicalCeilings(db, dataset);
  } finally {
    await db.destroy();
  }
  log(`Data dimuat langsung ke SQLite dalam ${Math.round(performance.now() - started)} ms.`);
}

/** The year's ceilings become the usual-year ones (a fifth of what each agency's needs would cost). */
async function setTypicalCeilings(db: Knex, dataset: Dataset): Promise<void> {
  await db('budget_ceilings').where({ fiscal_year: YEAR }).delete();
  await db('budget_ceilings').insert(
    Object.entries(dataset.typicalCeilings).map(([agency, amount]) => ({
      fiscal_year: YEAR,
      perangkat_daerah: agency,
      amount,
    })),
  );
}

/**
 * Back to the state `loadDataset` left, straight in SQLite while Directus is idle: no interventions,
 * every need open, the usual-year ceilings. The other process's write makes Directus read afresh.
 */
async function resetToLoaded(file: string, dataset: Dataset, log: (message: string) => void): Promise<void> {
  const db = knexFactory({ client: 'sqlite3', connection: { filename: file }, useNullAsDefault: true });
  try {
    await db.transaction(async (trx) => {
      await trx('interventions').delete();
      await trx('needs').update({ status: 'open', date_updated: null });
      await setTypicalCeilings(trx, dataset);
    });
  } finally {
    await db.destroy();
  }
  log('Intervensi dihapus dan kebutuhan dibuka kembali langsung di SQLite (keadaan setelah dimuat).');
}

async function insertAll(
  db: Knex,
  table: string,
  rows: Record<string, unknown>[],
  o: { foreignKeysOff?: boolean } = {},
): Promise<void> {
  for (let start = 0; start < rows.length; start += 5_000) {
    await db.transaction(async (trx) => {
      // surveys and households point at each other: the surveys go in first, before their households exist
      if (o.foreignKeysOff) await trx.raw('PRAGMA defer_foreign_keys = ON');
      const part = rows.slice(start, start + 5_000);
      for (let i = 0; i < part.length; i += ROWS_PER_INSERT)
        await trx(table).insert(part.slice(i, i + ROWS_PER_INSERT));
    });
  }
}

function timedSync<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: Math.round(performance.now() - started) };
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: Math.round(performance.now() - started) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const fmt = (n: number): string => n.toLocaleString('en-US');
