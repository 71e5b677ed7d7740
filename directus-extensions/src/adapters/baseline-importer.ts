import type { Accountability, ApiExtensionContext, SchemaOverview } from '@directus/types';
import { createBaselineCsvReader } from '@siap-pd/core/create-baseline-csv-reader';
import type { BaselineCsvHeader, BaselineFileProblem } from '@siap-pd/core/create-baseline-csv-reader';
import type { BaselineFileKeys } from '@siap-pd/core/plan-baseline-upsert';
import { planBaselineUpsert } from '@siap-pd/core/plan-baseline-upsert';
import type { BaselineIssue, BaselineRecord, BaselineRow, BaselineSource } from '@siap-pd/core/types';
import { validateBaselineRow } from '@siap-pd/core/validate-baseline-row';
import type { BaselineValidationContext } from '@siap-pd/core/validate-baseline-row';
import { closeJob, openJob } from './import-jobs.ts';
import type { CsvUpload } from './baseline-request-body.ts';
import { loadBaselineReference, readBaselineExisting, writeBaselineChunk } from './baseline-store.ts';
import { loadQualitySettings } from './quality-recompute.ts';

// POST /siap-pd/import/baseline: the request streams through core's CSV reader; every `chunkSize`
// records are validated (core) and written in one transaction (baseline-store). The job record
// says who imported what and keeps the rejected rows for the error file.

export const DEFAULT_CHUNK_SIZE = 5_000;
/** Warnings listed in the answer (all are counted). */
const WARNING_LIST_LIMIT = 1_000;

export type BaselineError = { row: number; field: string | null; message: string };

export type StoredRejectedRow = BaselineError & { cells: string[] };

export type BaselineImportResult = {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: BaselineError[];
  warning_count: number;
  warnings: BaselineError[];
  job: number;
  rows: number;
  chunks: number;
  source: BaselineSource;
  file_name: string | null;
  separator: string | null;
  encoding: string;
  columns: {
    headers: string[];
    recognised: (string | null)[];
    extra: string[];
    absent_optional: string[];
  } | null;
  duration_ms: number;
  /**
   * where the time went: waiting for and parsing the upload, validating rows, database work (the
   * next chunk is read and validated while the current one is written, so they may add up to more
   * than duration_ms)
   */
  timings: {
    read_ms: number;
    validate_ms: number;
    write_ms: number;
    /** parts of write_ms: reading what exists, inserting, updating (with quality flags), committing */
    write: { lookup_ms: number; insert_ms: number; update_ms: number; commit_ms: number };
  };
};

export class BaselineFileError extends Error {
  override readonly name = 'DirectusError';
  readonly status = 400;
  readonly code = 'INVALID_CSV';
  readonly extensions: Record<string, unknown>;
  constructor(problem: BaselineFileProblem, job: number | null) {
    super(problem.message);
    this.extensions = { problem: problem.code, job };
  }
}

export class ImportInterrupted extends Error {
  override readonly name = 'DirectusError';
  readonly status = 500;
  readonly code = 'IMPORT_INTERRUPTED';
  readonly job: number;
  readonly reason: unknown;
  constructor(job: number, reason: unknown) {
    super(
      'Impor berhenti di tengah jalan. Bagian yang sudah tersimpan utuh (setiap rumah tangga bersama kepala ' +
        'keluarganya); jalankan ulang impor berkas yang sama untuk menyelesaikannya tanpa data ganda.',
    );
    this.job = job;
    this.reason = reason;
  }
}

type Context = Pick<ApiExtensionContext, 'services' | 'database' | 'getSchema'>;

export type ImportOptions = {
  source: BaselineSource;
  upload: CsvUpload;
  accountability: Accountability | null;
  schema: SchemaOverview | undefined;
  chunkSize?: number;
  /** test hook: the chunk after this many committed chunks fails between households and members */
  crashAfterChunks?: number | null;
};

/** One entry per rejected row: the first problem's column, all problems in the message. */
function rowError(issues: readonly BaselineIssue[]): BaselineError {
  const first = issues[0];
  return {
    row: first?.row ?? 0,
    field: first?.field ?? null,
    message: issues.map((i) => i.message).join(' '),
  };
}

function columnsOf(header: BaselineCsvHeader | null): BaselineImportResult['columns'] {
  if (header === null) return null;
  return {
    headers: header.headers,
    recognised: header.map.columns,
    extra: header.map.extra,
    absent_optional: header.map.absentOptional,
  };
}

export async function importBaseline(
  context: Context,
  options: ImportOptions,
): Promise<BaselineImportResult> {
  const started = new Date();
  const db = context.database;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const job = await openJob(context, db, options.schema, {
    kind: 'import_baseline',
    source: options.source,
    file_name: options.upload.fileName(),
    accountability: options.accountability,
    started,
  });
  const reference = await loadBaselineReference(db);
  const qualitySettings = await loadQualitySettings(db);
  const schema = options.schema ?? (await context.getSchema({ database: db }));
  const quality = {
    settings: qualitySettings,
    surveyCoordinates:
      schema.collections['surveys']?.fields['latitude'] !== undefined &&
      schema.collections['surveys']?.fields['longitude'] !== undefined,
  };
  const validation: BaselineValidationContext = {
    desa: reference.desa,
    regionPrefix: reference.regionCode,
  };
  const fileKeys: BaselineFileKeys = { no_kk: new Map(), nik: new Map(), list_id: new Map() };
  const reader = createBaselineCsvReader();
  const result: BaselineImportResult = {
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    errors: [],
    warning_count: 0,
    warnings: [],
    job,
    rows: 0,
    chunks: 0,
    source: options.source,
    file_name: options.upload.fileName(),
    separator: null,
    encoding: 'utf-8',
    columns: null,
    duration_ms: 0,
    timings: {
      read_ms: 0,
      validate_ms: 0,
      write_ms: 0,
      write: { lookup_ms: 0, insert_ms: 0, update_ms: 0, commit_ms: 0 },
    },
  };
  const stored: StoredRejectedRow[] = [];

  const reject = (error: BaselineError, record: BaselineRecord | undefined): void => {
    result.rejected += 1;
    result.errors.push(error);
    stored.push({ ...error, cells: record?.cells ?? [] });
  };

  /** A chunk validated ahead: merged into the result only when its write begins (file order). */
  type PreparedChunk = {
    records: number;
    valid: BaselineRow[];
    recordOf: Map<number, BaselineRecord>;
    warnings: BaselineIssue[];
    rejected: { error: BaselineError; record: BaselineRecord }[];
    validate_ms: number;
  };

  const prepareChunk = (records: readonly BaselineRecord[]): PreparedChunk => {
    const validateStart = performance.now();
    const chunk: PreparedChunk = {
      records: records.length,
      valid: [],
      recordOf: new Map(),
      warnings: [],
      rejected: [],
      validate_ms: 0,
    };
    for (const record of records) {
      chunk.recordOf.set(record.row, record);
      const check = validateBaselineRow(record, validation);
      for (const warning of check.warnings) chunk.warnings.push(warning);
      if (check.row === null) chunk.rejected.push({ error: rowError(check.errors), record });
      else chunk.valid.push(check.row);
    }
    chunk.validate_ms = performance.now() - validateStart;
    return chunk;
  };

  const writeChunk = async (chunk: PreparedChunk): Promise<void> => {
    result.rows += chunk.records;
    result.timings.validate_ms += chunk.validate_ms;
    for (const warning of chunk.warnings) {
      result.warning_count += 1;
      if (result.warnings.length < WARNING_LIST_LIMIT) {
        result.warnings.push({ row: warning.row, field: warning.field, message: warning.message });
      }
    }
    for (const { error, record } of chunk.rejected) reject(error, record);
    const writeStart = performance.now();
    const crash =
      options.crashAfterChunks !== undefined &&
      options.crashAfterChunks !== null &&
      result.chunks === options.crashAfterChunks;
    const plan = await writeBaselineChunk(db, chunk.valid, {
      source: options.source,
      fileKeys,
      user: options.accountability?.user ?? null,
      now: new Date(),
      quality,
      crashAfterHouseholds: crash,
      timings: result.timings.write,
    });
    result.timings.write_ms += performance.now() - writeStart;
    result.inserted += plan.inserts.length;
    result.updated += plan.updates.length;
    result.unchanged += plan.unchanged.length;
    for (const issue of plan.rejected) reject(rowError([issue]), chunk.recordOf.get(issue.row));
    result.chunks += 1;
  };

  // One chunk is written while the next one is read and validated (the database works in its own
  // thread meanwhile); writes stay one after the other, in file order. A failed write is noticed
  // before the next one starts, or at the end.
  type Outcome = { ok: true } | { ok: false; error: unknown };
  const writing: { inflight: Promise<Outcome> | null } = { inflight: null };
  const settle = async (): Promise<void> => {
    if (writing.inflight === null) return;
    const outcome = await writing.inflight;
    writing.inflight = null;
    if (!outcome.ok) throw outcome.error;
  };
  const processChunk = async (records: readonly BaselineRecord[]): Promise<void> => {
    const chunk = prepareChunk(records);
    await settle();
    writing.inflight = writeChunk(chunk).then(
      (): Outcome => ({ ok: true }),
      (error: unknown): Outcome => ({ ok: false, error }),
    );
  };

  const finish = async (status: 'done' | 'failed', message: string): Promise<void> => {
    result.file_name = options.upload.fileName();
    result.encoding = options.upload.encoding();
    result.separator = reader.header()?.separator ?? null;
    result.columns = columnsOf(reader.header());
    result.errors.sort((a, b) => a.row - b.row);
    stored.sort((a, b) => a.row - b.row);
    result.duration_ms = Date.now() - started.getTime();
    const write = result.timings.write;
    result.timings = {
      read_ms: Math.round(result.timings.read_ms),
      validate_ms: Math.round(result.timings.validate_ms),
      write_ms: Math.round(result.timings.write_ms),
      write: {
        lookup_ms: Math.round(write.lookup_ms),
        insert_ms: Math.round(write.insert_ms),
        update_ms: Math.round(write.update_ms),
        commit_ms: Math.round(write.commit_ms),
      },
    };
    const { errors: _errors, warnings: _warnings, columns: _columns, ...counts } = result;
    await closeJob(db, job, {
      status,
      counts: { ...counts, header: reader.header()?.headers ?? [] },
      errors: stored,
      message,
      file_name: result.file_name,
      finished: new Date(),
    });
  };

  try {
    let pending: BaselineRecord[] = [];
    let readMark = performance.now();
    for await (const text of options.upload.text) {
      const records = reader.push(text);
      result.timings.read_ms += performance.now() - readMark;
      if (reader.problem() !== null) break;
      for (const record of records) pending.push(record);
      while (pending.length >= chunkSize) {
        await processChunk(pending.slice(0, chunkSize));
        pending = pending.slice(chunkSize);
      }
      readMark = performance.now();
    }
    readMark = performance.now();
    if (reader.problem() === null) for (const record of reader.end()) pending.push(record);
    result.timings.read_ms += performance.now() - readMark;
    const problem = reader.problem();
    if (problem !== null) {
      await settle();
      await finish('failed', problem.message);
      throw new BaselineFileError(problem, job);
    }
    for (let i = 0; i < pending.length; i += chunkSize) await processChunk(pending.slice(i, i + chunkSize));
    await settle();
  } catch (error) {
    if (error instanceof BaselineFileError) throw error;
    // a chunk still being written finishes (or fails) before the job is closed
    if (writing.inflight !== null) await writing.inflight;
    const interrupted = new ImportInterrupted(job, error);
    const reason = error instanceof Error ? error.message : String(error);
    await finish('failed', `${interrupted.message} (${reason})`).catch(() => undefined);
    throw interrupted;
  }
  await finish(
    'done',
    `${result.inserted} baru, ${result.updated} diperbarui, ${result.unchanged} tidak berubah, ${result.rejected} ditolak.`,
  );
  return result;
}

export type BaselinePreview = {
  separator: string | null;
  encoding: string;
  file_name: string | null;
  columns: BaselineImportResult['columns'];
  problem: BaselineFileProblem | null;
  rows: {
    row: number;
    values: Record<string, string>;
    status: 'insert' | 'update' | 'unchanged' | 'rejected';
    errors: BaselineError[];
    warnings: BaselineError[];
  }[];
  /** true when the file has more data rows than the preview shows */
  more: boolean;
};

/**
 * POST /siap-pd/import/baseline/preview: the detected separator and columns and the first rows,
 * each validated and planned against the database as the import would, without writing anything.
 */
export async function previewBaseline(
  context: Context,
  options: { source: BaselineSource; upload: CsvUpload; limit: number },
): Promise<BaselinePreview> {
  const db = context.database;
  const reference = await loadBaselineReference(db);
  const reader = createBaselineCsvReader();
  const records: BaselineRecord[] = [];
  let more = false;
  for await (const text of options.upload.text) {
    records.push(...reader.push(text));
    if (reader.problem() !== null) break;
    if (records.length > options.limit) {
      more = true;
      break;
    }
  }
  if (!more && reader.problem() === null) records.push(...reader.end());
  if (records.length > options.limit) {
    more = true;
    records.length = options.limit;
  }
  const validation: BaselineValidationContext = { desa: reference.desa, regionPrefix: reference.regionCode };
  const checks = records.map((record) => ({ record, check: validateBaselineRow(record, validation) }));
  const valid = checks.map((c) => c.check.row).filter((r): r is BaselineRow => r !== null);
  // planned against the database as the import would, without writing anything
  const existing = await readBaselineExisting(db, valid, options.source);
  const plan = planBaselineUpsert({
    rows: valid,
    source: options.source,
    ...existing,
    fileKeys: { no_kk: new Map(), nik: new Map(), list_id: new Map() },
  });
  const status = new Map<number, 'insert' | 'update' | 'unchanged'>();
  for (const i of plan.inserts) status.set(i.row, 'insert');
  for (const u of plan.updates) status.set(u.row, 'update');
  for (const r of plan.unchanged) status.set(r, 'unchanged');
  const planErrors = new Map(plan.rejected.map((r) => [r.row, r]));
  const problem = reader.problem()?.code === 'no_data' && records.length > 0 ? null : reader.problem();
  return {
    separator: reader.header()?.separator ?? null,
    encoding: options.upload.encoding(),
    file_name: options.upload.fileName(),
    columns: columnsOf(reader.header()),
    problem,
    more,
    rows: checks.map(({ record, check }) => {
      const planError = planErrors.get(record.row);
      const errors = [...check.errors, ...(planError === undefined ? [] : [planError])].map((e) => ({
        row: e.row,
        field: e.field,
        message: e.message,
      }));
      return {
        row: record.row,
        values: record.values,
        status: errors.length > 0 ? 'rejected' : (status.get(record.row) ?? 'rejected'),
        errors,
        warnings: check.warnings.map((w) => ({ row: w.row, field: w.field, message: w.message })),
      };
    }),
  };
}
