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
import { insertRows, selectWhereIn, updateRowsByKey, withLargeSqliteCache } from './baseline-sql.ts';
import type { SqlColumn } from './baseline-sql.ts';
import type { QualitySettings } from '@siap-pd/core/compute-quality-flags';

// The baseline import's database side: set-based reads and writes with knex inside one transaction
// per chunk (household and head member commit together or not at all). Core decides (plan), this
// file only reads what the plan needs and writes what it says. The statements themselves
// (json_each on SQLite, VALUES lists elsewhere) are in baseline-sql.ts.

/** The household columns the import writes, with their type (for PostgreSQL casts). */
const HOUSEHOLD_COLUMNS: Record<string, SqlColumn['type']> = {
  no_kk: 'text',
  head_nik: 'text',
  head_name: 'text',
  address: 'text',
  desa: 'text',
  kecamatan: 'text',
  member_count: 'integer',
  source: 'text',
  p3ke_id: 'text',
  dtsen_id: 'text',
  p3ke_decile: 'integer',
  dtsen_decile: 'integer',
  baseline_disposition: 'text',
  quality_flags: 'text',
};
const MEMBER_COLUMNS: Record<string, SqlColumn['type']> = {
  household: 'integer',
  nik: 'text',
  name: 'text',
  relation: 'text',
  sex: 'text',
  desa: 'text',
};
const ID: SqlColumn = { name: 'id', type: 'integer' };
/** SQLite page cache for a chunk's transaction, KiB (the connection's own is 2 MB by default). */
const CHUNK_CACHE_KIB = 64 * 1024;

function columnsOf(names: readonly string[], types: Record<string, SqlColumn['type']>): SqlColumn[] {
  return names.map((name) => ({ name, type: types[name] ?? 'text' }));
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

const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

const HOUSEHOLD_READ = [
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
] as const;

/** Reads, inside the chunk's transaction, everything planBaselineUpsert needs about these rows. */
export async function readBaselineExisting(trx: Knex, rows: readonly BaselineRow[], source: BaselineSource) {
  const households = await selectWhereIn<Record<string, unknown>>(
    trx,
    rows.map((r) => r.no_kk),
    HOUSEHOLD_READ,
    (filter) => filter(trx('households'), 'no_kk').select(HOUSEHOLD_READ),
  );
  const ids = households.map((h) => Number(h['id']));
  const surveyed = new Set(
    (
      await selectWhereIn<{ household: unknown }>(trx, ids, ['household'], (filter) =>
        filter(trx('surveys'), 'household').distinct('household'),
      )
    ).map((s) => Number(s.household)),
  );
  const heads = new Map<number, { id: number; nik: string | null; name: string | null }>();
  const headRows = await selectWhereIn<{ id: unknown; household: unknown; nik: unknown; name: unknown }>(
    trx,
    ids,
    ['id', 'household', 'nik', 'name'],
    (filter) =>
      filter(trx('household_members'), 'household')
        .where('relation', 'kepala')
        .orderBy('id')
        .select('id', 'household', 'nik', 'name'),
  );
  // lowest id first within each household, whatever order the lists came back in
  headRows.sort((a, b) => Number(a.id) - Number(b.id));
  for (const m of headRows) {
    if (!heads.has(Number(m.household)))
      heads.set(Number(m.household), { id: Number(m.id), nik: text(m.nik), name: text(m.name) });
  }
  const existing = new Map<string, ExistingBaselineHousehold>();
  for (const h of households) {
    const id = Number(h['id']);
    existing.set(String(h['no_kk']), {
      id,
      no_kk: String(h['no_kk']),
      head_nik: text(h['head_nik']),
      head_name: text(h['head_name']),
      address: text(h['address']),
      desa: text(h['desa']),
      kecamatan: text(h['kecamatan']),
      member_count: readNumber(h['member_count']),
      source: text(h['source']),
      p3ke_id: text(h['p3ke_id']),
      dtsen_id: text(h['dtsen_id']),
      p3ke_decile: readNumber(h['p3ke_decile']),
      dtsen_decile: readNumber(h['dtsen_decile']),
      baseline_disposition: text(h['baseline_disposition']),
      visited: h['baseline_disposition'] !== null || surveyed.has(id),
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
  const memberRows = await selectWhereIn<{
    id: unknown;
    nik: unknown;
    name: unknown;
    household: unknown;
    no_kk: unknown;
  }>(trx, niks, ['id', 'nik', 'name', 'household', 'no_kk'], (filter) =>
    filter(trx('household_members as m').leftJoin('households as h', 'h.id', 'm.household'), 'm.nik').select(
      'm.id as id',
      'm.nik as nik',
      'm.name as name',
      'm.household as household',
      'h.no_kk as no_kk',
    ),
  );
  for (const m of memberRows) {
    addOwner(String(m.nik), {
      household: Number(m.household),
      no_kk: text(m.no_kk),
      member: { id: Number(m.id), name: text(m.name) },
    });
  }
  const headHouseholds = await selectWhereIn<{ id: unknown; no_kk: unknown; head_nik: unknown }>(
    trx,
    niks,
    ['id', 'no_kk', 'head_nik'],
    (filter) => filter(trx('households'), 'head_nik').select('id', 'no_kk', 'head_nik'),
  );
  for (const h of headHouseholds) {
    const nik = String(h.head_nik);
    const owners = nikOwners.get(nik) ?? [];
    if (!owners.some((o) => o.household === Number(h.id)))
      addOwner(nik, { household: Number(h.id), no_kk: text(h.no_kk), member: null });
  }

  const idColumn = source === 'p3ke' ? 'p3ke_id' : 'dtsen_id';
  const listIds = rows.map((r) => r.list_id).filter((id): id is string => id !== null);
  const listIdOwners = new Map<string, { household: number; no_kk: string | null }>();
  const idRows = await selectWhereIn<Record<string, unknown>>(
    trx,
    listIds,
    ['id', 'no_kk', idColumn],
    (filter) => filter(trx('households'), idColumn).select('id', 'no_kk', idColumn),
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
  const plan = await db.transaction((trx) =>
    withLargeSqliteCache(trx, CHUNK_CACHE_KIB, async () => {
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
      const updateStamp = { date_updated: options.now, user_updated: options.user };
      lap('lookup_ms');

      if (planned.inserts.length > 0) {
        // in No. KK order: the unique index is written in sequence, not at random pages
        const inserts = [...planned.inserts].sort((a, b) =>
          String(a.values['no_kk']) < String(b.values['no_kk']) ? -1 : 1,
        );
        // every insert of a plan has the same columns (the source's id and decile columns)
        const names = [...Object.keys(inserts[0]?.values ?? {}), 'quality_flags'];
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
          const row: unknown[] = names.map((name) => i.values[name] ?? null);
          row[names.length - 1] = flags.length === 0 ? null : JSON.stringify(flags);
          return row;
        });
        const created = await insertRows<{ id: number; no_kk: string }>(
          trx,
          'households',
          columnsOf(names, HOUSEHOLD_COLUMNS),
          values,
          { constants: stamp, returning: ['id', 'no_kk'] },
        );
        const idByKk = new Map<string, number>();
        for (const c of created) idByKk.set(String(c.no_kk), Number(c.id));
        if (options.crashAfterHouseholds === true) throw new SimulatedCrash();
        const memberNames = ['household', 'nik', 'name', 'relation', 'sex', 'desa'];
        const members = inserts.map((i) => {
          const household = idByKk.get(String(i.values['no_kk']));
          if (household === undefined)
            throw new Error(`rumah tangga ${String(i.values['no_kk'])} tidak tersimpan`);
          return [household, i.head.nik, i.head.name, i.head.relation, i.head.sex, i.values['desa'] ?? null];
        });
        await insertRows(trx, 'household_members', columnsOf(memberNames, MEMBER_COLUMNS), members, {
          constants: stamp,
        });
      }
      lap('insert_ms');

      if (planned.updates.length > 0) {
        // households: one statement per set of changed columns (usually one or two sets)
        const byColumns = new Map<string, { key: number; values: unknown[] }[]>();
        const memberDesa: { key: number; values: unknown[] }[] = [];
        const memberInserts: unknown[][] = [];
        const memberUpdates = new Map<string, { key: number; values: unknown[] }[]>();
        for (const update of planned.updates) {
          const changes = update.changes;
          const names = Object.keys(changes).sort();
          if (names.length > 0) {
            const signature = names.join(',');
            const list = byColumns.get(signature) ?? [];
            list.push({ key: update.id, values: names.map((name) => changes[name] ?? null) });
            byColumns.set(signature, list);
          }
          if ('desa' in changes) memberDesa.push({ key: update.id, values: [changes['desa'] ?? null] });
          const member = update.member;
          if (member?.kind === 'insert') {
            const v = member.values;
            memberInserts.push([
              update.id,
              v.nik,
              v.name,
              v.relation,
              v.sex,
              rowByNumber.get(update.row)?.desa ?? null,
            ]);
          } else if (member?.kind === 'update') {
            const names = Object.keys(member.changes).sort() as ('nik' | 'name')[];
            const signature = names.join(',');
            const list = memberUpdates.get(signature) ?? [];
            list.push({ key: member.id, values: names.map((name) => member.changes[name] ?? null) });
            memberUpdates.set(signature, list);
          }
        }
        for (const [signature, list] of byColumns) {
          const columns = columnsOf(signature.split(','), HOUSEHOLD_COLUMNS);
          await updateRowsByKey(trx, 'households', ID, columns, list, updateStamp);
        }
        await updateRowsByKey(
          trx,
          'household_members',
          { name: 'household', type: 'integer' },
          columnsOf(['desa'], MEMBER_COLUMNS),
          memberDesa,
        );
        await insertRows(
          trx,
          'household_members',
          columnsOf(['household', 'nik', 'name', 'relation', 'sex', 'desa'], MEMBER_COLUMNS),
          memberInserts,
          { constants: stamp },
        );
        for (const [signature, list] of memberUpdates) {
          const columns = columnsOf(signature.split(','), MEMBER_COLUMNS);
          await updateRowsByKey(trx, 'household_members', ID, columns, list, updateStamp);
        }
        await recomputeQualityFlags(
          trx,
          planned.updates.map((u) => u.id),
          options.quality,
        );
      }
      lap('update_ms');
      return planned;
    }),
  );
  lap('commit_ms');
  return plan;
}
