// npm run bench [name ...]: runs the benchmarks in scripts/bench/ (each <name>.bench.ts exports
// `run`) and prints one table. Benchmarks measure against a baseline taken in the same run and
// print the ratio; they are separate from the tests (DESIGN "How we test").
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchModule, BenchRow } from './bench/bench-types.ts';

const folder = path.join(import.meta.dirname, 'bench');
const wanted = process.argv.slice(2);
const files = readdirSync(folder)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => wanted.length === 0 || wanted.includes(file.replace(/\.bench\.ts$/, '')))
  .sort();
if (files.length === 0) {
  console.error(`Tidak ada benchmark ${wanted.join(', ')} di scripts/bench/.`);
  process.exit(1);
}

// the benchmarks start Directus with the bundle as built: build the current source first
if (process.env['BENCH_SKIP_BUILD'] !== 'true') {
  const build = spawnSync('npm', ['run', 'build', '--workspace', 'directus-extensions'], {
    cwd: path.join(import.meta.dirname, '..'),
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const started = Date.now();
const log = (message: string): void =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);
const results: Array<BenchRow & { bench: string }> = [];
let failed = false;
for (const file of files) {
  const bench = file.replace(/\.bench\.ts$/, '');
  log(`Benchmark ${bench} ...`);
  try {
    const module = (await import(pathToFileURL(path.join(folder, file)).href)) as BenchModule;
    for (const row of await module.run({ log })) results.push({ bench, ...row });
  } catch (error) {
    failed = true;
    console.error(`Benchmark ${bench} gagal:`, error);
  }
}

const table = results.map((row) => ({
  benchmark: row.bench,
  ukuran: row.measure,
  hasil: `${formatValue(row.value)} ${row.unit}`,
  target: row.target ?? '',
  status: row.pass === undefined ? '' : row.pass ? 'OK' : 'GAGAL',
  catatan: row.note ?? '',
}));
printTable(table);
if (failed || results.some((row) => row.pass === false)) process.exitCode = 1;

function formatValue(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function printTable(rows: Array<Record<string, string>>): void {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  const width = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, i) => cell.padEnd(width[i] ?? 0)).join(' | ')} |`;
  console.log('');
  console.log(line(columns));
  console.log(`|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(columns.map((column) => row[column] ?? '')));
}
