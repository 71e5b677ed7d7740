import type { Knex } from 'knex';
import { planBaselineUpsert } from '@siap-pd/core/plan-baseline-upsert';
import type {
  BaselineFileKeys,
  BaselineUpsertPlan,
  ExistingBaselineHousehold,
  NikOwner,
} from '@siap-pd/core/plan-baseline-upsert';
import { readNumber } from '@siap-pd/core/read-number';
import type { BaselineRow, BaselineSource, DesaRef } from '@siap-pd/core/types';
import { computeQualityFlags } from '@siap-pd/core/compute-quality-flags';
import { recomputeQualityFlags } from './quality-recompute.ts';
import type { QualitySettings } from '@siap-pd/core/compute-quality-flags';

// The baseline import's database side: set-based reads and writes with knex inside one transaction
// per chunk (household and head member commit together or not at all). Core decides (plan), this
// file only reads what the plan needs and writes what it says.

/** Rows per INSERT: SQLite allows 32766 variables per statement (PostgreSQL 65535). */
const INSERT_BATCH = 1_000;
const IN_LIMIT = 500;

/**
 * One multi-row INSERT ... VALUES (...), (...) per batch, the same SQL on SQLite and PostgreSQL
 * (knex writes SQLite multi-row inserts as a UNION ALL of SELECTs, which is slower and capped at
 * 500 rows). Every row must have the same columns. Returns the `returning` columns of new rows.
 */
async function insertMany<T>(
  trx: Knex,
  table: string,
  rows: readonly Record<string, unknown>[],
  returning: readonly string[] = [],
): Promise<T[]> {
  const first = rows[0];
  if (first === undefined) return [];
  const columns = Object.keys(first);
  const out: T[] = [];
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const part = rows.slice(i, i + INSERT_BATCH);
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const sql =
      `insert into ?? (${columns.map(() => '??').join(', ')}) values ${part.map(() => tuple).join(', ')}` +
      (returning.length > 0 ? ` returning ${returning.map(() => '??').join(', ')}` : '');
    const bindings: unknown[] = [table, ...columns];
    for (const row of part) for (const column of columns) bindings.push(row[column] ?? null);
    bindings.push(...returning);
    const result = (await trx.raw(sql, bindings as Knex.RawBinding[])) as unknown;
    // sqlite3 answers with the rows, pg with { rows }
    const rowsOut = Array.isArray(result)
      ? result
      : ((result as { rows?: unknown[] } | undefined)?.rows ?? []);
    out.push(...(rowsOut as T[]));
  }
  return out;
}

export type BaselineReference = {
  desa: Map<string, DesaRef>;
  desaNames: Map<string, string>;
  kecamatanNames: Map<string, string>;
  regionCode: string;
  regionName: string;
};

export async function loadBaselineReference(db: Knex): Promise<BaselineReference> {
  const desaRows = (await db('desa').select('code', 'name', 'kecamatan')) as DesaRef[];
  const kecamatanRows = (await db('kecamatan').select('code', 'name')) as { code: string; name: string }[];
  const settings = (await db('planning_settings').first('region_code', 'region_name')) as
    { region_code: string | null; region_name: string | null } | undefined;
  return {
    desa: new Map(desaRows.map((d) => [d.code, d])),
    desaNames: new Map(desaRows.map((d) => [d.code, d.name])),
    kecamatanNames: new Map(kecamatanRows.map((k) => [k.code, k.name])),
    regionCode: settings?.region_code ?? '',
    regionName: settings?.region_name ?? '',
  };
}

async function selectIn<T>(values: readonly string[], query: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(values)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += IN_LIMIT) out.push(...(await query(unique.slice(i, i + IN_LIMIT))));
  return out;
}

const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

/** Reads, inside the chunk's transaction, everything planBaselineUpsert needs about these rows. */
export async function readBaselineExisting(trx: Knex, rows: readonly BaselineRow[], source: BaselineSource) {
  const households = await selectIn(
    rows.map((r) => r.no_kk),
    (part) =>
      trx('households')
        .whereIn('no_kk', part)
        .select(
          'id',
          'no_kk',
          'head_nik',
          'head_name',
          'address',
          'desa',
          'kecamatan',
          'member_count',
          'source',
          'p3ke_id',
          'dtsen_id',
          'p3ke_decile',
          'dtsen_decile',
          'baseline_disposition',
        ) as Promise<Record<string, unknown>[]>,
  );
  const ids = households.map((h) => String(h.id));
  const surveyed = new Set(
    (
      await selectIn(
        ids,
        (part) =>
          trx('surveys').whereIn('household', part).distinct('household') as Promise<
            { household: unknown }[]
          >,
      )
    ).map((s) => Number(s.household)),
  );
  const heads = new Map<number, { id: number; nik: string | null; name: string | null }>();
  const headRows = await selectIn(
    ids,
    (part) =>
      trx('household_members')
        .whereIn('household', part)
        .where('relation', 'kepala')
        .orderBy('id')
        .select('id', 'household', 'nik', 'name') as Promise<
        { id: number; household: number; nik: string | null; name: string | null }[]
      >,
  );
  for (const m of headRows) {
    if (!heads.has(Number(m.household)))
      heads.set(Number(m.household), { id: Number(m.id), nik: m.nik, name: m.name });
  }
  const existing = new Map<string, ExistingBaselineHousehold>();
  for (const h of households) {
    const id = Number(h.id);
    existing.set(String(h.no_kk), {
      id,
      no_kk: String(h.no_kk),
      head_nik: text(h.head_nik),
      head_name: text(h.head_name),
      address: text(h.address),
      desa: text(h.desa),
      kecamatan: text(h.kecamatan),
      member_count: readNumber(h.member_count),
      source: text(h.source),
      p3ke_id: text(h.p3ke_id),
      dtsen_id: text(h.dtsen_id),
      p3ke_decile: readNumber(h.p3ke_decile),
      dtsen_decile: readNumber(h.dtsen_decile),
      baseline_disposition: text(h.baseline_disposition),
      visited: h.baseline_disposition !== null || surveyed.has(id),
      head_member: heads.get(id) ?? null,
    });
  }

  const niks = rows.map((r) => r.head_nik);
  const nikOwners = new Map<string, NikOwner[]>();
  const addOwner = (nik: string, owner: NikOwner): void => {
    const list = nikOwners.get(nik) ?? [];
    if (
      !list.some(
        (o) => o.household === owner.household && (o.member?.id ?? null) === (owner.member?.id ?? null),
      )
    )
      list.push(owner);
    nikOwners.set(nik, list);
  };
  const memberRows = await selectIn(
    niks,
    (part) =>
      trx('household_members as m')
        .leftJoin('households as h', 'h.id', 'm.household')
        .whereIn('m.nik', part)
        .select(
          'm.id as id',
          'm.nik as nik',
          'm.name as name',
          'm.household as household',
          'h.no_kk as no_kk',
        ) as Promise<
        { id: number; nik: string; name: string | null; household: number; no_kk: string | null }[]
      >,
  );
  for (const m of memberRows) {
    addOwner(m.nik, {
      household: Number(m.household),
      no_kk: m.no_kk,
      member: { id: Number(m.id), name: m.name },
    });
  }
  const headHouseholds = await selectIn(
    niks,
    (part) =>
      trx('households').whereIn('head_nik', part).select('id', 'no_kk', 'head_nik') as Promise<
        { id: number; no_kk: string | null; head_nik: string }[]
      >,
  );
  for (const h of headHouseholds) {
    const owners = nikOwners.get(h.head_nik) ?? [];
    if (!owners.some((o) => o.household === Number(h.id)))
      addOwner(h.head_nik, { household: Number(h.id), no_kk: h.no_kk, member: null });
  }

  const idColumn = source === 'p3ke' ? 'p3ke_id' : 'dtsen_id';
  const listIds = rows.map((r) => r.list_id).filter((id): id is string => id !== null);
  const listIdOwners = new Map<string, { household: number; no_kk: string | null }>();
  const idRows = await selectIn(
    listIds,
    (part) =>
      trx('households').whereIn(idColumn, part).select('id', 'no_kk', idColumn) as Promise<
        Record<string, unknown>[]
      >,
  );
  for (const r of idRows)
    listIdOwners.set(String(r[idColumn]), { household: Number(r['id']), no_kk: text(r['no_kk']) });

  return { existing, nikOwners, listIdOwners };
}

export type ChunkWriteOptions = {
  source: BaselineSource;
  fileKeys: BaselineFileKeys;
  user: string | null;
  now: Date;
  quality: { settings: QualitySettings; surveyCoordinates: boolean };
  /** test hook: throw after the households of this chunk are inserted, before their members */
  crashAfterHouseholds?: boolean;
  /** milliseconds spent, added up across chunks */
  timings?: { lookup_ms: number; insert_ms: number; update_ms: number; commit_ms: number };
};

export class SimulatedCrash extends Error {
  constructor() {
    super('SIAP-PD: impor dihentikan paksa (uji)');
  }
}

/**
 * Plans and writes one chunk of valid rows in one transaction: households inserted with their head
 * members, updates, quality flags of what changed. Either all of it commits or none of it.
 * `fileKeys` collects the keys of the file's rows across chunks (a failed chunk ends the import).
 */
export async function writeBaselineChunk(
  db: Knex,
  rows: readonly BaselineRow[],
  options: ChunkWriteOptions,
): Promise<BaselineUpsertPlan> {
  if (rows.length === 0) return { inserts: [], updates: [], unchanged: [], rejected: [] };
  const rowByNumber = new Map(rows.map((r) => [r.row, r]));
  const timings = options.timings;
  let mark = performance.now();
  const lap = (key: 'lookup_ms' | 'insert_ms' | 'update_ms' | 'commit_ms'): void => {
    const now = performance.now();
    if (timings !== undefined) timings[key] += now - mark;
    mark = now;
  };
  const plan = await db.transaction(async (trx) => {
    const { existing, nikOwners, listIdOwners } = await readBaselineExisting(trx, rows, options.source);
    const planned = planBaselineUpsert({
      rows,
      source: options.source,
      existing,
      nikOwners,
      listIdOwners,
      fileKeys: options.fileKeys,
    });
    const stamp = { date_created: options.now, user_created: options.user };
    lap('lookup_ms');
    const touched: number[] = [];

    if (planned.inserts.length > 0) {
      // in No. KK order: the unique index is written in sequence, not at random pages
      const inserts = [...planned.inserts].sort((a, b) =>
        String(a.values['no_kk']) < String(b.values['no_kk']) ? -1 : 1,
      );
      // a new household lists only its head: its flags are known without reading anything back
      const values = inserts.map((i) => {
        const { flags } = computeQualityFlags(
          {
            no_kk: String(i.values['no_kk']),
            head_nik: i.head.nik,
            head_name: i.head.name,
            member_count: Number(i.values['member_count']),
            latitude: null,
            longitude: null,
            members: [{ nik: i.head.nik, name: i.head.name, relation: 'kepala' }],
            surveyed: false,
          },
          options.quality.settings,
        );
        return { ...i.values, quality_flags: flags.length === 0 ? null : JSON.stringify(flags), ...stamp };
      });
      const idByKk = new Map<string, number>();
      const created = await insertMany<{ id: number; no_kk: string }>(trx, 'households', values, [
        'id',
        'no_kk',
      ]);
      for (const c of created) idByKk.set(c.no_kk, Number(c.id));
      if (options.crashAfterHouseholds === true) throw new SimulatedCrash();
      const members = inserts.map((i) => {
        const household = idByKk.get(String(i.values['no_kk']));
        if (household === undefined)
          throw new Error(`rumah tangga ${String(i.values['no_kk'])} tidak tersimpan`);
        return { ...i.head, household, desa: i.values['desa'], ...stamp };
      });
      await insertMany(trx, 'household_members', members);
    }
    lap('insert_ms');

    for (const update of planned.updates) {
      touched.push(update.id);
      const changes = update.changes;
      if (Object.keys(changes).length > 0) {
        await trx('households')
          .where({ id: update.id })
          .update({ ...changes, date_updated: options.now, user_updated: options.user });
      }
      const desa = rowByNumber.get(update.row)?.desa ?? null;
      if ('desa' in changes) {
        await trx('household_members').where({ household: update.id }).update({ desa: changes['desa'] });
      }
      if (update.member?.kind === 'insert') {
        await trx('household_members').insert({
          ...update.member.values,
          household: update.id,
          desa,
          ...stamp,
        });
      } else if (update.member?.kind === 'update') {
        await trx('household_members')
          .where({ id: update.member.id })
          .update({ ...update.member.changes, date_updated: options.now, user_updated: options.user });
      }
    }

    await recomputeQualityFlags(trx, touched, options.quality);
    lap('update_ms');
    return planned;
  });
  lap('commit_ms');
  return plan;
}
