// The isolation matrix of DESIGN "Access" against the real Directus with the demo data: for every
// role x collection x action (read list, read by id, aggregate, create, update, delete) the
// expected allow or deny, then the attacks a curious or careless user would try. Every case counts
// towards the total printed at the end; all of them must behave as specified.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectionPresets, roles, type RoleKey } from '../../access/roles.ts';
import { DirectusError, type DirectusApi } from '../../scripts/lib/directus-api.ts';
import { adminApi, anonymousApi, count, DEMO_DOMAIN, loginAs } from './helpers.ts';

type Role = 'administrator' | RoleKey | 'public';
type Act = 'list' | 'byId' | 'aggregate' | 'create' | 'update' | 'delete';
type Key = string | number;
type Payload = Record<string, unknown>;
type Filter = Record<string, unknown>;

const ROLES: Role[] = [
  'administrator',
  'perencana',
  'pimpinan',
  'operator_desa',
  'verifikator_kecamatan',
  'perangkat_daerah',
  'public',
];
const ACTS: Act[] = ['list', 'byId', 'aggregate', 'create', 'update', 'delete'];

// The demo has two desa in each of two kecamatan and the agencies below (see beforeAll).
const DESA_A1 = '63.11.07.2002';
const KECAMATAN_A = '63.11.07';
const AGENCY_1 = 'disperkim';
const AGENCY_2 = 'dinsos';
const NIK_MESSAGE = 'NIK ini sudah terdaftar di desa lain; hubungi verifikator kecamatan';

/**
 * What each role may do: r = read (list, by id, aggregate), c = create, u = update, d = delete.
 * The rows a role reads are limited by readScope() below; a letter means "allowed within scope".
 * operator surveys d: only a draft; verifikator surveys u: verify or return; perencana surveys u: reopen;
 * perencana intervention_reports cud: for any agency (the report's agency follows its intervention).
 */
// prettier-ignore
const TABLE: [collection: string, ...letters: string[]][] = [
  //                        admin   perencana pimpinan operator verifikator agency public
  ['kecamatan',             'crud', 'r',      'r',     'r',     'r',        'r',   ''],
  ['desa',                  'crud', 'r',      'r',     'r',     'r',        'r',   ''],
  ['perangkat_daerah',      'crud', 'r',      'r',     'r',     'r',        'r',   ''],
  ['sub_kegiatan',          'crud', 'crud',   'r',     'r',     'r',        'r',   ''],
  ['poverty_lines',         'crud', 'crud',   'r',     'r',     'r',        'r',   ''],
  ['indicators',            'crud', 'crud',   'r',     'r',     'r',        'r',   ''],
  ['planning_settings',     'ru',   'ru',     'r',     'r',     'r',        'r',   ''],
  ['households',            'crud', 'r',      'r',     'cru',   'r',        'r',   ''],
  ['household_members',     'crud', 'r',      'r',     'cru',   'r',        'r',   ''],
  ['surveys',               'crud', 'ru',     'r',     'crud',  'ru',       'r',   ''],
  ['needs',                 'crud', 'ru',     'r',     'r',     'r',        'r',   ''],
  ['budget_ceilings',       'crud', 'crud',   'r',     '',      '',         'r',   ''],
  ['allocation_runs',       'crud', 'ru',     'r',     '',      '',         'r',   ''],
  ['interventions',         'crud', 'ru',     'r',     'r',     'r',        'rcu', ''],
  ['intervention_reports',  'crud', 'crud',   'r',     'r',     'r',        'rcu', ''],
  ['tagged_budget',         'crud', 'crud',   'r',     '',      '',         'r',   ''],
  ['import_jobs',           'crud', 'r',      '',      '',      '',         '',    ''],
];
const EXPECTED: Record<string, Record<Role, string>> = Object.fromEntries(
  TABLE.map(([collection, ...letters]) => [
    collection,
    Object.fromEntries(ROLES.map((role, i) => [role, letters[i] ?? ''])) as Record<Role, string>,
  ]),
);

const LETTER: Record<Act, string> = {
  list: 'r',
  byId: 'r',
  aggregate: 'r',
  create: 'c',
  update: 'u',
  delete: 'd',
};

function allowed(role: Role, collection: string, act: Act): boolean {
  const letters = EXPECTED[collection]?.[role];
  if (letters === undefined) throw new Error(`no expectation for ${role} on ${collection}`);
  return letters.includes(LETTER[act]);
}

/** The rows a role reads of a collection, as an administrator's filter (null: all rows). */
function readScope(role: Role, collection: string): Filter | null {
  const desa = { _eq: DESA_A1 };
  const kecamatan = { _eq: KECAMATAN_A };
  const served = { needs: { _some: { perangkat_daerah: { _eq: AGENCY_1 } } } };
  const scopes: Partial<Record<Role, Record<string, Filter>>> = {
    operator_desa: {
      households: { desa },
      household_members: { desa },
      surveys: { desa },
      needs: { desa },
      interventions: { desa },
      intervention_reports: { intervention: { desa } },
    },
    verifikator_kecamatan: {
      households: { kecamatan },
      household_members: { household: { kecamatan } },
      surveys: { household: { kecamatan } },
      needs: { kecamatan },
      interventions: { kecamatan },
      intervention_reports: { intervention: { kecamatan } },
    },
    perangkat_daerah: {
      households: served,
      // (the plain one-to-many path means "some"; Directus refuses `_some` below a many-to-one)
      household_members: { household: { needs: { perangkat_daerah: { _eq: AGENCY_1 } } } },
      surveys: { household: { needs: { perangkat_daerah: { _eq: AGENCY_1 } } } },
      needs: { perangkat_daerah: { _eq: AGENCY_1 } },
      interventions: { perangkat_daerah: { _eq: AGENCY_1 } },
      intervention_reports: { perangkat_daerah: { _eq: AGENCY_1 } },
      budget_ceilings: { perangkat_daerah: { _eq: AGENCY_1 } },
      tagged_budget: { perangkat_daerah: { _eq: AGENCY_1 } },
    },
  };
  return scopes[role]?.[collection] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Requests

type Outcome = { ok: true; data: unknown } | { ok: false; status: number; message: string };

async function attempt(request: Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, data: await request };
  } catch (error) {
    if (error instanceof DirectusError) return { ok: false, status: error.status, message: error.message };
    throw error;
  }
}

function describeOutcome(outcome: Outcome): string {
  return outcome.ok ? 'allowed' : `refused ${outcome.status}: ${outcome.message}`;
}

const q = (filter: Filter): string => encodeURIComponent(JSON.stringify(filter));

const PRIMARY_KEY: Record<string, string> = {
  kecamatan: 'code',
  desa: 'code',
  perangkat_daerah: 'id',
  sub_kegiatan: 'code',
  indicators: 'key',
};

/**
 * How many distinct records match. Directus 11.17's `aggregate[count]=*` counts joined rows when a
 * filter or permission rule goes through a one-to-many (needs of a household), so compare distinct keys.
 */
async function distinctCount(as: DirectusApi, collection: string, filter: Filter | null): Promise<number> {
  const pk = PRIMARY_KEY[collection] ?? 'id';
  const rows = await as.get<{ countDistinct: Record<string, number | string> }[]>(
    `/items/${collection}?aggregate[countDistinct]=${pk}${filter ? `&filter=${q(filter)}` : ''}`,
  );
  return Number(rows[0]?.countDistinct[pk] ?? -1);
}

// ---------------------------------------------------------------------------------------------
// Fixtures (created by the administrator in beforeAll; removed in afterAll)

interface Fixtures {
  desaA2: string;
  desaB1: string;
  kecamatanB: string;
  indicator1: string;
  indicator2: string;
  subKegiatan1: string;
  subKegiatan2: string;
  hA1: number; // desa A1, served by agency 1; its surveys never change status (needs stay put)
  hA2: number; // desa A2 (same kecamatan), served by agency 2
  hB1: number; // kecamatan B, served by agency 2
  hS: number; // desa A1: the household whose surveys the cases create and move
  mA1: number;
  mB1: number;
  nikA1Head: string;
  nikA1Member: string;
  nikB1Head: string;
  nikB1Member: string;
  surveyA1: number;
  needA1: number;
  needB1: number;
  ceiling1: number;
  run1: number;
  intervention1: number;
  intervention2: number;
  report1: number;
  tagged1: number;
  job1: number;
  refKecamatan: string;
  refDesa: string;
  refAgency: string;
  refSubKegiatan: string;
  refPovertyLine: number;
  refIndicator: string;
  userIds: Record<string, string>;
}

const F = {} as Fixtures;
const api = {} as Record<Role, DirectusApi>;
const created: { collection: string; key: Key }[] = [];
const tag = String(Date.now() % 100000).padStart(5, '0');
let serial = 0;
const next = (): number => ++serial;
let round = 2030;

/** A NIK that no demo record has: kecamatan code 99 does not exist in the demo. */
function freshNik(): string {
  const day = String(1 + (Number(tag) % 28)).padStart(2, '0');
  return `631199${day}0190${String(next()).padStart(4, '0')}`;
}

async function adminCreate<T extends Payload>(
  collection: string,
  payload: Payload,
  keep = false,
): Promise<T> {
  const row = await adminApi().post<T>(`/items/${collection}`, payload);
  const key = (row['id'] ?? row['code'] ?? row['key']) as Key;
  if (!keep) created.push({ collection, key });
  return row;
}

async function exists(collection: string, key: Key): Promise<boolean> {
  const outcome = await attempt(
    adminApi().get(`/items/${collection}/${encodeURIComponent(String(key))}?fields=*`),
  );
  return outcome.ok && outcome.data !== null;
}

async function readAsAdmin<T = Payload>(collection: string, key: Key, fields = '*'): Promise<T> {
  return adminApi().get<T>(`/items/${collection}/${encodeURIComponent(String(key))}?fields=${fields}`);
}

async function freshSurvey(household: number, status: 'draft' | 'submitted' | 'verified'): Promise<number> {
  const row = await adminCreate<{ id: number }>('surveys', {
    household,
    round: round++,
    status,
    surveyor: 'Uji akses',
  });
  return row.id;
}

// ---------------------------------------------------------------------------------------------
// What each case sends, per collection

interface Spec {
  singleton?: true;
  /** a record the role reads when it may read (in its scope) */
  sample: () => Key;
  /** a valid new record in the role's scope */
  create: (role: Role) => Payload;
  /** the record and change of an update (in the role's scope when it may update) */
  update: (role: Role) => Promise<{ key: Key; payload: Payload }>;
  /** a fresh record for an allowed delete */
  fresh: () => Promise<Key>;
}

const reference = (
  collection: string,
  sample: () => Key,
  create: () => Payload,
  change: Payload,
  pk: 'id' | 'code' | 'key' = 'id',
): Spec => ({
  sample,
  create,
  update: async () => ({ key: sample(), payload: change }),
  fresh: async () => (await adminCreate<Payload>(collection, create()))[pk] as Key,
});

const SPECS: Record<string, Spec> = {
  kecamatan: reference(
    'kecamatan',
    () => F.refKecamatan,
    () => ({ code: `99.${tag}.${next()}`, name: 'Kecamatan uji akses' }),
    { name: 'Kecamatan uji akses' },
    'code',
  ),
  desa: reference(
    'desa',
    () => F.refDesa,
    () => ({
      code: `99.${tag}.${next()}.2001`,
      name: 'Desa uji akses',
      kecamatan: KECAMATAN_A,
      kind: 'desa',
    }),
    { name: 'Desa uji akses' },
    'code',
  ),
  perangkat_daerah: reference(
    'perangkat_daerah',
    () => F.refAgency,
    () => ({ id: `uji-${tag}-${next()}`, name: 'Dinas Uji Akses', short_name: 'Uji' }),
    { name: 'Dinas Uji Akses' },
  ),
  sub_kegiatan: reference(
    'sub_kegiatan',
    () => F.refSubKegiatan,
    () => ({
      code: `9.99.${tag}.${next()}`,
      name: 'Sub-kegiatan uji akses',
      perangkat_daerah: AGENCY_1,
      active: false,
    }),
    { name: 'Sub-kegiatan uji akses' },
    'code',
  ),
  poverty_lines: reference(
    'poverty_lines',
    () => F.refPovertyLine,
    () => ({
      year: 2090 + (next() % 9),
      region: '99.99',
      poverty_line: 1000,
      extreme_poverty_line: 500,
      source: 'uji',
    }),
    { source: 'uji akses' },
  ),
  indicators: reference(
    'indicators',
    () => F.refIndicator,
    () => ({
      key: `uji_${tag}_${next()}`,
      label: 'Aturan uji akses',
      category: 'uji',
      field: 'floor_type',
      operator: 'in',
      value: ['uji'], // JSON (PostgreSQL refuses a bare string)
      applies_to: ['ekstrem'],
      active: false,
    }),
    { label: 'Aturan uji akses' },
    'key',
  ),
  planning_settings: {
    singleton: true,
    sample: () => 1,
    create: () => ({}),
    update: async () => {
      const current = await adminApi().get<{ validity_target_pct: number | null }>(
        '/items/planning_settings',
      );
      return { key: 1, payload: { validity_target_pct: current.validity_target_pct } };
    },
    fresh: () => Promise.reject(new Error('singleton')),
  },
  households: {
    sample: () => F.hA1,
    create: (role) => ({
      head_name: 'Uji Akses',
      head_nik: freshNik(),
      address: 'Jl. Uji Akses',
      member_count: 1,
      // the operator's desa comes from the permission preset
      ...(role === 'operator_desa' ? {} : { desa: DESA_A1 }),
    }),
    update: async () => ({ key: F.hA1, payload: { address: 'Jl. Uji Akses No. 1' } }),
    fresh: async () =>
      (
        await adminCreate<{ id: number }>('households', {
          head_name: 'Hapus Uji',
          desa: DESA_A1,
          member_count: 1,
        })
      ).id,
  },
  household_members: {
    sample: () => F.mA1,
    create: () => ({ household: F.hA1, name: 'Anggota Uji', relation: 'anak', sex: 'L', nik: freshNik() }),
    update: async () => ({ key: F.mA1, payload: { name: 'Anggota Uji Akses' } }),
    fresh: async () =>
      (
        await adminCreate<{ id: number }>('household_members', {
          household: F.hS,
          name: 'Hapus Uji',
          relation: 'lainnya',
        })
      ).id,
  },
  surveys: {
    sample: () => F.surveyA1,
    create: () => ({ household: F.hS, round: round++, status: 'draft' }),
    update: async (role) => {
      if (role === 'verifikator_kecamatan') {
        return {
          key: await freshSurvey(F.hS, 'submitted'),
          payload: { status: 'returned', return_note: 'Foto rumah buram' },
        };
      }
      if (role === 'perencana')
        return { key: await freshSurvey(F.hS, 'verified'), payload: { status: 'submitted' } };
      if (role === 'administrator' || role === 'operator_desa') {
        return { key: await freshSurvey(F.hS, 'draft'), payload: { surveyor: 'Pencacah Uji' } };
      }
      return { key: F.surveyA1, payload: { surveyor: 'Pencacah Uji' } };
    },
    fresh: () => freshSurvey(F.hS, 'draft'),
  },
  needs: {
    sample: () => F.needA1,
    create: () => ({
      household: F.hA1,
      indicator: F.indicator1,
      sub_kegiatan: F.subKegiatan1,
      perangkat_daerah: AGENCY_1,
      desa: DESA_A1,
      kecamatan: KECAMATAN_A,
      category: 'uji',
      quantity: 1,
      status: 'open',
    }),
    update: async () => ({ key: F.needA1, payload: { dismiss_reason: 'uji akses' } }),
    fresh: async () =>
      (await adminCreate<{ id: number }>('needs', SPECS['needs']!.create('administrator'))).id,
  },
  budget_ceilings: {
    sample: () => F.ceiling1,
    create: () => ({ fiscal_year: 2090, perangkat_daerah: AGENCY_1, amount: 1000, note: 'uji' }),
    update: async () => ({ key: F.ceiling1, payload: { note: 'uji akses' } }),
    fresh: async () =>
      (
        await adminCreate<{ id: number }>('budget_ceilings', {
          fiscal_year: 2091,
          perangkat_daerah: AGENCY_1,
          amount: 1,
        })
      ).id,
  },
  allocation_runs: {
    sample: () => F.run1,
    create: () => ({ fiscal_year: 2090, status: 'draft' }),
    update: async () => ({ key: F.run1, payload: { decree_number: 'UJI/1' } }),
    fresh: async () =>
      (await adminCreate<{ id: number }>('allocation_runs', { fiscal_year: 2090, status: 'draft' })).id,
  },
  interventions: {
    sample: () => F.intervention1,
    create: () => ({
      household: F.hA1,
      need: F.needA1,
      sub_kegiatan: F.subKegiatan1,
      perangkat_daerah: AGENCY_1,
      fiscal_year: 2090,
      quantity: 1,
      status: 'planned',
    }),
    update: async () => ({ key: F.intervention1, payload: { note: 'uji akses' } }),
    fresh: async () =>
      (await adminCreate<{ id: number }>('interventions', SPECS['interventions']!.create('administrator')))
        .id,
  },
  intervention_reports: {
    sample: () => F.report1,
    create: () => ({
      intervention: F.intervention1,
      fiscal_year: 2090 + (next() % 9),
      quarter: '2',
      progress_pct: 10,
    }),
    update: async () => ({ key: F.report1, payload: { note: 'uji akses' } }),
    fresh: async () =>
      (
        await adminCreate<{ id: number }>('intervention_reports', {
          intervention: F.intervention1,
          fiscal_year: 2099,
          quarter: '4',
        })
      ).id,
  },
  tagged_budget: {
    sample: () => F.tagged1,
    create: () => ({
      fiscal_year: 2090,
      sub_kegiatan_code: F.subKegiatan1,
      name: 'Uji',
      perangkat_daerah: AGENCY_1,
      amount: 1,
    }),
    update: async () => ({ key: F.tagged1, payload: { name: 'Uji akses' } }),
    fresh: async () =>
      (await adminCreate<{ id: number }>('tagged_budget', SPECS['tagged_budget']!.create('administrator')))
        .id,
  },
  import_jobs: {
    sample: () => F.job1,
    create: () => ({ kind: 'export', source: 'uji', status: 'done' }),
    update: async () => ({ key: F.job1, payload: { message: 'uji akses' } }),
    fresh: async () =>
      (await adminCreate<{ id: number }>('import_jobs', { kind: 'export', source: 'uji' })).id,
  },
};

// ---------------------------------------------------------------------------------------------
// One matrix case

async function runCase(role: Role, collection: string, act: Act): Promise<void> {
  const spec = SPECS[collection];
  if (!spec) throw new Error(`no spec for ${collection}`);
  const as = api[role];
  const expectAllowed = allowed(role, collection, act);
  const path = `/items/${collection}`;
  const context = `${role} ${act} ${collection}`;
  const scope = readScope(role, collection);

  if (act === 'list') {
    const outcome = await attempt(as.get(spec.singleton ? path : `${path}?limit=-1&fields=*`));
    if (!expectAllowed) {
      expect(outcome.ok ? 'allowed' : outcome.status, context).toBe(403);
      return;
    }
    expect(outcome.ok, `${context}: ${describeOutcome(outcome)}`).toBe(true);
    if (spec.singleton || !outcome.ok) return;
    const rows = outcome.data as Payload[];
    const pk = PRIMARY_KEY[collection] ?? 'id';
    expect(new Set(rows.map((row) => row[pk])).size, `${context}: no row twice`).toBe(rows.length);
    expect(rows.length, `${context}: rows = the scope's rows`).toBe(
      await distinctCount(adminApi(), collection, scope),
    );
    if (scope) expect(rows.length, `${context}: the scope is not empty`).toBeGreaterThan(0);
    return;
  }
  if (act === 'byId') {
    const key = spec.sample();
    const outcome = await attempt(as.get(`${path}/${encodeURIComponent(String(key))}`));
    expect(
      expectAllowed ? outcome.ok : outcome.ok ? 'allowed' : outcome.status,
      `${context}: ${describeOutcome(outcome)}`,
    ).toBe(expectAllowed ? true : 403);
    return;
  }
  if (act === 'aggregate') {
    const outcome = await attempt(as.get(`${path}?aggregate[count]=*`));
    if (!expectAllowed) {
      expect(outcome.ok ? 'allowed' : outcome.status, context).toBe(403);
      return;
    }
    expect(outcome.ok, `${context}: ${describeOutcome(outcome)}`).toBe(true);
    expect(await distinctCount(as, collection, null), `${context}: count = the scope's count`).toBe(
      await distinctCount(adminApi(), collection, scope),
    );
    return;
  }
  if (act === 'create') {
    const outcome = await attempt(as.post<Payload>(path, spec.create(role)));
    if (outcome.ok) {
      const row = outcome.data as Payload;
      created.push({ collection, key: (row['id'] ?? row['code'] ?? row['key']) as Key });
    }
    expect(
      expectAllowed ? outcome.ok : outcome.ok ? 'allowed' : outcome.status,
      `${context}: ${describeOutcome(outcome)}`,
    ).toBe(expectAllowed ? true : 403);
    return;
  }
  if (act === 'update') {
    const { key, payload } = await spec.update(role);
    const target = spec.singleton ? path : `${path}/${encodeURIComponent(String(key))}`;
    const outcome = await attempt(as.patch(target, payload));
    expect(
      expectAllowed ? outcome.ok : outcome.ok ? 'allowed' : outcome.status,
      `${context}: ${describeOutcome(outcome)}`,
    ).toBe(expectAllowed ? true : 403);
    return;
  }
  // delete
  const key = expectAllowed ? await spec.fresh() : spec.sample();
  const outcome = await attempt(as.delete(`${path}/${encodeURIComponent(String(key))}`));
  expect(
    expectAllowed ? outcome.ok : outcome.ok ? 'allowed' : outcome.status,
    `${context}: ${describeOutcome(outcome)}`,
  ).toBe(expectAllowed ? true : 403);
  expect(
    await exists(collection, key),
    `${context}: the record ${expectAllowed ? 'is gone' : 'is still there'}`,
  ).toBe(!expectAllowed);
}

function matrixCases(): [Role, string, Act][] {
  const cases: [Role, string, Act][] = [];
  for (const role of ROLES) {
    for (const collection of Object.keys(EXPECTED)) {
      for (const act of ACTS) {
        // a singleton has one record: it is read and updated, never listed by id, created or deleted
        if (SPECS[collection]?.singleton && act !== 'list' && act !== 'update') continue;
        cases.push([role, collection, act]);
      }
    }
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------

let tried = 0;
let passed = 0;

/** Counts one case: `tried` when it starts, `passed` when it ends without a failed expectation. */
async function tally(run: () => Promise<void>): Promise<void> {
  tried++;
  await run();
  passed++;
}

async function firstId(collection: string, filter: Filter, fields = 'id'): Promise<Payload> {
  const rows = await adminApi().get<Payload[]>(
    `/items/${collection}?filter=${q(filter)}&limit=1&fields=${fields}`,
  );
  const row = rows[0];
  if (!row) throw new Error(`the demo has no ${collection} matching ${JSON.stringify(filter)}`);
  return row;
}

async function createTestUser(localPart: string, role: RoleKey, scope: Payload): Promise<string> {
  const email = `${localPart}.${tag}@${DEMO_DOMAIN}`;
  const roleId = roles.find((r) => r.key === role)?.id;
  const user = await adminApi().post<{ id: string }>('/users', {
    email,
    password: inject('demoPassword'),
    role: roleId,
    status: 'active',
    first_name: 'Uji',
    last_name: localPart,
    ...scope,
  });
  F.userIds[localPart] = user.id;
  return email;
}

async function loginEmail(email: string): Promise<DirectusApi> {
  return loginAs(email.replace(`@${DEMO_DOMAIN}`, ''));
}

beforeAll(async () => {
  const admin = adminApi();
  F.userIds = {};

  // Regions: desa A1 and A2 in kecamatan A, desa B1 in kecamatan B, each with demo households.
  F.desaA2 = String(
    (await firstId('desa', { kecamatan: { _eq: KECAMATAN_A }, code: { _neq: DESA_A1 } }, 'code'))['code'],
  );
  F.kecamatanB = String((await firstId('kecamatan', { code: { _neq: KECAMATAN_A } }, 'code'))['code']);
  F.desaB1 = String((await firstId('desa', { kecamatan: { _eq: F.kecamatanB } }, 'code'))['code']);

  // Need rules whose sub-kegiatan belong to agency 1 and agency 2.
  const rule1 = await firstId(
    'indicators',
    { sub_kegiatan: { perangkat_daerah: { _eq: AGENCY_1 } } },
    'key,sub_kegiatan',
  );
  const rule2 = await firstId(
    'indicators',
    { sub_kegiatan: { perangkat_daerah: { _eq: AGENCY_2 } } },
    'key,sub_kegiatan',
  );
  F.indicator1 = String(rule1['key']);
  F.subKegiatan1 = String(rule1['sub_kegiatan']);
  F.indicator2 = String(rule2['key']);
  F.subKegiatan2 = String(rule2['sub_kegiatan']);

  F.nikA1Head = freshNik();
  F.nikA1Member = freshNik();
  F.nikB1Head = freshNik();
  F.nikB1Member = freshNik();
  const household = async (desa: string, name: string, head_nik: string | null): Promise<number> =>
    (
      await adminCreate<{ id: number }>('households', {
        head_name: name,
        desa,
        member_count: 2,
        address: `Jl. ${name}`,
        head_nik,
      })
    ).id;
  F.hA1 = await household(DESA_A1, 'Rumah Uji A1', F.nikA1Head);
  F.hA2 = await household(F.desaA2, 'Rumah Uji A2', null);
  F.hB1 = await household(F.desaB1, 'Rumah Uji B1', F.nikB1Head);
  F.hS = await household(DESA_A1, 'Rumah Uji Survei', null);
  F.mA1 = (
    await adminCreate<{ id: number }>('household_members', {
      household: F.hA1,
      name: 'Anggota A1',
      relation: 'anak',
      sex: 'P',
      nik: F.nikA1Member,
    })
  ).id;
  F.mB1 = (
    await adminCreate<{ id: number }>('household_members', {
      household: F.hB1,
      name: 'Anggota B1',
      relation: 'anak',
      sex: 'L',
      nik: F.nikB1Member,
    })
  ).id;
  F.surveyA1 = (
    await adminCreate<{ id: number }>('surveys', {
      household: F.hA1,
      round: round++,
      status: 'draft',
      surveyor: 'Uji akses',
    })
  ).id;

  // Needs (the classification hooks may add more; these make the agency cases meaningful).
  const need = async (
    h: number,
    desa: string,
    kecamatan: string,
    indicator: string,
    sub: string,
    agency: string,
  ): Promise<number> =>
    (
      await adminCreate<{ id: number }>('needs', {
        household: h,
        indicator,
        sub_kegiatan: sub,
        perangkat_daerah: agency,
        desa,
        kecamatan,
        category: 'uji',
        quantity: 1,
        status: 'open',
      })
    ).id;
  F.needA1 = await need(F.hA1, DESA_A1, KECAMATAN_A, F.indicator1, F.subKegiatan1, AGENCY_1);
  await need(F.hA2, F.desaA2, KECAMATAN_A, F.indicator2, F.subKegiatan2, AGENCY_2);
  F.needB1 = await need(F.hB1, F.desaB1, F.kecamatanB, F.indicator2, F.subKegiatan2, AGENCY_2);

  F.ceiling1 = (
    await adminCreate<{ id: number }>('budget_ceilings', {
      fiscal_year: 2090,
      perangkat_daerah: AGENCY_1,
      amount: 5000,
    })
  ).id;
  F.run1 = (await adminCreate<{ id: number }>('allocation_runs', { fiscal_year: 2090, status: 'draft' })).id;
  F.intervention1 = (
    await adminCreate<{ id: number }>('interventions', {
      household: F.hA1,
      need: F.needA1,
      sub_kegiatan: F.subKegiatan1,
      perangkat_daerah: AGENCY_1,
      desa: DESA_A1,
      kecamatan: KECAMATAN_A,
      fiscal_year: 2090,
      quantity: 1,
      status: 'planned',
    })
  ).id;
  F.intervention2 = (
    await adminCreate<{ id: number }>('interventions', {
      household: F.hB1,
      need: F.needB1,
      sub_kegiatan: F.subKegiatan2,
      perangkat_daerah: AGENCY_2,
      desa: F.desaB1,
      kecamatan: F.kecamatanB,
      fiscal_year: 2090,
      quantity: 1,
      status: 'planned',
    })
  ).id;
  F.report1 = (
    await adminCreate<{ id: number }>('intervention_reports', {
      intervention: F.intervention1,
      fiscal_year: 2090,
      quarter: '1',
      progress_pct: 5,
    })
  ).id;
  F.tagged1 = (
    await adminCreate<{ id: number }>('tagged_budget', {
      fiscal_year: 2090,
      sub_kegiatan_code: F.subKegiatan1,
      name: 'Uji',
      perangkat_daerah: AGENCY_1,
      amount: 1,
    })
  ).id;
  F.job1 = (
    await adminCreate<{ id: number }>('import_jobs', { kind: 'export', source: 'uji', status: 'done' })
  ).id;

  F.refKecamatan = String(
    (await adminCreate<Payload>('kecamatan', SPECS['kecamatan']!.create('administrator')))['code'],
  );
  F.refDesa = String((await adminCreate<Payload>('desa', SPECS['desa']!.create('administrator')))['code']);
  F.refAgency = String(
    (await adminCreate<Payload>('perangkat_daerah', SPECS['perangkat_daerah']!.create('administrator')))[
      'id'
    ],
  );
  F.refSubKegiatan = String(
    (await adminCreate<Payload>('sub_kegiatan', SPECS['sub_kegiatan']!.create('administrator')))['code'],
  );
  F.refPovertyLine = Number(
    (await adminCreate<Payload>('poverty_lines', SPECS['poverty_lines']!.create('administrator')))['id'],
  );
  F.refIndicator = String(
    (await adminCreate<Payload>('indicators', SPECS['indicators']!.create('administrator')))['key'],
  );

  api.administrator = admin;
  api.public = anonymousApi();
  api.perencana = await loginAs('perencana');
  api.pimpinan = await loginAs('pimpinan');
  api.operator_desa = await loginAs(`operator.${DESA_A1}`);
  api.verifikator_kecamatan = await loginAs(`verifikator.${KECAMATAN_A}`);
  api.perangkat_daerah = await loginAs(`pd.${AGENCY_1}`);
}, 180_000);

afterAll(async () => {
  console.log(`Matriks akses: ${tried} kasus dicoba, ${passed} sesuai spesifikasi.`);
  // Best effort: dependants first (reverse creation order), then the test users.
  for (const { collection, key } of [...created].reverse()) {
    await attempt(adminApi().delete(`/items/${collection}/${encodeURIComponent(String(key))}`));
  }
  for (const id of Object.values(F.userIds ?? {})) await attempt(adminApi().delete(`/users/${id}`));
}, 180_000);

describe('access matrix: role x collection x action', () => {
  it.each(matrixCases())('%s: %s %s', async (role, collection, act) => {
    await tally(() => runCase(role, collection, act));
  });
});

describe('attacks: operator desa', () => {
  it('cannot read a household of another desa by id, in the same or another kecamatan', async () => {
    await tally(async () => {
      expect(await attempt(api.operator_desa.get(`/items/households/${F.hA2}`))).toMatchObject({
        ok: false,
        status: 403,
      });
      expect(await attempt(api.operator_desa.get(`/items/households/${F.hB1}`))).toMatchObject({
        ok: false,
        status: 403,
      });
      expect(await attempt(api.operator_desa.get(`/items/household_members/${F.mB1}`))).toMatchObject({
        ok: false,
        status: 403,
      });
    });
  });

  it('filtering or grouping on another desa finds nothing', async () => {
    await tally(async () => {
      const rows = await api.operator_desa.get<unknown[]>(
        `/items/households?filter[desa][_eq]=${F.desaA2}&limit=-1&fields=id`,
      );
      expect(rows).toEqual([]);
      const groups = await api.operator_desa.get<{ desa: string }[]>(
        '/items/households?aggregate[count]=*&groupBy[]=desa&limit=-1',
      );
      expect(groups.map((g) => g.desa)).toEqual([DESA_A1]);
    });
  });

  it('cannot move an own household to another desa (nor its kecamatan)', async () => {
    await tally(async () => {
      const moved = await attempt(api.operator_desa.patch(`/items/households/${F.hA1}`, { desa: F.desaA2 }));
      expect(moved.ok).toBe(false);
      await attempt(api.operator_desa.patch(`/items/households/${F.hA1}`, { kecamatan: F.kecamatanB }));
      const stored = await readAsAdmin<{ desa: string; kecamatan: string }>(
        'households',
        F.hA1,
        'desa,kecamatan',
      );
      expect(stored).toEqual({ desa: DESA_A1, kecamatan: KECAMATAN_A });
    });
  });

  it('cannot create a household in another desa; its own get its desa and kecamatan', async () => {
    await tally(async () => {
      const name = `Rumah Pindahan ${tag}`;
      const other = await attempt(
        api.operator_desa.post('/items/households', { head_name: name, desa: F.desaA2, member_count: 1 }),
      );
      expect(other.ok).toBe(false);
      expect(await count(adminApi(), 'households', { head_name: { _eq: name } })).toBe(0);
      const own = await api.operator_desa.post<{ id: number; desa: string; kecamatan: string }>(
        '/items/households?fields=id,desa,kecamatan',
        { head_name: `Rumah Baru ${tag}`, member_count: 1 },
      );
      created.push({ collection: 'households', key: own.id });
      expect(own).toMatchObject({ desa: DESA_A1, kecamatan: KECAMATAN_A });
    });
  });

  it('cannot create a member or a survey for a household of another desa, nor move a member there', async () => {
    await tally(async () => {
      for (const household of [F.hA2, F.hB1]) {
        const member = await attempt(
          api.operator_desa.post('/items/household_members', {
            household,
            name: 'Titipan',
            relation: 'lainnya',
          }),
        );
        expect(member).toMatchObject({ ok: false, status: 403 });
        const survey = await attempt(
          api.operator_desa.post('/items/surveys', { household, round: round++, status: 'draft' }),
        );
        expect(survey).toMatchObject({ ok: false, status: 403 });
      }
      const move = await attempt(
        api.operator_desa.patch(`/items/household_members/${F.mA1}`, { household: F.hA2 }),
      );
      expect(move).toMatchObject({ ok: false, status: 403 });
      expect(
        (await readAsAdmin<{ household: number }>('household_members', F.mA1, 'household')).household,
      ).toBe(F.hA1);
    });
  });

  it('cannot update another desa’s household', async () => {
    await tally(async () => {
      const outcome = await attempt(
        api.operator_desa.patch(`/items/households/${F.hA2}`, { address: 'Diubah' }),
      );
      expect(outcome).toMatchObject({ ok: false, status: 403 });
      expect((await readAsAdmin<{ address: string }>('households', F.hA2, 'address')).address).toBe(
        'Jl. Rumah Uji A2',
      );
    });
  });

  it('cannot set a survey to verified, create it verified, or stamp verified_by', async () => {
    await tally(async () => {
      const draft = await freshSurvey(F.hS, 'draft');
      expect(
        (await attempt(api.operator_desa.patch(`/items/surveys/${draft}`, { status: 'verified' }))).ok,
      ).toBe(false);
      expect(
        (await attempt(api.operator_desa.patch(`/items/surveys/${draft}`, { status: 'returned' }))).ok,
      ).toBe(false);
      const me = await api.operator_desa.get<{ id: string }>('/users/me?fields=id');
      expect(
        (await attempt(api.operator_desa.patch(`/items/surveys/${draft}`, { verified_by: me.id }))).ok,
      ).toBe(false);
      expect(
        await readAsAdmin<{ status: string; verified_by: string | null }>(
          'surveys',
          draft,
          'status,verified_by',
        ),
      ).toEqual({
        status: 'draft',
        verified_by: null,
      });
      const verified = await attempt(
        api.operator_desa.post('/items/surveys', { household: F.hS, round: round++, status: 'verified' }),
      );
      expect(verified.ok).toBe(false);
      // a draft becomes submitted: allowed
      expect(
        (await attempt(api.operator_desa.patch(`/items/surveys/${draft}`, { status: 'submitted' }))).ok,
      ).toBe(true);
    });
  });

  it('cannot edit, pull back or delete a submitted survey', async () => {
    await tally(async () => {
      const submitted = await freshSurvey(F.hS, 'submitted');
      expect(
        (await attempt(api.operator_desa.patch(`/items/surveys/${submitted}`, { surveyor: 'Ganti' }))).ok,
      ).toBe(false);
      expect(
        (await attempt(api.operator_desa.patch(`/items/surveys/${submitted}`, { status: 'draft' }))).ok,
      ).toBe(false);
      expect(await attempt(api.operator_desa.delete(`/items/surveys/${submitted}`))).toMatchObject({
        ok: false,
        status: 403,
      });
      expect(
        await readAsAdmin<{ status: string; surveyor: string }>('surveys', submitted, 'status,surveyor'),
      ).toEqual({
        status: 'submitted',
        surveyor: 'Uji akses',
      });
    });
  });

  it('a NIK registered in another desa is refused with a message that reveals nothing about it', async () => {
    await tally(async () => {
      const attempts = [
        () =>
          api.operator_desa.post('/items/household_members', {
            household: F.hA1,
            name: 'Ganda',
            relation: 'lainnya',
            nik: F.nikB1Member,
          }),
        () =>
          api.operator_desa.post('/items/household_members', {
            household: F.hA1,
            name: 'Ganda',
            relation: 'lainnya',
            nik: F.nikB1Head,
          }),
        () =>
          api.operator_desa.post('/items/households', {
            head_name: 'Ganda',
            member_count: 1,
            head_nik: F.nikB1Member,
          }),
        () => api.operator_desa.patch(`/items/household_members/${F.mA1}`, { nik: F.nikB1Member }),
      ];
      const hB1 = await readAsAdmin<{ head_name: string }>('households', F.hB1, 'head_name');
      for (const request of attempts) {
        const outcome = await attempt(request());
        expect(outcome).toMatchObject({ ok: false, status: 400 });
        const message = outcome.ok ? '' : outcome.message;
        expect(message).toContain(NIK_MESSAGE);
        for (const secret of [F.desaB1, F.kecamatanB, hB1.head_name, 'Anggota B1', String(F.hB1)]) {
          expect(message).not.toContain(secret);
        }
      }
      expect((await readAsAdmin<{ nik: string }>('household_members', F.mA1, 'nik')).nik).toBe(F.nikA1Member);
    });
  });
});

describe('attacks: perangkat daerah', () => {
  it('cannot read NIK or No. KK through a relation', async () => {
    await tally(async () => {
      for (const path of [
        '/items/needs?fields=id,household.head_nik',
        '/items/needs?fields=id,household.no_kk',
        '/items/needs?fields=household.members.nik',
        '/items/households?fields=members.nik',
        '/items/interventions?fields=household.head_nik',
        '/items/households?fields=head_nik',
        '/items/household_members?fields=nik',
      ]) {
        expect(await attempt(api.perangkat_daerah.get(path)), path).toMatchObject({ ok: false, status: 403 });
      }
      for (const query of ['{ households { id head_nik } }', '{ needs { household { no_kk } } }']) {
        expect((await attempt(api.perangkat_daerah.post('/graphql', { query }))).ok, query).toBe(false);
      }
      const rows = await api.perangkat_daerah.get<Payload[]>(`/items/households/${F.hA1}?fields=*,members.*`);
      expect(rows).not.toHaveProperty('head_nik');
      expect(rows).not.toHaveProperty('no_kk');
      for (const member of (rows as unknown as { members: Payload[] }).members)
        expect(member).not.toHaveProperty('nik');
    });
  });

  it('a filter, search or sort on NIK reveals no match', async () => {
    await tally(async () => {
      const probes = [
        `/items/households?filter[head_nik][_eq]=${F.nikA1Head}&fields=id`,
        `/items/needs?filter[household][head_nik][_eq]=${F.nikA1Head}&fields=id`,
        `/items/household_members?filter[nik][_eq]=${F.nikA1Member}&fields=id`,
        `/items/households?filter[members][nik][_eq]=${F.nikA1Member}&fields=id`,
        `/items/households?filter[no_kk][_nnull]=true&fields=id`,
        `/items/households?aggregate[countDistinct]=head_nik`,
        `/items/households?aggregate[count]=*&groupBy[]=no_kk`,
      ];
      for (const path of probes) {
        const outcome = await attempt(api.perangkat_daerah.get(path));
        // refused, or answered without a single match
        expect(outcome.ok ? (outcome.data as unknown[]).length : outcome.status, path).toBe(
          outcome.ok ? 0 : 403,
        );
      }
      for (const [collection, nik] of [
        ['households', F.nikA1Head],
        ['household_members', F.nikA1Member],
      ] as const) {
        const rows = await api.perangkat_daerah.get<unknown[]>(
          `/items/${collection}?search=${nik}&fields=id`,
        );
        expect(rows, `search ${collection}`).toEqual([]);
      }
    });
  });

  it('cannot read a household, need or intervention of another agency', async () => {
    await tally(async () => {
      for (const path of [
        `/items/households/${F.hB1}`,
        `/items/needs/${F.needB1}`,
        `/items/interventions/${F.intervention2}`,
      ]) {
        expect(await attempt(api.perangkat_daerah.get(path)), path).toMatchObject({ ok: false, status: 403 });
      }
      const groups = await api.perangkat_daerah.get<{ perangkat_daerah: string }[]>(
        '/items/needs?aggregate[count]=*&groupBy[]=perangkat_daerah&limit=-1',
      );
      expect(groups.map((g) => g.perangkat_daerah)).toEqual([AGENCY_1]);
    });
  });

  it('creates and updates only its own interventions and reports', async () => {
    await tally(async () => {
      const base = {
        need: F.needA1,
        sub_kegiatan: F.subKegiatan1,
        fiscal_year: 2090,
        quantity: 1,
        status: 'planned',
      };
      const refusedCreates = [
        { ...base, household: F.hB1, need: F.needB1 }, // a household it does not serve
        { ...base, household: F.hA1, perangkat_daerah: AGENCY_2 }, // another agency
        { ...base, household: F.hA1, sub_kegiatan: F.subKegiatan2 }, // another agency's sub-kegiatan
        { ...base, household: F.hA1, need: F.needB1 }, // another agency's need
      ];
      for (const payload of refusedCreates) {
        const outcome = await attempt(api.perangkat_daerah.post('/items/interventions', payload));
        if (outcome.ok)
          created.push({ collection: 'interventions', key: (outcome.data as { id: number }).id });
        expect(outcome.ok, JSON.stringify(payload)).toBe(false);
      }
      const own = await api.perangkat_daerah.post<{
        id: number;
        perangkat_daerah: string;
        desa: string;
        kecamatan: string;
      }>('/items/interventions?fields=id,perangkat_daerah,desa,kecamatan', { ...base, household: F.hA1 });
      created.push({ collection: 'interventions', key: own.id });
      expect(own).toMatchObject({ perangkat_daerah: AGENCY_1, desa: DESA_A1, kecamatan: KECAMATAN_A });
      expect(
        await attempt(api.perangkat_daerah.patch(`/items/interventions/${F.intervention2}`, { note: 'x' })),
      ).toMatchObject({
        ok: false,
        status: 403,
      });
      const report = await attempt(
        api.perangkat_daerah.post('/items/intervention_reports', {
          intervention: F.intervention2,
          fiscal_year: 2090,
          quarter: '3',
        }),
      );
      if (report.ok)
        created.push({ collection: 'intervention_reports', key: (report.data as { id: number }).id });
      expect(report.ok).toBe(false);
      const ownReport = await api.perangkat_daerah.post<{ id: number; perangkat_daerah: string }>(
        '/items/intervention_reports?fields=id,perangkat_daerah',
        { intervention: own.id, fiscal_year: 2090, quarter: '3', progress_pct: 50 },
      );
      created.push({ collection: 'intervention_reports', key: ownReport.id });
      expect(ownReport.perangkat_daerah).toBe(AGENCY_1);
    });
  });
});

describe('attacks: verifikator kecamatan', () => {
  it('an aggregate over another kecamatan counts nothing', async () => {
    await tally(async () => {
      const other = await api.verifikator_kecamatan.get<{ count: number | string }[]>(
        `/items/households?aggregate[count]=*&filter[kecamatan][_eq]=${F.kecamatanB}`,
      );
      expect(Number(other[0]?.count)).toBe(0);
      const groups = await api.verifikator_kecamatan.get<{ kecamatan: string }[]>(
        '/items/households?aggregate[count]=*&groupBy[]=kecamatan&limit=-1',
      );
      expect(groups.map((g) => g.kecamatan)).toEqual([KECAMATAN_A]);
      const needs = await api.verifikator_kecamatan.get<{ count: number | string }[]>(
        `/items/needs?aggregate[count]=*&filter[kecamatan][_eq]=${F.kecamatanB}`,
      );
      expect(Number(needs[0]?.count)).toBe(0);
      expect(await attempt(api.verifikator_kecamatan.get(`/items/households/${F.hB1}`))).toMatchObject({
        ok: false,
        status: 403,
      });
    });
  });

  it('cannot name someone else as verifier; the server stamps verified_by and verified_at', async () => {
    await tally(async () => {
      const survey = await freshSurvey(F.hS, 'submitted');
      const perencana = await api.perencana.get<{ id: string }>('/users/me?fields=id');
      const me = await api.verifikator_kecamatan.get<{ id: string }>('/users/me?fields=id');
      for (const payload of [
        { status: 'verified', verified_by: perencana.id },
        { status: 'verified', verified_at: '2000-01-01T00:00:00Z' },
        { verified_by: perencana.id },
      ]) {
        expect(
          (await attempt(api.verifikator_kecamatan.patch(`/items/surveys/${survey}`, payload))).ok,
          JSON.stringify(payload),
        ).toBe(false);
      }
      expect(await readAsAdmin('surveys', survey, 'status,verified_by')).toEqual({
        status: 'submitted',
        verified_by: null,
      });
      const before = Date.now();
      await api.verifikator_kecamatan.patch(`/items/surveys/${survey}`, { status: 'verified' });
      const stored = await readAsAdmin<{ status: string; verified_by: string; verified_at: string }>(
        'surveys',
        survey,
        'status,verified_by,verified_at',
      );
      expect(stored.status).toBe('verified');
      expect(stored.verified_by).toBe(me.id);
      expect(Math.abs(new Date(stored.verified_at).getTime() - before)).toBeLessThan(120_000);
    });
  });

  it('returns only with a note, touches no other field, and nothing outside its kecamatan', async () => {
    await tally(async () => {
      const survey = await freshSurvey(F.hS, 'submitted');
      expect(
        (await attempt(api.verifikator_kecamatan.patch(`/items/surveys/${survey}`, { status: 'returned' })))
          .ok,
      ).toBe(false);
      expect(
        (await attempt(api.verifikator_kecamatan.patch(`/items/surveys/${survey}`, { surveyor: 'Ganti' })))
          .ok,
      ).toBe(false);
      expect(
        (await attempt(api.verifikator_kecamatan.patch(`/items/surveys/${survey}`, { status: 'draft' }))).ok,
      ).toBe(false);
      expect(await readAsAdmin('surveys', survey, 'status,surveyor')).toEqual({
        status: 'submitted',
        surveyor: 'Uji akses',
      });
      const draft = await freshSurvey(F.hS, 'draft');
      expect(
        (await attempt(api.verifikator_kecamatan.patch(`/items/surveys/${draft}`, { status: 'verified' })))
          .ok,
      ).toBe(false);
      const elsewhere = await freshSurvey(F.hB1, 'submitted');
      expect(
        await attempt(api.verifikator_kecamatan.patch(`/items/surveys/${elsewhere}`, { status: 'verified' })),
      ).toMatchObject({
        ok: false,
        status: 403,
      });
      expect((await readAsAdmin<{ status: string }>('surveys', elsewhere, 'status')).status).toBe(
        'submitted',
      );
      await api.verifikator_kecamatan.patch(`/items/surveys/${survey}`, {
        status: 'returned',
        return_note: 'Jumlah anggota tidak cocok',
      });
      expect(await readAsAdmin('surveys', survey, 'status,return_note')).toEqual({
        status: 'returned',
        return_note: 'Jumlah anggota tidak cocok',
      });
    });
  });
});

describe('attacks: perencana and pimpinan', () => {
  it('perencana reopens a verified survey (stamp cleared) and cannot verify one', async () => {
    await tally(async () => {
      const verified = await freshSurvey(F.hB1, 'verified');
      await api.perencana.patch(`/items/surveys/${verified}`, { status: 'submitted' });
      expect(await readAsAdmin('surveys', verified, 'status,verified_by,verified_at')).toEqual({
        status: 'submitted',
        verified_by: null,
        verified_at: null,
      });
      expect(
        (await attempt(api.perencana.patch(`/items/surveys/${verified}`, { status: 'verified' }))).ok,
      ).toBe(false);
      expect(
        (await attempt(api.perencana.patch(`/items/surveys/${verified}`, { surveyor: 'Ganti' }))).ok,
      ).toBe(false);
    });
  });

  it("perencana enters, corrects and deletes any agency's report through the agency's checks; pimpinan cannot", async () => {
    await tally(async () => {
      const intervention = (status: 'planned' | 'cancelled'): Promise<{ id: number }> =>
        adminCreate<{ id: number }>('interventions', {
          household: F.hB1,
          sub_kegiatan: F.subKegiatan2,
          perangkat_daerah: AGENCY_2,
          desa: F.desaB1,
          kecamatan: F.kecamatanB,
          fiscal_year: 2091,
          quantity: 1,
          status,
        });
      const target = (await intervention('planned')).id;
      const cancelled = (await intervention('cancelled')).id;
      type Report = { id: number; perangkat_daerah: string; fiscal_year: number; progress_pct: number };
      const fields = 'id,perangkat_daerah,fiscal_year,progress_pct';

      // the agency sent is ignored: the report belongs to its intervention's agency, and the year
      // and the intervention's progress follow as for an agency's own report
      const report = await api.perencana.post<Report>(`/items/intervention_reports?fields=${fields}`, {
        intervention: target,
        quarter: '1',
        progress_pct: 30,
        realized_cost: 1000,
        perangkat_daerah: AGENCY_1,
      });
      created.push({ collection: 'intervention_reports', key: report.id });
      expect(report).toEqual({
        id: report.id,
        perangkat_daerah: AGENCY_2,
        fiscal_year: 2091,
        progress_pct: 30,
      });
      const started = await readAsAdmin<{ status: string; realized_cost: unknown }>(
        'interventions',
        target,
        'status,realized_cost',
      );
      expect(started.status).toBe('in_progress');
      expect(Number(started.realized_cost)).toBe(1000);

      // a correction of the progress; the report cannot be moved to another intervention or agency
      await api.perencana.patch(`/items/intervention_reports/${report.id}`, { progress_pct: 60 });
      expect(
        await attempt(
          api.perencana.patch(`/items/intervention_reports/${report.id}`, { intervention: F.intervention1 }),
        ),
      ).toMatchObject({ ok: false, status: 403 });
      await attempt(
        api.perencana.patch(`/items/intervention_reports/${report.id}`, { perangkat_daerah: AGENCY_1 }),
      );
      expect(await readAsAdmin<Report>('intervention_reports', report.id, fields)).toEqual({
        ...report,
        progress_pct: 60,
      });

      // the same refusals as for an agency: a cancelled or unknown intervention, a quarter outside 1-4
      const refusedCreates: [Payload, number, string?][] = [
        [
          { intervention: cancelled, quarter: '1', progress_pct: 10 },
          400,
          'Intervensi ini sudah dibatalkan; laporan triwulan tidak dapat ditambahkan atau diubah.',
        ],
        [{ intervention: 2_000_000_000, fiscal_year: 2091, quarter: '1' }, 403],
        [{ intervention: target, quarter: '5', progress_pct: 10 }, 400, 'Triwulan harus 1, 2, 3 atau 4.'],
      ];
      for (const [payload, status, message] of refusedCreates) {
        const outcome = await attempt(api.perencana.post('/items/intervention_reports', payload));
        if (outcome.ok)
          created.push({ collection: 'intervention_reports', key: (outcome.data as { id: number }).id });
        expect(outcome, JSON.stringify(payload)).toMatchObject({
          ok: false,
          status,
          ...(message === undefined ? {} : { message: expect.stringContaining(message) }),
        });
      }

      // pimpinan only reads
      expect(
        await attempt(
          api.pimpinan.post('/items/intervention_reports', { intervention: target, quarter: '2' }),
        ),
      ).toMatchObject({ ok: false, status: 403 });
      expect(
        await attempt(api.pimpinan.patch(`/items/intervention_reports/${report.id}`, { progress_pct: 1 })),
      ).toMatchObject({ ok: false, status: 403 });
      expect(await attempt(api.pimpinan.delete(`/items/intervention_reports/${report.id}`))).toMatchObject({
        ok: false,
        status: 403,
      });

      await api.perencana.delete(`/items/intervention_reports/${report.id}`);
      expect(await exists('intervention_reports', report.id)).toBe(false);
    });
  });

  it('uploads: who may upload a file, rename it, and link it as the evidence of a report', async () => {
    await tally(async () => {
      const uploaded: string[] = [];
      const upload = (role: Role, name: string): Promise<Outcome> => {
        const form = new FormData();
        form.append('title', name);
        form.append('file', new Blob([`bukti ${name}\n`], { type: 'text/plain' }), `${name}.txt`);
        return attempt(api[role].post<{ id: string }>('/files?fields=id', form)).then((outcome) => {
          if (outcome.ok) uploaded.push((outcome.data as { id: string }).id);
          return outcome;
        });
      };
      try {
        const mayUpload: Record<Role, boolean> = {
          administrator: true,
          perencana: true,
          pimpinan: false,
          operator_desa: true,
          verifikator_kecamatan: false,
          perangkat_daerah: true,
          public: false,
        };
        const byRole: Partial<Record<Role, string>> = {};
        for (const role of ROLES) {
          const outcome = await upload(role, `bukti-${role}-${tag}`);
          expect(outcome.ok, `${role}: ${describeOutcome(outcome)}`).toBe(mayUpload[role]);
          if (outcome.ok) byRole[role] = (outcome.data as { id: string }).id;
        }

        // the planner's own upload becomes the evidence of a report it enters for an agency
        const mine = await upload('perencana', `bukti-laporan-${tag}`);
        const evidence = mine.ok ? (mine.data as { id: string }).id : '';
        const target = await adminCreate<{ id: number }>('interventions', {
          household: F.hB1,
          sub_kegiatan: F.subKegiatan2,
          perangkat_daerah: AGENCY_2,
          desa: F.desaB1,
          kecamatan: F.kecamatanB,
          fiscal_year: 2092,
          quantity: 1,
          status: 'planned',
        });
        const report = await api.perencana.post<{ id: number; evidence: string }>(
          '/items/intervention_reports?fields=id,evidence',
          { intervention: target.id, quarter: '1', progress_pct: 10, evidence },
        );
        created.push({ collection: 'intervention_reports', key: report.id });
        expect(report.evidence).toBe(evidence);

        // it renames its own upload, not the operator's (which it may read: evidence of any agency)
        await api.perencana.patch(`/files/${evidence}`, { title: 'Foto serah terima' });
        expect((await adminApi().get<{ title: string }>(`/files/${evidence}?fields=title`)).title).toBe(
          'Foto serah terima',
        );
        const operators = byRole.operator_desa as string;
        expect(await api.perencana.get<{ id: string }>(`/files/${operators}?fields=id`)).toEqual({
          id: operators,
        });
        expect(await attempt(api.perencana.patch(`/files/${operators}`, { title: 'diganti' }))).toMatchObject(
          { ok: false, status: 403 },
        );
        // and deletes no file: evidence stays with the report
        expect(await attempt(api.perencana.delete(`/files/${evidence}`))).toMatchObject({
          ok: false,
          status: 403,
        });
      } finally {
        for (const id of uploaded) await attempt(adminApi().delete(`/files/${id}`));
      }
    });
  });

  it('pimpinan reads households and members without NIK or No. KK, by any path', async () => {
    await tally(async () => {
      for (const path of [
        '/items/households?fields=head_nik&limit=1',
        '/items/households?fields=no_kk&limit=1',
        '/items/household_members?fields=nik&limit=1',
        '/items/households?fields=members.nik&limit=1',
        '/items/needs?fields=household.head_nik&limit=1',
        `/items/households?filter[head_nik][_eq]=${F.nikA1Head}`,
      ]) {
        expect(await attempt(api.pimpinan.get(path)), path).toMatchObject({ ok: false, status: 403 });
      }
      const row = await api.pimpinan.get<Payload>(`/items/households/${F.hA1}?fields=*`);
      expect(row).toHaveProperty('head_name');
      expect(row).not.toHaveProperty('head_nik');
      expect(row).not.toHaveProperty('no_kk');
      expect(await api.pimpinan.get<unknown[]>(`/items/households?search=${F.nikA1Head}&fields=id`)).toEqual(
        [],
      );
    });
  });
});

describe('bulk demo load', () => {
  it('only an administrator loads the demo dataset, and never into a database that has households', async () => {
    await tally(async () => {
      const households = await count(adminApi(), 'households');
      const loads = { kind: { _eq: 'load_demo' } };
      expect(await count(adminApi(), 'import_jobs', loads), 'the demo seed wrote one load_demo job').toBe(1);
      for (const role of ROLES.filter((r) => r !== 'administrator')) {
        const outcome = await attempt(api[role].post('/siap-pd/demo/load', { households: 1 }));
        expect(outcome.ok ? 'allowed' : outcome.status, `${role}: ${describeOutcome(outcome)}`).toBe(403);
      }
      const admin = await attempt(api.administrator.post('/siap-pd/demo/load', { households: 1 }));
      expect(admin.ok ? 'allowed' : admin.status, describeOutcome(admin)).toBe(409);
      expect(await count(adminApi(), 'households')).toBe(households);
      expect(await count(adminApi(), 'import_jobs', loads)).toBe(1);
    });
  });
});

describe('users managed by the administrator', () => {
  it('a user missing the field their role needs sees nothing, not everything', async () => {
    await tally(async () => {
      const cases: [string, RoleKey, string[]][] = [
        [
          'operator-tanpa-desa',
          'operator_desa',
          ['households', 'household_members', 'surveys', 'needs', 'interventions', 'intervention_reports'],
        ],
        [
          'verifikator-tanpa-kecamatan',
          'verifikator_kecamatan',
          ['households', 'household_members', 'surveys', 'needs', 'interventions'],
        ],
        [
          'pd-tanpa-instansi',
          'perangkat_daerah',
          ['households', 'household_members', 'needs', 'interventions', 'intervention_reports'],
        ],
      ];
      for (const [localPart, role, collections] of cases) {
        const user = await loginEmail(await createTestUser(localPart, role, {}));
        for (const collection of collections) {
          const rows = await user.get<unknown[]>(`/items/${collection}?limit=-1&fields=id`);
          expect(rows, `${localPart} ${collection}`).toEqual([]);
          expect(await count(user, collection), `${localPart} aggregate ${collection}`).toBe(0);
        }
        if (role === 'operator_desa') {
          expect(
            (await attempt(user.post('/items/households', { head_name: 'Tanpa Desa', member_count: 1 }))).ok,
          ).toBe(false);
          expect(
            (
              await attempt(
                user.post('/items/household_members', { household: F.hA1, name: 'X', relation: 'lainnya' }),
              )
            ).ok,
          ).toBe(false);
        }
        if (role === 'perangkat_daerah') {
          const outcome = await attempt(
            user.post('/items/interventions', {
              household: F.hA1,
              sub_kegiatan: F.subKegiatan1,
              fiscal_year: 2090,
            }),
          );
          expect(outcome.ok).toBe(false);
        }
      }
    });
  });

  it('a new operator needs only a desa: the kecamatan follows and the desa scopes them', async () => {
    await tally(async () => {
      const email = await createTestUser('operator-baru', 'operator_desa', { desa: DESA_A1 });
      const stored = await adminApi().get<{ desa: string; kecamatan: string }>(
        `/users/${F.userIds['operator-baru']}?fields=desa,kecamatan`,
      );
      expect(stored).toEqual({ desa: DESA_A1, kecamatan: KECAMATAN_A });
      const user = await loginEmail(email);
      expect(await count(user, 'households')).toBe(
        await count(adminApi(), 'households', { desa: { _eq: DESA_A1 } }),
      );
    });
  });
});

describe('admin app and revisions', () => {
  it('each role opens on its own collection presets, and its navigation lists only what it may read', async () => {
    await tally(async () => {
      for (const role of roles) {
        const as = api[role.key];
        const presets = await as.get<{ id: number; collection: string; layout: string }[]>(
          `/presets?filter[role][_eq]=${role.id}&filter[user][_null]=true&fields=id,collection,layout&limit=-1`,
        );
        const expected = collectionPresets.filter((p) => p.role === role.key);
        expect(presets.map((p) => p.id).sort(), role.key).toEqual(expected.map((p) => p.id).sort());
        expect(new Set(presets.map((p) => p.layout))).toEqual(new Set(['tabular']));
        const navigation = (await as.get<{ collection: string }[]>('/collections?limit=-1')).map(
          (c) => c.collection,
        );
        for (const collection of Object.keys(EXPECTED)) {
          expect(navigation.includes(collection), `${role.key} sees ${collection} in the navigation`).toBe(
            allowed(role.key, collection, 'list'),
          );
        }
      }
    });
  });

  it('changes to households, members, surveys, needs and interventions keep revisions', async () => {
    await tally(async () => {
      for (const collection of ['households', 'household_members', 'surveys', 'needs', 'interventions']) {
        const meta = await adminApi().get<{ meta: { accountability: string | null } }>(
          `/collections/${collection}`,
        );
        expect(meta.meta.accountability, collection).toBe('all');
      }
      const operator = await api.operator_desa.get<{ id: string }>('/users/me?fields=id');
      await api.operator_desa.patch(`/items/households/${F.hA1}`, { rt_rw: '001/002' });
      const revisions = await adminApi().get<
        { delta: Payload; activity: { user: string; action: string } }[]
      >(
        `/revisions?filter[collection][_eq]=households&filter[item][_eq]=${F.hA1}` +
          `&filter[activity][user][_eq]=${operator.id}&fields=delta,activity.user,activity.action&sort=-id&limit=1`,
      );
      expect(revisions[0]?.activity).toEqual({ user: operator.id, action: 'update' });
      expect(revisions[0]?.delta).toMatchObject({ rt_rw: '001/002' });
    });
  });
});
