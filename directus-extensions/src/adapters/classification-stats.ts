// Time the survey hooks spend classifying (shared by the hooks and GET /siap-pd/reclassify/status,
// which `npm run bench` reads to report the per-save overhead).

const WINDOW = 2_000;
const samples: number[] = [];
let count = 0;
let totalMs = 0;
let maxMs = 0;

export function recordHookDuration(ms: number): void {
  count += 1;
  totalMs += ms;
  maxMs = Math.max(maxMs, ms);
  samples.push(ms);
  if (samples.length > WINDOW) samples.shift();
}

export type HookStats = { count: number; mean_ms: number; p50_ms: number; p95_ms: number; max_ms: number };

export function hookStats(): HookStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (n: number): number => Math.round(n * 100) / 100;
  return {
    count,
    mean_ms: round(count === 0 ? 0 : totalMs / count),
    p50_ms: round(at(0.5)),
    p95_ms: round(at(0.95)),
    max_ms: round(maxMs),
  };
}

export function resetHookStats(): void {
  samples.length = 0;
  count = 0;
  totalMs = 0;
  maxMs = 0;
}
