import type { Accountability, ApiExtensionContext, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { validateHouseholdRecords } from '@siap-pd/core/validate-household-records';
import { roles } from '../../../access/roles.ts';
import { generateDemoDataset, type DemoDataset } from '../../../scripts/demo/generate-demo-dataset.ts';
import { closeJob, openJob } from './import-jobs.ts';
import { addCounts, emptyCounts, evaluateHouseholds, type EngineCounts } from './classification-engine.ts';
import { classificationJobs } from './classification-jobs.ts';
import { loadClassificationReference } from './classification-rows.ts';
import { updateRows } from './classification-sql.ts';
import {
  emptyFlagCounts,
  loadQualitySettings,
  recomputeQualityFlags,
  type QualityRecomputeResult,
} from './quality-recompute.ts';

// The demo dataset (scripts/demo/generate-demo-dataset.ts) loaded set-based into an empty database:
// what `npm start` and every test run used to send through REST record by record (about 12,000
// saves, each running the access, classification and quality hooks). Here the same records are
// validated as a whole by the rules a save obeys (core validateHouseholdRecords), written with knex
// a few hundred households per transaction (each household commits with its members, surveys,
// classification, needs and quality flags), and classified, given needs and checked by the same
// engines the hooks call. One import_jobs record (kind load_demo) and one activity row say who loaded
// it and what; the records themselves get no per-record revisions, like every bulk job (DESIGN
// "Data model").

type Context = Pick<ApiExtensionContext, 'database' | 'getSchema' | 'services' | 'logger'>;

/** Households per transaction (with their members, surveys and needs: a few thousand rows). */
export const DEMO_CHUNK = 500;
/** Rows per INSERT statement, below SQLite's 32,766 bound parameters for the widest table. */
const INSERT_BATCH = 200;
const MAX_HOUSEHOLDS = 50_000;

export type DemoLoadResult = {
  job: number;
  households: number;
  members: number;
  surveys: number;
  related: number;
  classification: EngineCounts;
  quality: QualityRecomputeResult;
  /** columns of the demo records that the data model no longer has (not written) */
  skipped_fields: string[];
  duration_ms: number;
  /** prepare: generate and validate the dataset (before the job starts) */
  timings: { prepare_ms: number; write_ms: number; classify_ms: number; quality_ms: number };
};

export class DemoLoadError extends Error {
  override readonly name = 'DirectusError';
  readonly status: number;
  readonly code: string;
  constructor(message: string, status: number, code: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

type Row = Record<string, unknown>;

const VERIFIER_ROLE = roles.find((role) => role.key === 'verifikator_kecamatan')?.id ?? null;

/**
 * Loads the demo dataset (`households` of them; the generator's default when undefined) into a
 * database that has no households yet, as the administrator in `accountability`.
 */
export async function loadDemoDataset(
  context: Context,
  request: { schema: SchemaOverview; accountability: Accountability | null; households?: number },
): Promise<DemoLoadResult> {
  const requested = performance.now();
  const db = context.database;
  const { schema } = request;
  const user = request.accountability?.user ?? null;
  if (
    request.households !== undefined &&
    !(Number.isInteger(request.households) && request.households >= 0 && request.households <= MAX_HOUSEHOLDS)
  ) {
    throw new DemoLoadError(
      `households harus bilangan bulat 0 sampai ${MAX_HOUSEHOLDS}.`,
      400,
      'INVALID_PAYLOAD',
    );
  }
  const existing = (await db('households').count({ n: '*' }).first()) as { n: number | string } | undefined;
  if (Number(existing?.n ?? 0) > 0) {
    throw new DemoLoadError(
      'Data demo hanya dimuat ke basis data yang belum berisi rumah tangga.',
      409,
      'RECORD_NOT_UNIQUE',
    );
  }

  // The dataset, from the regions in the database (the reference seed: the same as seed/reference).
  const desaRows = (await db('desa').select('code', 'kecamatan', 'kind')) as {
    code: string;
    kecamatan: string;
    kind: string | null;
  }[];
  if (desaRows.length === 0)
    throw new DemoLoadError('Belum ada data desa/kelurahan.', 400, 'INVALID_PAYLOAD');
  const dataset = generateDemoDataset({
    desa: desaRows.map((d) => ({
      code: d.code,
      kecamatan: d.kecamatan,
      kind: d.kind === 'kelurahan' ? 'kelurahan' : 'desa',
    })),
    ...(request.households === undefined ? {} : { households: request.households }),
  });
  const kecamatanOf = new Map(desaRows.map((d) => [d.code, d.kecamatan]));
  // a verified survey names its kecamatan's verifier (a demo user), else the administrator loading it
  const verifierOf = new Map<string, string>();
  if (VERIFIER_ROLE !== null) {
    const users = (await db('directus_users')
      .where('role', VERIFIER_ROLE)
      .whereNotNull('kecamatan')
      .orderBy('email')
      .select('id', 'kecamatan')) as { id: string; kecamatan: string }[];
    for (const u of users) if (!verifierOf.has(u.kecamatan)) verifierOf.set(u.kecamatan, u.id);
  }
  const records = toRecords(dataset, kecamatanOf, verifierOf, user);

  const issues = validateHouseholdRecords(records, { desa: new Set(kecamatanOf.keys()) });
  if (issues.length > 0) {
    const shown = issues
      .slice(0, 5)
      .map(
        (i) =>
          `${i.collection} #${i.index + 1} (${i.ref})${i.field === null ? '' : ` ${i.field}`}: ${i.message}`,
      );
    throw new DemoLoadError(
      `Data demo tidak lolos validasi (${issues.length} masalah): ${shown.join(' | ')}`,
      400,
      'INVALID_PAYLOAD',
    );
  }

  const prepared = performance.now() - requested;
  const started = new Date();
  const job = await openJob(context, db, schema, {
    kind: 'load_demo',
    source: 'demo',
    file_name: null,
    accountability: request.accountability,
    started,
  });
  const timings = { write_ms: 0, classify_ms: 0, quality_ms: 0 };
  const classification = emptyCounts();
  const quality: QualityRecomputeResult = { checked: 0, changed: 0, flagged: emptyFlagCounts() };
  const skipped = new Set<string>();
  const done = { households: 0, members: 0, surveys: 0, related: 0 };
  try {
    // a re-classification scheduled by the reference seed runs first (jobs never overlap)
    await classificationJobs(context).idle();
    const reference = await loadClassificationReference(db, schema);
    const qualityOptions = {
      settings: await loadQualitySettings(db),
      surveyCoordinates: ['latitude', 'longitude'].every(
        (field) => schema.collections['surveys']?.fields[field] !== undefined,
      ),
    };
    const columnsOf = (collection: string, rows: readonly Row[]): string[] => {
      const fields = schema.collections[collection]?.fields ?? {};
      const names = new Set<string>();
      for (const row of rows) for (const key of Object.keys(row)) names.add(key);
      return [...names].filter((name) => {
        if (Object.hasOwn(fields, name)) return true;
        skipped.add(`${collection}.${name}`);
        return false;
      });
    };

    const idByRef = new Map<string, number>();
    const membersOf = groupBy(records.members, (m) => m.household_ref);
    const surveysOf = groupBy(records.surveys, (s) => s.household_ref);
    for (let start = 0; start < records.households.length; start += DEMO_CHUNK) {
      const chunk = records.households.slice(start, start + DEMO_CHUNK);
      const now = new Date();
      const stamp = { date_created: now, user_created: user };
      await db.transaction(async (trx) => {
        let mark = performance.now();
        const households = chunk.map(({ ref: _ref, related_household_ref: _related, ...row }) => ({
          ...row,
          ...stamp,
        }));
        const created = await insertReturning<{ id: number | string; head_nik: string | null }>(
          trx,
          schema,
          'households',
          columnsOf('households', households),
          households,
          ['id', 'head_nik'],
        );
        const idByNik = new Map(created.map((row) => [row.head_nik, Number(row.id)]));
        const ids: number[] = [];
        for (const household of chunk) {
          const id = idByNik.get(household.head_nik);
          if (id === undefined) throw new Error(`rumah tangga demo ${household.ref} tidak tersimpan`);
          idByRef.set(household.ref, id);
          ids.push(id);
        }
        const idOf = (ref: string): number => {
          const id = idByRef.get(ref);
          if (id === undefined) throw new Error(`rumah tangga demo ${ref} tidak dikenal`);
          return id;
        };
        const members = chunk.flatMap((h) =>
          (membersOf.get(h.ref) ?? []).map(({ household_ref, ...m }) => ({
            ...m,
            household: idOf(household_ref),
            desa: h.desa,
            ...stamp,
          })),
        );
        await insertReturning(
          trx,
          schema,
          'household_members',
          columnsOf('household_members', members),
          members,
        );
        const surveys = chunk.flatMap((h) =>
          (surveysOf.get(h.ref) ?? []).map(({ household_ref, ...s }) => ({
            ...s,
            household: idOf(household_ref),
            desa: h.desa,
            ...stamp,
          })),
        );
        const surveyIds = (
          await insertReturning<{ id: number | string }>(
            trx,
            schema,
            'surveys',
            columnsOf('surveys', surveys),
            surveys,
            ['id'],
          )
        ).map((row) => Number(row.id));
        timings.write_ms += performance.now() - mark;
        mark = performance.now();
        // every rule for every household; every survey gets its own result (drafts and returned
        // ones too, as the save hook gives them)
        addCounts(
          classification,
          await evaluateHouseholds(
            trx,
            schema,
            reference,
            { ids },
            { needs: 'all', surveys: surveyIds, now },
          ),
        );
        timings.classify_ms += performance.now() - mark;
        mark = performance.now();
        const flags = await recomputeQualityFlags(trx, ids, qualityOptions);
        quality.checked += flags.checked;
        quality.changed += flags.changed;
        for (const flag of Object.keys(quality.flagged) as (keyof typeof quality.flagged)[])
          quality.flagged[flag] += flags.flagged[flag];
        timings.quality_ms += performance.now() - mark;
        done.households += chunk.length;
        done.members += members.length;
        done.surveys += surveys.length;
      });
      context.logger.info(
        `SIAP-PD demo: ${done.households}/${records.households.length} rumah tangga dimuat.`,
      );
    }

    // the other side of a split, merge or duplicate exists only once both are written
    const related = records.households.flatMap((h) =>
      h.related_household_ref === null
        ? []
        : [
            {
              id: Number(idByRef.get(h.ref)),
              values: { related_household: idByRef.get(h.related_household_ref) },
            },
          ],
    );
    if (related.length > 0) {
      const mark = performance.now();
      await db.transaction((trx) =>
        updateRows(trx, schema, 'households', related, { date_updated: new Date(), user_updated: user }),
      );
      timings.write_ms += performance.now() - mark;
    }
    done.related = related.length;

    const finished = new Date();
    const result: DemoLoadResult = {
      job,
      ...done,
      classification,
      quality,
      skipped_fields: [...skipped],
      duration_ms: finished.getTime() - started.getTime(),
      timings: {
        prepare_ms: Math.round(prepared),
        write_ms: Math.round(timings.write_ms),
        classify_ms: Math.round(timings.classify_ms),
        quality_ms: Math.round(timings.quality_ms),
      },
    };
    const { job: _job, ...counts } = result;
    await closeJob(db, job, {
      status: 'done',
      counts,
      message:
        `Data demo dimuat: ${done.households} rumah tangga, ${done.members} anggota keluarga, ${done.surveys} survei; ` +
        `${classification.needs_opened} kebutuhan terbuka.` +
        (skipped.size > 0
          ? ` Kolom yang tidak ada lagi di model data dilewati: ${[...skipped].join(', ')}.`
          : ''),
      finished,
    });
    return result;
  } catch (error) {
    await closeJob(db, job, {
      status: 'failed',
      counts: { ...done },
      message: `Gagal: ${error instanceof Error ? error.message : String(error)}`,
      finished: new Date(),
    }).catch(() => undefined);
    throw error;
  }
}

type HouseholdRecord = Row & {
  ref: string;
  head_nik: string | null;
  desa: string;
  related_household_ref: string | null;
};
type ChildRecord = Row & { household_ref: string };

/**
 * The dataset in the collections' terms: a household's kecamatan follows its desa (as the save
 * hook sets it), a verified survey names its verifier.
 */
function toRecords(
  dataset: DemoDataset,
  kecamatanOf: ReadonlyMap<string, string>,
  verifierOf: ReadonlyMap<string, string>,
  user: string | null,
): { households: HouseholdRecord[]; members: ChildRecord[]; surveys: ChildRecord[] } {
  const kecamatanOfRef = new Map<string, string | null>();
  const households = dataset.households.map((h) => {
    const kecamatan = kecamatanOf.get(h.desa) ?? null;
    kecamatanOfRef.set(h.ref, kecamatan);
    return { ...h, kecamatan };
  });
  const surveys = dataset.surveys.map((s) => ({
    ...s,
    verified_by:
      s.status === 'verified' ? (verifierOf.get(kecamatanOfRef.get(s.household_ref) ?? '') ?? user) : null,
  }));
  return { households, members: dataset.members, surveys };
}

/**
 * Multi-row INSERT ... VALUES (...), (...) [RETURNING ...], the same SQL on SQLite and PostgreSQL,
 * with values stored as Directus stores them: JSON columns as JSON text, timestamps as Date.
 */
async function insertReturning<T = Row>(
  trx: Knex,
  schema: SchemaOverview,
  table: string,
  columns: readonly string[],
  rows: readonly Row[],
  returning: readonly string[] = [],
): Promise<T[]> {
  if (rows.length === 0 || columns.length === 0) return [];
  const fields = schema.collections[table]?.fields ?? {};
  const store = columns.map((column) => {
    const type = fields[column]?.type;
    return (value: unknown): unknown => {
      if (value === undefined || value === null) return null;
      if (type === 'csv') return Array.isArray(value) ? value.join(',') : value;
      if (type === 'json') return typeof value === 'string' ? value : JSON.stringify(value);
      if (typeof value !== 'string') return value;
      // as Directus's payload service writes them (date-fns parseISO: a bare date is local midnight)
      if (type === 'date') {
        const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
        return day === null ? value : new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
      }
      if (type === 'timestamp' || type === 'dateTime') return new Date(value);
      return value;
    };
  });
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const out: T[] = [];
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const part = rows.slice(i, i + INSERT_BATCH);
    const bindings: unknown[] = [table, ...columns];
    for (const row of part) columns.forEach((column, c) => bindings.push(store[c]?.(row[column]) ?? null));
    bindings.push(...returning);
    const sql =
      `insert into ?? (${columns.map(() => '??').join(', ')}) values ${part.map(() => tuple).join(', ')}` +
      (returning.length > 0 ? ` returning ${returning.map(() => '??').join(', ')}` : '');
    const result = (await trx.raw(sql, bindings as Knex.RawBinding[])) as unknown;
    // sqlite3 answers with the rows, pg with { rows }
    const rowsOut = Array.isArray(result)
      ? result
      : ((result as { rows?: unknown[] } | undefined)?.rows ?? []);
    out.push(...(rowsOut as T[]));
  }
  return out;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [row]);
    else group.push(row);
  }
  return groups;
}
