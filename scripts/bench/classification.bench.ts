// Classification and needs engine at kabupaten-plus scale (BENCH_HOUSEHOLDS, default 100,000):
// - re-classify every household after a poverty-line change (target < 5 s) and re-evaluate every
//   need rule after a rule change (target < 15 s), both as the background jobs a planner's save
//   starts, timed from their import_jobs record;
// - the same classification written one household at a time through ItemsService (the naive
//   design), measured on a sample (BENCH_NAIVE_SAMPLE, default 2,000) and compared as a rate;
// - what the survey hook adds to one save (target < 50 ms).
//
// It starts its own Directus (scripts/lib/start-instance.ts, SQLite in a temporary folder, no demo
// data) and loads the generated dataset (scripts/demo/generate-demo-dataset.ts) straight into the
// SQLite file with knex, set-based, while that Directus is idle: REST would run the hooks for every
// row (about 800 rows/s) and take minutes before the first measurement. Members are not loaded
// (the engine does not read them). Needs start empty: a first full run creates them (also timed).
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { createDirectusApi, type DirectusApi } from '../lib/directus-api.ts';
import { findFreePort } from '../lib/find-free-port.ts';
import { startInstance } from '../lib/start-instance.ts';
import type { BenchRow } from './bench-types.ts';
import { loadDemoIntoSqlite } from './load-demo-into-sqlite.ts';

const HOUSEHOLDS = Number(process.env['BENCH_HOUSEHOLDS'] ?? 100_000);
const NAIVE_SAMPLE = Number(process.env['BENCH_NAIVE_SAMPLE'] ?? 2_000);
const SAVES = Number(process.env['BENCH_SAVES'] ?? 200);

type JobStatus = { running: string | null; scheduled: string | null; last: { job: number | null } | null };
type Job = {
  id: number;
  kind: string;
  started_at: string;
  finished_at: string;
  counts: Record<string, number>;
};
type HookStats = { count: number; mean_ms: number; p50_ms: number; p95_ms: number; max_ms: number };

export async function run({ log }: { log: (message: string) => void }): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'siap-pd-bench-'));
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
    const api = createDirectusApi(instance.url, instance.adminToken);
    await waitForJobs(api);
    await loadDemoIntoSqlite(path.join(dataDir, 'siap-pd.db'), HOUSEHOLDS, log);

    // first full run: classification and every rule, needs created from nothing
    const first = await timed(() =>
      api.post<{ households: number; needs_opened: number; cpu_ms: number }>('/siap-pd/reclassify', {}),
    );
    log(
      `Klasifikasi pertama: ${first.result.households} rumah tangga, ${first.result.needs_opened} kebutuhan, ${first.ms} ms.`,
    );
    rows.push({
      measure: `klasifikasi + kebutuhan pertama (${fmt(first.result.households)} RT, ${fmt(first.result.needs_opened)} kebutuhan baru)`,
      value: seconds(first.ms),
      unit: 's',
      note: `CPU ${seconds(first.result.cpu_ms)} s`,
    });

    // a planner raises the extreme line: the bulk job re-classifies everyone
    const [line] = await api.get<{ id: number; extreme_poverty_line: number | string }[]>(
      '/items/poverty_lines?filter[year][_eq]=2025&fields=id,extreme_poverty_line',
    );
    if (line === undefined) throw new Error('garis kemiskinan 2025 tidak ada');
    const reclassify = await jobAfter(api, () =>
      api.patch(`/items/poverty_lines/${line.id}`, {
        extreme_poverty_line: Number(line.extreme_poverty_line) + 40_000,
      }),
    );
    const reclassifyMs = durationOf(reclassify);
    log(
      `Klasifikasi ulang setelah garis kemiskinan berubah: ${reclassifyMs} ms, ${reclassify.counts['changed']} berubah kelas.`,
    );
    rows.push({
      measure: `klasifikasi ulang ${fmt(reclassify.counts['households'] ?? 0)} RT setelah garis kemiskinan berubah (${fmt(reclassify.counts['changed'] ?? 0)} pindah kelas)`,
      value: seconds(reclassifyMs),
      unit: 's',
      target: '< 5 s',
      pass: reclassifyMs < 5_000,
      note: cpuNote(reclassify),
    });

    // an administrator switches a rule off: every household's rules are re-evaluated
    const recompute = await jobAfter(api, () =>
      api.patch('/items/indicators/toilet_not_own', { active: false }),
    );
    const recomputeMs = durationOf(recompute);
    log(
      `Evaluasi ulang semua aturan: ${recomputeMs} ms, ${recompute.counts['needs_resolved']} kebutuhan selesai.`,
    );
    rows.push({
      measure: `evaluasi ulang semua aturan untuk ${fmt(recompute.counts['households'] ?? 0)} RT (${fmt(recompute.counts['needs_resolved'] ?? 0)} kebutuhan ditutup)`,
      value: seconds(recomputeMs),
      unit: 's',
      target: '< 15 s',
      pass: recomputeMs < 15_000,
      note: cpuNote(recompute),
    });

    // the naive baseline: one ItemsService update per household, on a sample, as a rate
    const naive = await api.post<{ households: number; duration_ms: number; per_second: number }>(
      '/siap-pd/reclassify/one-by-one',
      { limit: NAIVE_SAMPLE },
    );
    const bulkRate = ((reclassify.counts['households'] ?? 0) / reclassifyMs) * 1000;
    log(`Satu per satu lewat ItemsService: ${naive.households} RT dalam ${naive.duration_ms} ms.`);
    rows.push({
      measure: `satu per satu lewat ItemsService (sampel ${fmt(naive.households)} RT)`,
      value: naive.per_second,
      unit: 'RT/s',
    });
    rows.push({ measure: 'klasifikasi ulang massal', value: Math.round(bulkRate), unit: 'RT/s' });
    rows.push({
      measure: 'rasio massal / satu per satu',
      value: Math.round((bulkRate / naive.per_second) * 10) / 10,
      unit: 'x',
      note: `100.000 RT satu per satu: ~${Math.round(HOUSEHOLDS / naive.per_second)} s`,
    });

    // the survey hook's share of one save
    await api.get('/siap-pd/reclassify/status?reset_hook_stats=true');
    const surveys = await api.get<{ id: number }[]>(
      `/items/surveys?filter[status][_eq]=verified&fields=id&sort=id&limit=${SAVES}`,
    );
    const latencies: number[] = [];
    for (const [index, survey] of surveys.entries()) {
      const started = performance.now();
      await api.patch(`/items/surveys/${survey.id}?fields=id`, {
        monthly_income: 400_000 + (index % 7) * 150_000,
      });
      latencies.push(performance.now() - started);
    }
    const hook = (await api.get<{ hook: HookStats }>('/siap-pd/reclassify/status')).hook;
    const households = await api.get<{ id: number }[]>(`/items/households?fields=id&sort=id&limit=${SAVES}`);
    const plain: number[] = [];
    for (const [index, household] of households.entries()) {
      const started = performance.now();
      await api.patch(`/items/households/${household.id}?fields=id`, { rt_rw: `00${index % 9}/001` });
      plain.push(performance.now() - started);
    }
    log(`Hook survei: rata-rata ${hook.mean_ms} ms, p95 ${hook.p95_ms} ms dari ${hook.count} simpan.`);
    rows.push({
      measure: `tambahan hook per simpan survei (p95 dari ${hook.count})`,
      value: hook.p95_ms,
      unit: 'ms',
      target: '< 50 ms',
      pass: hook.p95_ms < 50,
      note: `rata-rata ${hook.mean_ms} ms`,
    });
    rows.push({
      measure: 'PATCH survei lewat REST (median, dengan hook)',
      value: round1(median(latencies)),
      unit: 'ms',
    });
    rows.push({
      measure: 'PATCH rumah tangga lewat REST (median, tanpa mesin)',
      value: round1(median(plain)),
      unit: 'ms',
    });
  } finally {
    await instance.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

async function waitForJobs(api: DirectusApi): Promise<JobStatus> {
  for (;;) {
    const status = await api.get<JobStatus>('/siap-pd/reclassify/status');
    if (status.running === null && status.scheduled === null) return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Makes a change that schedules a bulk job, waits for it, and returns its import_jobs record. */
async function jobAfter(api: DirectusApi, change: () => Promise<unknown>): Promise<Job> {
  await waitForJobs(api);
  const [newest] = await api.get<{ id: number }[]>('/items/import_jobs?sort=-id&limit=1&fields=id');
  await change();
  await waitForJobs(api);
  const jobs = await api.get<Job[]>(
    `/items/import_jobs?filter[id][_gt]=${newest?.id ?? 0}&sort=id&fields=id,kind,started_at,finished_at,counts`,
  );
  const job = jobs[0];
  if (job === undefined || jobs.length !== 1)
    throw new Error(`harusnya tepat satu proses baru: ${JSON.stringify(jobs)}`);
  return job;
}

/** the job's CPU time: what it costs when the machine is not shared */
function cpuNote(job: Job): string {
  const cpu = job.counts['cpu_ms'];
  return cpu === undefined ? '' : `CPU ${seconds(cpu)} s; beban mesin ${loadAverage()}`;
}

function loadAverage(): string {
  return (os.loadavg()[0] ?? 0).toFixed(1);
}

function durationOf(job: Job): number {
  return Date.parse(job.finished_at) - Date.parse(job.started_at);
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

const seconds = (ms: number): number => Math.round(ms / 10) / 100;
const round1 = (n: number): number => Math.round(n * 10) / 10;
const fmt = (n: number): string => n.toLocaleString('en-US');
