import { roles, type RoleKey } from '../../access/roles.ts';
import type { DirectusApi } from '../lib/directus-api.ts';
import { readDemoUnitCosts, readDesa, readKecamatan, readPerangkatDaerah } from '../seed/read-reference.ts';

export const DEMO_DOMAIN = 'siap-pd.example.org';
const CHUNK = 500;

function roleId(key: RoleKey): string {
  const role = roles.find((r) => r.key === key);
  if (!role) throw new Error(`role ${key} missing`);
  return role.id;
}

export interface DemoUser extends Record<string, unknown> {
  email: string;
  first_name: string;
  last_name: string;
  role: string;
  desa?: string;
  kecamatan?: string;
  perangkat_daerah?: string;
}

/** The demo users of DESIGN.md: one per role, per desa, per kecamatan and per agency. */
export function demoUsers(): DemoUser[] {
  const kecamatanName = new Map(readKecamatan().map((k) => [k.code, k.name]));
  return [
    {
      email: `perencana@${DEMO_DOMAIN}`,
      first_name: 'Perencana',
      last_name: 'Bappedalitbang (demo)',
      role: roleId('perencana'),
    },
    {
      email: `pimpinan@${DEMO_DOMAIN}`,
      first_name: 'Pimpinan',
      last_name: 'Daerah (demo)',
      role: roleId('pimpinan'),
    },
    ...readDesa().map((d) => ({
      email: `operator.${d.code}@${DEMO_DOMAIN}`,
      first_name: 'Operator',
      last_name: `${d.name} (demo)`,
      role: roleId('operator_desa'),
      desa: d.code,
      kecamatan: d.kecamatan,
    })),
    ...readKecamatan().map((k) => ({
      email: `verifikator.${k.code}@${DEMO_DOMAIN}`,
      first_name: 'Verifikator',
      last_name: `${kecamatanName.get(k.code) ?? k.code} (demo)`,
      role: roleId('verifikator_kecamatan'),
      kecamatan: k.code,
    })),
    ...readPerangkatDaerah().map((p) => ({
      email: `pd.${p.id}@${DEMO_DOMAIN}`,
      first_name: 'Staf',
      last_name: `${p.short_name} (demo)`,
      role: roleId('perangkat_daerah'),
      perangkat_daerah: p.id,
    })),
  ];
}

/**
 * Loads the deterministic demo dataset into an empty database. Users and demo unit costs go
 * through the REST API (hooks, activity and revisions as for any administrator's change); the
 * users get their password in one bulk update, so Directus hashes it once, not 180 times. The
 * households, members and surveys are written set-based by POST /siap-pd/demo/load: validated by
 * the rules of an interactive save, classified, given needs and quality flags by the same engines
 * the save hooks run, in one recorded job (import_jobs kind load_demo).
 */
export async function seedDemo(
  api: DirectusApi,
  o: { password: string; households?: number; log: (message: string) => void },
): Promise<void> {
  const users = demoUsers().map((u) => ({ ...u, status: 'active' }));
  const existing = new Set(
    (await api.get<{ email: string | null }[]>('/users?fields=email&limit=-1')).map((u) => u.email),
  );
  const missing = users.filter((u) => !existing.has(u.email));
  const createdIds: string[] = [];
  for (let i = 0; i < missing.length; i += CHUNK) {
    const created = await api.post<{ id: string }[]>('/users?fields=id', missing.slice(i, i + CHUNK));
    createdIds.push(...created.map((u) => u.id));
  }
  // one update of many keys: Directus hashes the (shared) demo password once for all of them
  if (createdIds.length > 0) await api.patch('/users', { keys: createdIds, data: { password: o.password } });
  o.log(`Demo: ${createdIds.length} pengguna demo dibuat (${users.length} seluruhnya).`);

  // demo unit costs only where the sub-kegiatan has none: one batch update (hooks, activity, revisions per row)
  const withoutCost = new Set(
    (
      await api.get<{ code: string }[]>(
        '/items/sub_kegiatan?filter[unit_cost][_null]=true&fields=code&limit=-1',
      )
    ).map((row) => row.code),
  );
  const costs = readDemoUnitCosts().filter((cost) => withoutCost.has(cost.code));
  if (costs.length > 0) await api.patch('/items/sub_kegiatan', costs);
  o.log(`Demo: biaya satuan demo diisi untuk ${costs.length} sub-kegiatan.`);

  const loaded = await api.post<DemoLoadAnswer>(
    '/siap-pd/demo/load',
    o.households === undefined ? {} : { households: o.households },
  );
  o.log(
    `Demo: ${loaded.households} rumah tangga, ${loaded.members} anggota keluarga, ${loaded.surveys} survei, ` +
      `${loaded.classification.needs_opened} kebutuhan dimuat dalam ${(loaded.duration_ms / 1000).toFixed(1)} s ` +
      `(siapkan ${loaded.timings.prepare_ms} ms, tulis ${loaded.timings.write_ms} ms, klasifikasi ${loaded.timings.classify_ms} ms, ` +
      `kualitas ${loaded.timings.quality_ms} ms; proses #${loaded.job}).`,
  );
  if (loaded.skipped_fields.length > 0) {
    o.log(`Demo: kolom yang tidak ada di model data dilewati: ${loaded.skipped_fields.join(', ')}.`);
  }
}

/** What POST /siap-pd/demo/load answers (the parts the seed reports). */
interface DemoLoadAnswer {
  job: number;
  households: number;
  members: number;
  surveys: number;
  classification: { needs_opened: number };
  skipped_fields: string[];
  duration_ms: number;
  timings: { prepare_ms: number; write_ms: number; classify_ms: number; quality_ms: number };
}
