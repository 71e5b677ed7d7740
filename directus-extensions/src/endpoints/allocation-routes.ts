import { allocateBudget } from '@siap-pd/core/allocate-budget';
import type { AllocationResult, ExportTable } from '@siap-pd/core/allocation-types';
import { buildBeneficiaryRows } from '@siap-pd/core/build-beneficiary-rows';
import { buildSipdLines } from '@siap-pd/core/build-sipd-lines';
import { formatExportCsv } from '@siap-pd/core/format-export-csv';
import { readAllocationRequest, type RequestProblem } from '@siap-pd/core/read-allocation-request';
import type { EndpointExtensionContext } from '@directus/types';
import type { Request, Response, Router } from 'express';
import { AccessError } from '../adapters/access-errors.ts';
import {
  agencyOfUser,
  callerOf,
  hasRole,
  requireRole,
  type AllocationCaller,
} from '../adapters/allocation-caller.ts';
import {
  readBeneficiaries,
  readExportInterventions,
  readExportNames,
  type ExportSelection,
} from '../adapters/allocation-export-reader.ts';
import { closeJob, openJob } from '../adapters/import-jobs.ts';
import {
  forgetAllocationData,
  isSqlite,
  readActiveFiscalYear,
  readAllocationData,
  readFreshnessToken,
  readRun,
  rememberRunOnce,
  watchAllocationWrites,
  writeAllocationRun,
  type Phases,
} from '../adapters/allocation-store.ts';
import { writeXlsx } from '../adapters/allocation-xlsx.ts';
import { withLargeSqliteCache } from '../adapters/baseline-sql.ts';
import { readDatabase } from '../adapters/read-database.ts';
import { sendAllocationError as sendError } from './allocation-send-error.ts';

const PLANNERS_ONLY = 'Hanya perencana dan administrator yang dapat menjalankan alokasi anggaran.';
const PREVIEW_ROLES = 'Simulasi alokasi hanya untuk perencana, pimpinan, dan administrator.';
const EXPORT_ROLES = 'Ekspor SIPD hanya untuk perencana, pimpinan, perangkat daerah, dan administrator.';

/** SQLite page cache while a run writes, KiB (the connection's own is 2 MB by default). */
const RUN_CACHE_KIB = 128 * 1024;

/** Runs never overlap in one Directus process (a second run waits for the first). */
let runQueue: Promise<unknown> = Promise.resolve();

function invalid(problems: RequestProblem[]): AccessError {
  return new AccessError(problems.map((p) => p.message).join(' '), 400, 'INVALID_PAYLOAD', { problems });
}

/** Unfunded items an HTTP answer lists unless the request asks otherwise (a run stores them all). */
const DEFAULT_UNFUNDED_LIMIT = 1_000;

/**
 * The answer shared by run and preview (DESIGN "Public interfaces") plus what the pages need beside
 * it. `unfunded` lists the first `limit` items in priority order (all when null); `counts.unfunded`
 * and `unfunded_truncated` say how many there are.
 */
/** How many unfunded items an answer lists (the request's `unfunded_limit`; null = all). */
function shownOf(limit: number | null | undefined): number | null {
  return limit === undefined ? DEFAULT_UNFUNDED_LIMIT : limit;
}

function answerOf(result: AllocationResult, limit: number | null | undefined) {
  const shown = shownOf(limit);
  return {
    fiscal_year: result.fiscal_year,
    totals: result.totals,
    agencies: result.agencies,
    lines: result.lines,
    unfunded: shown === null ? result.unfunded : result.unfunded.slice(0, shown),
    unfunded_truncated: shown !== null && result.unfunded_count > shown,
    missing_unit_cost: result.missing_unit_cost,
    skipped: result.skipped,
    counts: {
      interventions: result.interventions_count,
      unfunded: result.unfunded_count,
      released_interventions: result.release.interventions.length,
      reopened_needs: result.release.needs.length,
    },
  };
}

const elapsed = (from: number): number => Math.round(performance.now() - from);
/** CPU time (user + system) of the whole Directus process since `from`, in ms. */
const cpuSince = (from: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(from);
  return Math.round((used.user + used.system) / 1000);
};

/**
 * POST /siap-pd/allocations/run      { fiscal_year, scope? } -> saves a draft run and its planned interventions
 * POST /siap-pd/allocations/preview  { fiscal_year, scope?, overrides? } -> the same answer, nothing saved
 * GET  /siap-pd/allocations/export   ?fiscal_year=&perangkat_daerah=&format=csv|xlsx&kind=lines|beneficiaries&run=
 */
export function registerAllocationRoutes(router: Router, context: EndpointExtensionContext): void {
  // the in-memory copy of a year's data survives writes that do not touch it (a pagu, a login)
  watchAllocationWrites(context.database);
  router.post('/allocations/run', (req, res) => {
    const work = runQueue.then(() => run(context, req, res));
    runQueue = work.catch(() => undefined);
    work.catch((error: unknown) => sendError(res, error));
  });
  router.post('/allocations/preview', (req, res) => {
    preview(context, req, res).catch((error: unknown) => sendError(res, error));
  });
  router.get('/allocations/export', (req, res) => {
    exportAllocation(context, req, res).catch((error: unknown) => sendError(res, error));
  });
}

async function run(context: EndpointExtensionContext, req: Request, res: Response): Promise<void> {
  const caller = callerOf(req);
  requireRole(caller, PLANNERS_ONLY, 'perencana');
  const parsed = readAllocationRequest(req.body, { allowOverrides: false });
  if (!parsed.ok) throw invalid(parsed.problems);
  const { fiscal_year: year, scope } = parsed.request;

  const started = new Date();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const phases: Phases = {};
  const timings = {
    read_ms: 0,
    compute_ms: 0,
    write_ms: 0,
    total_ms: 0,
    cpu_ms: 0,
    cached: false,
    phases,
  };
  const jobOf = (database: typeof context.database): Promise<number> =>
    openJob(context, database, caller.schema, {
      kind: 'allocation',
      source: scope === undefined ? 'run' : `run:${JSON.stringify(scope)}`,
      accountability: caller.accountability,
      started,
    });
  let tCommit = performance.now();
  try {
    // On SQLite the rows are read first on the read-only connections, side by side, outside the
    // transaction; inside it the freshness token says whether that copy still holds (nothing written
    // since), or the rows are read again in the transaction. Elsewhere nothing is cached: read inside.
    let t = performance.now();
    const warmed = isSqlite(context.database)
      ? await readAllocationData(context.database, year, phases, await readDatabase(context))
      : { fromCache: true };
    const readBefore = elapsed(t);
    // one transaction: the read, the job record and every write succeed or fail together
    const { result, writes, written, job, data, token } = await context.database.transaction(async (trx) => {
      t = performance.now();
      const { data, fromCache } = await readAllocationData(trx, year, phases);
      timings.read_ms = readBefore + elapsed(t);
      timings.cached = fromCache && warmed.fromCache;
      t = performance.now();
      const result = allocateBudget({
        ...data,
        ...(scope === undefined ? {} : { scope }),
        // the run records every unfunded item as a table; the answer lists the first ones
        tabulate_unfunded: true,
        unfunded_limit: shownOf(parsed.request.unfunded_limit),
      });
      timings.compute_ms = elapsed(t);
      t = performance.now();
      const job = await jobOf(trx);
      phases['write_job'] = elapsed(t);
      // a run rewrites most pages of needs and its summary index: with SQLite's default 2 MB page
      // cache they would be spilled (and the journal synced) again and again before the commit
      const { writes, written } = await withLargeSqliteCache(trx, RUN_CACHE_KIB, () =>
        writeAllocationRun(
          trx,
          result,
          {
            fiscal_year: year,
            scope: scope ?? null,
            parameters: {
              fiscal_year: year,
              scope: scope ?? null,
              ceilings: data.ceilings,
              job,
              missing_unit_cost: result.missing_unit_cost,
              skipped: result.skipped,
              released: {
                interventions: result.release.interventions.length,
                needs: result.release.needs.length,
              },
              interventions: result.interventions.length,
            },
            user: caller.user,
            now: started,
          },
          data.interventions,
          phases,
        ),
      );
      const tClose = performance.now();
      await closeJob(trx, job, {
        status: 'done',
        counts: { ...writes, ...result.totals, unfunded_items: result.unfunded_count },
        message: `Alokasi ${year} #${writes.run}: ${writes.created} intervensi direncanakan, ${writes.released} dilepas.`,
      });
      phases['write_job'] += elapsed(tClose);
      // the last statement of the transaction: what the database looks like right after this run
      const token = await readFreshnessToken(trx);
      timings.write_ms = elapsed(t);
      tCommit = performance.now();
      return { result, writes, written, job, data, token };
    });
    phases['commit'] = elapsed(tCommit);
    timings.total_ms = elapsed(t0);
    timings.cpu_ms = cpuSince(cpu0);
    const readers = await readDatabase(context);
    res.json({
      data: { run: writes.run, job, ...answerOf(result, parsed.request.unfunded_limit), writes, timings },
    });
    // the next preview or run starts from the data as this run left it, unless something else wrote
    // meanwhile; the answer goes out first (a preview that comes before the copy is made waits for it)
    if (token === null) {
      forgetAllocationData();
      return;
    }
    const sent = new Promise<void>((resolve) => {
      if (res.writableFinished || res.destroyed) resolve();
      res.once('finish', () => resolve());
      res.once('close', () => resolve());
    });
    await rememberRunOnce(
      sent,
      context.database,
      { year, token, data, result, run: writes.run, written },
      readers,
    );
  } catch (error) {
    forgetAllocationData();
    // the transaction rolled back: record the failure on its own
    const job = await jobOf(context.database).catch(() => null);
    if (job !== null) {
      await closeJob(context.database, job, {
        status: 'failed',
        counts: {},
        message: `Gagal: ${error instanceof Error ? error.message : String(error)}`,
      }).catch(() => undefined);
    }
    throw error;
  }
}

async function preview(context: EndpointExtensionContext, req: Request, res: Response): Promise<void> {
  const caller = callerOf(req);
  requireRole(caller, PREVIEW_ROLES, 'perencana', 'pimpinan');
  const parsed = readAllocationRequest(req.body, { allowOverrides: true });
  if (!parsed.ok) throw invalid(parsed.problems);
  const { fiscal_year: year, scope, overrides } = parsed.request;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const phases: Phases = {};
  const { data, fromCache } = await readAllocationData(
    context.database,
    year,
    phases,
    await readDatabase(context),
  );
  const read_ms = elapsed(t0);
  const t1 = performance.now();
  const result = allocateBudget({
    ...data,
    ...(scope === undefined ? {} : { scope }),
    ...(overrides === undefined ? {} : { overrides }),
    // nothing is saved: only the answer's part of the lists is made
    list_interventions: false,
    unfunded_limit: shownOf(parsed.request.unfunded_limit),
  });
  const compute_ms = elapsed(t1);
  res.json({
    data: {
      ...answerOf(result, parsed.request.unfunded_limit),
      timings: {
        read_ms,
        compute_ms,
        total_ms: elapsed(t0),
        cpu_ms: cpuSince(cpu0),
        cached: fromCache,
        phases,
      },
    },
  });
}

type ExportQuery = {
  fiscal_year: number;
  perangkat_daerah: string | null;
  format: 'csv' | 'xlsx';
  kind: 'lines' | 'beneficiaries';
  run: number | null;
};

function readExportQuery(query: Request['query'], activeYear: number | null): ExportQuery {
  const text = (name: string): string | null => {
    const value = query[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  };
  const problems: RequestProblem[] = [];
  const yearText = text('fiscal_year');
  const year = yearText === null ? activeYear : /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  if (year === null)
    problems.push({ field: 'fiscal_year', message: 'Tahun anggaran wajib diisi, mis. fiscal_year=2026.' });
  const format = text('format') ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx')
    problems.push({ field: 'format', message: 'Format ekspor harus csv atau xlsx.' });
  const kind = text('kind') ?? 'lines';
  if (kind !== 'lines' && kind !== 'beneficiaries') {
    problems.push({
      field: 'kind',
      message: 'Jenis ekspor harus lines (baris SIPD) atau beneficiaries (daftar penerima).',
    });
  }
  const runText = text('run');
  const run = runText === null ? null : /^\d+$/.test(runText) ? Number(runText) : NaN;
  if (Number.isNaN(run)) problems.push({ field: 'run', message: 'Nomor alokasi (run) harus berupa angka.' });
  if (problems.length > 0 || year === null) throw invalid(problems);
  return {
    fiscal_year: year,
    perangkat_daerah: text('perangkat_daerah'),
    format: format as ExportQuery['format'],
    kind: kind as ExportQuery['kind'],
    run,
  };
}

/** An agency user exports only its own agency, whatever it asks for. */
async function agencyFor(
  context: EndpointExtensionContext,
  caller: AllocationCaller,
  asked: string | null,
): Promise<string | null> {
  if (hasRole(caller, 'perencana', 'pimpinan')) return asked;
  const own = caller.user === null ? null : await agencyOfUser(context.database, caller.user);
  if (own === null) throw new AccessError(EXPORT_ROLES, 403, 'FORBIDDEN');
  return own;
}

async function exportAllocation(
  context: EndpointExtensionContext,
  req: Request,
  res: Response,
): Promise<void> {
  const caller = callerOf(req);
  requireRole(caller, EXPORT_ROLES, 'perencana', 'pimpinan', 'perangkat_daerah');
  const query = readExportQuery(req.query, await readActiveFiscalYear(context.database));
  const agency = await agencyFor(context, caller, query.perangkat_daerah);
  let year = query.fiscal_year;
  if (query.run !== null) {
    const stored = await readRun(context.database, query.run);
    if (stored === null) throw new AccessError(`Alokasi #${query.run} tidak ditemukan.`, 404, 'NOT_FOUND');
    if (typeof req.query['fiscal_year'] === 'string' && stored.fiscal_year !== year) {
      throw invalid([
        {
          field: 'run',
          message: `Alokasi #${query.run} adalah alokasi tahun ${stored.fiscal_year}, bukan ${year}.`,
        },
      ]);
    }
    year = stored.fiscal_year;
  }
  const selection: ExportSelection = { fiscal_year: year, perangkat_daerah: agency, run: query.run };
  const names = await readExportNames(context.database);
  const keepCancelled = query.run !== null;

  let table: ExportTable;
  let withIdentity = false;
  const headers: Record<string, string> = {};
  if (query.kind === 'lines') {
    const lines = buildSipdLines(
      await readExportInterventions(context.database, selection),
      names.catalogue,
      names.agencies,
      names.desa,
      { keepCancelled },
    );
    headers['X-SIAP-Total-Pagu'] = String(lines.total);
    headers['X-SIAP-Households'] = String(lines.households);
    table = lines;
  } else {
    const read = await readBeneficiaries(context, caller.accountability, caller.schema, selection);
    withIdentity = read.withIdentity;
    table = buildBeneficiaryRows(read.beneficiaries, names, withIdentity, { keepCancelled });
  }

  const base = [
    'sipd',
    String(year),
    agency ?? 'semua',
    query.kind === 'lines' ? 'baris' : 'penerima',
    ...(query.run === null ? [] : [`alokasi-${query.run}`]),
  ].join('-');
  const fileName = `${base.replace(/[^A-Za-z0-9._-]/g, '_')}.${query.format}`;

  if (withIdentity) {
    // exports that contain NIK are recorded: who, when, what
    const job = await openJob(context, context.database, caller.schema, {
      kind: 'export',
      source: `beneficiaries:${agency ?? 'semua'}:${year}${query.run === null ? '' : `:run-${query.run}`}`,
      file_name: fileName,
      accountability: caller.accountability,
      started: new Date(),
    });
    await closeJob(context.database, job, {
      status: 'done',
      counts: { rows: table.rows.length, with_nik: true, format: query.format },
      message: `Ekspor daftar penerima dengan NIK (${table.rows.length} baris).`,
    });
    headers['X-SIAP-Export-Job'] = String(job);
  }

  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Cache-Control', 'no-store');
  if (query.format === 'xlsx') {
    const buffer = await writeXlsx(table, query.kind === 'lines' ? 'Baris SIPD' : 'Daftar Penerima');
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.send(buffer);
    return;
  }
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.send(formatExportCsv(table));
}
