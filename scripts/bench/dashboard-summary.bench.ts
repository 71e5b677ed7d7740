// The dashboard's Ringkasan server load at kabupaten-plus scale (BENCH_HOUSEHOLDS, default 100,000), timed
// as the Perencana role (DESIGN "How we test"): the same readAreaPage() the page's load function calls,
// with the planner's own token, median over BENCH_RUNS runs (default 11, after one warm-up). Its reads go
// out as one POST /siap-pd/batch-read, run side by side on SQLite's read-only connections; the same reads
// as separate GET requests are timed next to it.
//
// Baseline in the same run: the naive design that reads every household's fields and counts them in
// JavaScript (what the dashboard would do without Directus aggregates), measured BENCH_NAIVE_RUNS times.
// Also timed, for information: a kecamatan's Wilayah page (with up to 5,000 map points) and the first page
// of the household list with its filtered total.
//
// It starts its own Directus (scripts/lib/start-instance.ts, SQLite in a temporary folder, no demo data),
// loads the generated dataset (load-demo-into-sqlite.ts) straight into the SQLite file while
// Directus is idle (REST would run the hooks for every row), lets the engine classify everyone and open
// needs (POST /siap-pd/reclassify, when this build has it), and creates one Perencana user.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDirectus, rest, staticToken } from '@directus/sdk';
import { roles } from '../../access/roles.ts';
import { readAreaPage } from '../../dashboard/src/lib/server/area-page.ts';
import { withBatchedReads } from '../../dashboard/src/lib/server/batched-reads.ts';
import type { DirectusSchema, UserDirectus } from '../../dashboard/src/lib/server/directus-types.ts';
import { readHouseholdPage } from '../../dashboard/src/lib/server/household-list.ts';
import { readKecamatanRefs, readPlanningSettings } from '../../dashboard/src/lib/server/reference.ts';
import {
  readAreaGroups,
  readNeedsSummary,
  readSurveyProgressGroups,
} from '../../dashboard/src/lib/server/summary.ts';
import { parseHouseholdListQuery } from '../../dashboard/src/lib/household-list.ts';
import type { SessionUser } from '../../dashboard/src/lib/session-user.ts';
import { createDirectusApi, DirectusError } from '../lib/directus-api.ts';
import { findFreePort } from '../lib/find-free-port.ts';
import { startInstance } from '../lib/start-instance.ts';
import type { BenchRow } from './bench-types.ts';
import { loadDemoIntoSqlite } from './load-demo-into-sqlite.ts';

export const HOUSEHOLDS = Number(process.env['BENCH_HOUSEHOLDS'] ?? 100_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 11);
const NAIVE_RUNS = Number(process.env['BENCH_NAIVE_RUNS'] ?? 3);
const PLANNER_EMAIL = 'perencana.bench@siap-pd.example.org';
const PLANNER_PASSWORD = 'bench-siap-pd-perencana';
/** Issue #7: the Ringkasan server load under 150 ms median at 100,000 households on SQLite. */
const TARGET_MS = 150;

export async function run({ log }: { log: (message: string) => void }): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'siap-pd-bench-dashboard-'));
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
  const rows: BenchRow[] = [];
  try {
    const admin = createDirectusApi(instance.url, instance.adminToken);
    const loaded = await loadDemoIntoSqlite(path.join(dataDir, 'siap-pd.db'), HOUSEHOLDS, log);
    const classified = await classifyEveryone(instance.url, instance.adminToken, log);

    const planner = roles.find((role) => role.key === 'perencana');
    if (planner === undefined) throw new Error('peran perencana tidak ada di access/roles.ts');
    const created = await admin.post<{ id: string }>('/users?fields=id', {
      email: PLANNER_EMAIL,
      password: PLANNER_PASSWORD,
      role: planner.id,
      first_name: 'Perencana',
      last_name: 'Benchmark',
      status: 'active',
    });
    const token = await accessTokenOf(instance.url);
    const plannerApi = createDirectusApi(instance.url, token);
    // The plain client reads one request per read; the page's client (createUserDirectus) batches them.
    const directus: UserDirectus = createDirectus<DirectusSchema>(instance.url)
      .with(staticToken(token))
      .with(rest());
    const pageDirectus = withBatchedReads(directus);
    const user: SessionUser = {
      id: created.id,
      email: PLANNER_EMAIL,
      first_name: 'Perencana',
      last_name: 'Benchmark',
      role: planner.name,
      desa: null,
      kecamatan: null,
      perangkat_daerah: null,
    };

    // The Ringkasan: exactly what its load function reads.
    const ringkasan = () => readAreaPage(pageDirectus, user, { level: 'kabupaten', withMap: false });
    const first = await ringkasan();
    if (first.summary.totals.households !== loaded) {
      throw new Error(`Ringkasan menghitung ${first.summary.totals.households} RT, seharusnya ${loaded}`);
    }
    const summaryTimes = await repeat(RUNS, ringkasan);
    const summaryMedian = median(summaryTimes);
    log(`Ringkasan: median ${round1(summaryMedian)} ms dari ${RUNS} kali (${fmt(loaded)} RT).`);
    rows.push({
      measure: `Ringkasan sebagai Perencana (${fmt(loaded)} RT${classified ? ', sudah diklasifikasi' : ''}; median ${RUNS} kali)`,
      value: round1(summaryMedian),
      unit: 'ms',
      target: `< ${fmt(TARGET_MS)} ms`,
      pass: summaryMedian < TARGET_MS,
      note: `min ${round1(Math.min(...summaryTimes))} ms, maks ${round1(Math.max(...summaryTimes))} ms`,
    });

    // The parts of the load, each a plain GET (in the page they go out as one batch).
    const parts: Array<[string, () => Promise<unknown>]> = [
      ['pengaturan', () => readPlanningSettings(directus)],
      ['nama kecamatan', () => readKecamatanRefs(directus)],
      ['angka rumah tangga', () => readAreaGroups(directus, {}, 'kecamatan', true)],
      ['kemajuan survei', () => readSurveyProgressGroups(directus, {}, true)],
      ['kebutuhan', () => readNeedsSummary(directus, {})],
    ];

    // For information: the same reads as separate GET /items requests at once (how the page read before
    // POST /siap-pd/batch-read): Directus then authenticates each and runs them one after another on SQLite.
    const separately = () => Promise.all(parts.map(([, part]) => part()));
    const separateTimes = await repeat(RUNS, separately);
    rows.push({
      measure: `pembanding: bacaan Ringkasan sebagai permintaan GET terpisah (median ${RUNS} kali)`,
      value: round1(median(separateTimes)),
      unit: 'ms',
      note: `rasio ${Math.round((median(separateTimes) / summaryMedian) * 10) / 10}x`,
    });

    // For information: each part on its own.
    for (const [name, part] of parts) {
      const times = await repeat(RUNS, part);
      rows.push({ measure: `bagian Ringkasan: ${name} (median)`, value: round1(median(times)), unit: 'ms' });
    }

    // Baseline: every household read (as the same planner) and counted in JavaScript.
    const naive = async (): Promise<number> => {
      const all = await plannerApi.get<
        Array<{ kecamatan: string | null; classification: string | null; member_count: number | null }>
      >(
        '/items/households?fields=kecamatan,classification,member_count,source,baseline_disposition&limit=-1',
      );
      const counts = new Map<string, number>();
      for (const household of all) {
        const key = `${household.kecamatan ?? ''}|${household.classification ?? ''}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return all.length;
    };
    const naiveTimes = await repeat(NAIVE_RUNS, naive);
    const naiveMedian = median(naiveTimes);
    log(`Baca semua RT lalu hitung di JavaScript: median ${round1(naiveMedian)} ms.`);
    rows.push({
      measure: `pembanding: baca semua ${fmt(loaded)} RT lalu hitung di JavaScript (median ${NAIVE_RUNS} kali)`,
      value: round1(naiveMedian),
      unit: 'ms',
      note: 'hanya klasifikasi per kecamatan, tanpa survei dan kebutuhan',
    });
    rows.push({
      measure: 'rasio pembanding / Ringkasan',
      value: Math.round((naiveMedian / summaryMedian) * 10) / 10,
      unit: 'x',
    });

    // For information: a kecamatan page with its map, and the household list's first page.
    const perKecamatan = await admin.get<Array<{ kecamatan: string; count: { id: number | string } }>>(
      '/items/households?aggregate[count]=id&groupBy[]=kecamatan&limit=-1',
    );
    const kecamatan = [...perKecamatan].sort((a, b) => Number(b.count.id) - Number(a.count.id))[0];
    if (kecamatan !== undefined) {
      const wilayah = () =>
        readAreaPage(pageDirectus, user, {
          level: 'kecamatan',
          kecamatan: kecamatan.kecamatan,
          withMap: true,
        });
      await wilayah();
      const times = await repeat(Math.max(3, Math.ceil(RUNS / 2)), wilayah);
      rows.push({
        measure: `Wilayah satu kecamatan dengan peta (${kecamatan.kecamatan}; median)`,
        value: round1(median(times)),
        unit: 'ms',
      });
    }
    const list = () =>
      readHouseholdPage(pageDirectus, parseHouseholdListQuery(new URLSearchParams('')), {
        role: 'perencana',
        round: first.settings.surveyRound,
        surveysReadable: true,
        desaNames: new Map(),
      });
    await list();
    const listTimes = await repeat(Math.max(3, Math.ceil(RUNS / 2)), list);
    rows.push({
      measure: 'Rumah tangga halaman 1 (25 baris + jumlah tersaring; median)',
      value: round1(median(listTimes)),
      unit: 'ms',
    });
  } finally {
    await instance.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

/** A fresh access token for the benchmark planner (the SDK client sends it as a static token). */
async function accessTokenOf(url: string): Promise<string> {
  const response = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: PLANNER_EMAIL, password: PLANNER_PASSWORD }),
  });
  const body = (await response.json()) as { data?: { access_token?: string } };
  const token = body.data?.access_token;
  if (!response.ok || token === undefined) throw new Error(`login perencana gagal (${response.status})`);
  return token;
}

/** Lets the engine classify every household and open needs; false when this build has no such endpoint. */
export async function classifyEveryone(
  url: string,
  token: string,
  log: (message: string) => void,
): Promise<boolean> {
  const api = createDirectusApi(url, token);
  try {
    const started = performance.now();
    const result = await api.post<{ households?: number; needs_opened?: number }>('/siap-pd/reclassify', {});
    log(
      `Klasifikasi: ${fmt(result.households ?? 0)} RT, ${fmt(result.needs_opened ?? 0)} kebutuhan dalam ${Math.round(performance.now() - started)} ms.`,
    );
    return true;
  } catch (error) {
    if (error instanceof DirectusError && error.status === 404) {
      log('POST /siap-pd/reclassify belum ada: rumah tangga dihitung tanpa klasifikasi.');
      return false;
    }
    throw error;
  }
}

/** Runs `work` `times` times one after another and returns each duration in milliseconds. */
async function repeat(times: number, work: () => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (let index = 0; index < times; index += 1) {
    const started = performance.now();
    await work();
    durations.push(performance.now() - started);
  }
  return durations;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const fmt = (n: number): string => n.toLocaleString('en-US');
