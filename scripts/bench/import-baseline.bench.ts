// Baseline import (POST /siap-pd/import/baseline) at kabupaten-plus scale:
// - 50,000 P3KE rows into an empty database, timed from the client (upload included): target < 10 s;
// - the same file again (everything unchanged), and a 100,000-row file on top (informative);
// - the baseline it replaces: the same households and head members created through Directus's REST
//   batch create (the head nested in its household; hooks, activity and revisions per row),
//   measured on a sample (BENCH_REST_SAMPLE, default 2,000) and compared as a rate: target at
//   least 20x faster.
// - a calibration: the same households and head members written straight into a copy of the empty
//   database with knex (INSERT ... SELECT FROM json_each, 5,000 rows per transaction, no HTTP, no
//   validation): what SQLite alone needs on this machine at this moment (the machine may be shared).
// Wall times are printed with the CPU time of the process doing the work (the Directus process for
// the import, from /proc): on a shared machine the wall time includes waiting for other processes.
// It starts its own Directus (scripts/lib/start-instance.ts, SQLite in a temporary folder, no demo).
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { createDirectusApi } from '../lib/directus-api.ts';
import { findFreePort } from '../lib/find-free-port.ts';
import { startInstance } from '../lib/start-instance.ts';
import { readDesa } from '../seed/read-reference.ts';
import type { BenchRow } from './bench-types.ts';

const ROWS = Number(process.env['BENCH_IMPORT_ROWS'] ?? 50_000);
const LARGE_ROWS = Number(process.env['BENCH_IMPORT_LARGE_ROWS'] ?? 100_000);
const REST_SAMPLE = Number(process.env['BENCH_REST_SAMPLE'] ?? 2_000);
const REST_BATCH = 500;
const HEADER = 'id_keluarga;no_kk;nik_kepala;nama_kepala;alamat;kode_desa;desil;jumlah_anggota';

type ImportAnswer = {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  timings: {
    read_ms: number;
    validate_ms: number;
    write_ms: number;
    write: { lookup_ms: number; insert_ms: number; update_ms: number; commit_ms: number };
  };
};

/**
 * Valid, unique baseline rows (up to 250,000 per series). `series` (1-9) is the 6th digit of every
 * number, so files of different series never share a No. KK or NIK; date parts are real dates.
 */
export function baselineRows(series: number, count: number, desa: readonly string[]): string[] {
  const rows: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 12);
    const block = Math.floor(i / 336);
    // (day, month) differ within a block of 336 rows; the block goes into the year and serial
    const kk = `63119${series}${pad(day)}${pad(month)}${pad(10 + (block % 15))}${serial(1 + Math.floor(block / 15))}`;
    const nik = `63119${series}${pad(day + (i % 2) * 40)}${pad(month)}${pad(50 + (Math.floor(block / 15) % 50))}${serial(1 + (block % 15) + 15 * Math.floor(block / 750))}`;
    const code = (desa[i % desa.length] ?? '').replaceAll('.', '');
    rows.push(
      `B${series}-${i};${kk};${nik};Kepala Keluarga ${series}-${i};Jl. Bench ${i % 97} No. ${i % 200} RT 00${1 + (i % 9)};${code};${1 + (i % 10)};${1 + (i % 7)}`,
    );
  }
  return rows;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function serial(n: number): string {
  return String(n % 10_000).padStart(4, '0');
}

export async function run({ log }: { log: (message: string) => void }): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'siap-pd-bench-import-'));
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
    const desa = readDesa().map((d) => d.code);
    const pid = instance.directus.child.pid;
    const post = async (
      body: string,
      fileName: string,
    ): Promise<{ ms: number; cpuMs: number | null; answer: ImportAnswer }> => {
      const cpuBefore = processCpuMs(pid);
      const started = performance.now();
      const res = await fetch(`${instance.url}/siap-pd/import/baseline?source=p3ke&file_name=${fileName}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${instance.adminToken}`, 'content-type': 'text/csv' },
        body,
      });
      const text = await res.text();
      const ms = performance.now() - started;
      const cpuAfter = processCpuMs(pid);
      if (!res.ok) throw new Error(`impor gagal (${res.status}): ${text.slice(0, 500)}`);
      const cpuMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
      return { ms, cpuMs, answer: (JSON.parse(text) as { data: ImportAnswer }).data };
    };

    const lines = baselineRows(1, ROWS, desa);
    const raw = await writeRaw(path.join(dataDir, 'siap-pd.db'), path.join(dataDir, 'raw.db'), lines);
    const rawMs = raw.ms;
    log(
      `Kalibrasi: SQLite langsung ${Math.round(rawMs)} ms (CPU ${cpuText(raw.cpuMs)}) untuk ${ROWS} rumah tangga + kepala keluarga.`,
    );
    const file = `${HEADER}\r\n${lines.join('\r\n')}\r\n`;
    log(`Impor ${ROWS} baris (${(file.length / 1e6).toFixed(1)} MB) ...`);
    const first = await post(file, 'bench-50k.csv');
    if (first.answer.inserted !== ROWS)
      throw new Error(`impor menulis ${first.answer.inserted} dari ${ROWS} baris`);
    const importRate = ROWS / (first.ms / 1000);
    log(
      `Impor: ${Math.round(first.ms)} ms, CPU Directus ${cpuText(first.cpuMs)} (${JSON.stringify(first.answer.timings)}), ${Math.round(importRate)} baris/s.`,
    );
    rows.push({
      measure: `impor data awal ${fmt(ROWS)} baris CSV (rumah tangga + kepala keluarga, unggah termasuk)`,
      value: seconds(first.ms),
      unit: 's',
      target: '< 10 s',
      pass: first.ms < 10_000,
      note:
        `CPU proses Directus ${cpuText(first.cpuMs)}; baca ${first.answer.timings.read_ms} ms, validasi ${first.answer.timings.validate_ms} ms, ` +
        `tulis ${first.answer.timings.write_ms} ms (cek ${first.answer.timings.write.lookup_ms}, ` +
        `sisip ${first.answer.timings.write.insert_ms}, commit ${first.answer.timings.write.commit_ms})`,
    });

    rows.push({
      measure: `kalibrasi: baris yang sama langsung ke SQLite (knex, tanpa Directus/HTTP/validasi)`,
      value: seconds(rawMs),
      unit: 's',
      note: `CPU ${cpuText(raw.cpuMs)}; impor = ${(first.ms / rawMs).toFixed(1)}x waktu tulis SQLite saja`,
    });

    const again = await post(file, 'bench-50k.csv');
    if (again.answer.unchanged !== ROWS)
      throw new Error(`impor ulang: ${again.answer.unchanged} tidak berubah dari ${ROWS}`);
    log(
      `Impor ulang (semua tidak berubah): ${Math.round(again.ms)} ms, CPU Directus ${cpuText(again.cpuMs)}.`,
    );
    rows.push({
      measure: `impor ulang berkas yang sama (${fmt(ROWS)} tidak berubah)`,
      value: seconds(again.ms),
      unit: 's',
      note: `CPU proses Directus ${cpuText(again.cpuMs)}`,
    });

    if (LARGE_ROWS > 0) {
      const large = `${HEADER}\r\n${baselineRows(2, LARGE_ROWS, desa).join('\r\n')}\r\n`;
      log(`Impor ${LARGE_ROWS} baris (${(large.length / 1e6).toFixed(1)} MB) ...`);
      const big = await post(large, 'bench-100k.csv');
      if (big.answer.inserted !== LARGE_ROWS)
        throw new Error(`impor besar menulis ${big.answer.inserted} dari ${LARGE_ROWS}`);
      log(`Impor besar: ${Math.round(big.ms)} ms, CPU Directus ${cpuText(big.cpuMs)}.`);
      rows.push({
        measure: `impor ${fmt(LARGE_ROWS)} baris ke basis data berisi ${fmt(ROWS)} rumah tangga`,
        value: seconds(big.ms),
        unit: 's',
        note: `${fmt(Math.round(LARGE_ROWS / (big.ms / 1000)))} baris/s, CPU proses Directus ${cpuText(big.cpuMs)}`,
      });
    }

    // the baseline: the same rows through REST batch create, household then head member
    const api = createDirectusApi(instance.url, instance.adminToken);
    const sample = baselineRows(3, REST_SAMPLE, desa).map((line) => {
      const [id, noKk, nik, name, address, code, decile, members] = line.split(';');
      const digits = code ?? '';
      return {
        household: {
          no_kk: noKk,
          head_nik: nik,
          head_name: name,
          address,
          desa: `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`,
          member_count: Number(members),
          source: 'p3ke',
          p3ke_id: id,
          p3ke_decile: Number(decile),
        },
        head: { nik, name },
      };
    });
    log(`Pembanding: ${REST_SAMPLE} rumah tangga + kepala keluarga lewat REST (batch ${REST_BATCH}) ...`);
    const restStarted = performance.now();
    for (let i = 0; i < sample.length; i += REST_BATCH) {
      const part = sample.slice(i, i + REST_BATCH);
      // the head member nested in its household: one request per batch, both created in one
      // transaction (the households create hook adds the head itself when it is not listed)
      await api.post(
        '/items/households?fields=id',
        part.map((p) => ({
          ...p.household,
          members: [{ nik: p.head.nik, name: p.head.name, relation: 'kepala' }],
        })),
      );
    }
    const restMs = performance.now() - restStarted;
    const restRate = REST_SAMPLE / (restMs / 1000);
    const ratio = importRate / restRate;
    log(
      `REST: ${Math.round(restMs)} ms untuk ${REST_SAMPLE}, ${Math.round(restRate)} baris/s; impor ${ratio.toFixed(1)}x lebih cepat.`,
    );
    rows.push({
      measure: `REST batch create (hook, aktivitas, revisi per baris), sampel ${fmt(REST_SAMPLE)}`,
      value: Math.round(restRate),
      unit: 'baris/s',
    });
    rows.push({
      measure: 'impor data awal',
      value: Math.round(importRate),
      unit: 'baris/s',
    });
    rows.push({
      measure: 'impor data awal dibanding REST batch create',
      value: Math.round(ratio * 10) / 10,
      unit: 'x',
      target: '>= 20x',
      pass: ratio >= 20,
    });
  } finally {
    await instance.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

/** Writes the households and head members of `lines` straight into a copy of the database. */
async function writeRaw(
  source: string,
  target: string,
  lines: readonly string[],
): Promise<{ ms: number; cpuMs: number }> {
  copyFileSync(source, target);
  const db = knexFactory({
    client: 'sqlite3',
    connection: { filename: target },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate: (conn: { run(sql: string): void }, done: (error: Error | null, conn: unknown) => void) => {
        conn.run('PRAGMA foreign_keys = ON');
        done(null, conn);
      },
    },
  });
  try {
    const now = new Date();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < lines.length; i += 5_000) {
      const chunk = lines.slice(i, i + 5_000).map((line) => line.split(';'));
      await db.transaction(async (trx) => {
        // the cheapest way we know: one JSON parameter per statement (no per-value binding), the
        // same page cache as the import's chunks
        await trx.raw('PRAGMA cache_size = -65536');
        const households = chunk.map(([id, kk, nik, name, address, code, decile, members]) => {
          const desa = dotted(code ?? '');
          return [kk, nik, name, address, desa, desa.slice(0, 8), Number(members), id, Number(decile)];
        });
        const created = (await trx.raw(
          `insert into households (no_kk, head_nik, head_name, address, desa, kecamatan, member_count, ` +
            `p3ke_id, p3ke_decile, source, date_created) ` +
            `select ${households[0]?.map((_, k) => `value->>${k}`).join(', ') ?? ''}, 'p3ke', ? ` +
            `from json_each(?) returning id, no_kk`,
          [now, JSON.stringify(households)],
        )) as { id: number; no_kk: string }[];
        const ids = new Map(created.map((c) => [c.no_kk, c.id]));
        const members = chunk.map(([, kk, nik, name, , code]) => [
          ids.get(kk ?? '') ?? 0,
          nik,
          name,
          dotted(code ?? ''),
        ]);
        await trx.raw(
          `insert into household_members (household, nik, name, desa, relation, date_created) ` +
            `select value->>0, value->>1, value->>2, value->>3, 'kepala', ? from json_each(?)`,
          [now, JSON.stringify(members)],
        );
        await trx.raw('PRAGMA cache_size = -2000');
      });
    }
    const cpu = process.cpuUsage(cpuBefore);
    return { ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000 };
  } finally {
    await db.destroy();
    rmSync(target, { force: true });
  }
}

/**
 * CPU time (user + system, ms) the process has used so far, from /proc (Linux; null elsewhere).
 * With the machine shared, wall time includes waiting for other processes; CPU time does not.
 */
function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name "(...)": state is field 3, utime 14, stime 15 (clock ticks, 100/s)
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

function cpuText(ms: number | null): string {
  return ms === null ? 'tidak diketahui' : `${(ms / 1000).toFixed(1)} s`;
}

function dotted(code: string): string {
  return `${code.slice(0, 2)}.${code.slice(2, 4)}.${code.slice(4, 6)}.${code.slice(6)}`;
}

function seconds(ms: number): number {
  return Math.round(ms / 10) / 100;
}

function fmt(n: number): string {
  return n.toLocaleString('id-ID');
}
