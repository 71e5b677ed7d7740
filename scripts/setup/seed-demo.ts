import { roles, type RoleKey } from '../../access/roles.ts';
import { generateDemoDataset } from '../demo/generate-demo-dataset.ts';
import type { DirectusApi } from '../lib/directus-api.ts';
import { readDemoUnitCosts, readDesa, readKecamatan, readPerangkatDaerah } from '../seed/read-reference.ts';
import { insertMissing } from './seed-reference.ts';

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
 * Loads the deterministic demo dataset into an empty database through the REST API, so every
 * hook runs as it would for a real operator: demo users, demo unit costs, households, members and
 * surveys.
 */
export async function seedDemo(
  api: DirectusApi,
  o: { password: string; households?: number; log: (message: string) => void },
): Promise<void> {
  const users = demoUsers().map((u) => ({ ...u, password: o.password, status: 'active' }));
  const createdUsers = await insertMissing(api, '/users', 'email', users);
  o.log(`Demo: ${createdUsers} pengguna demo dibuat (${users.length} seluruhnya).`);

  for (const cost of readDemoUnitCosts()) {
    const current = await api.get<{ unit_cost: number | string | null } | null>(
      `/items/sub_kegiatan/${encodeURIComponent(cost.code)}?fields=unit_cost`,
    );
    if (current && current.unit_cost === null) {
      const { code: _code, ...changes } = cost;
      await api.patch(`/items/sub_kegiatan/${encodeURIComponent(cost.code)}`, changes);
    }
  }

  const dataset = generateDemoDataset({
    desa: readDesa(),
    ...(o.households === undefined ? {} : { households: o.households }),
  });
  const verifierByKecamatan = new Map(
    (
      await api.get<{ id: string; kecamatan: string | null }[]>(
        `/users?filter[role][_eq]=${roleId('verifikator_kecamatan')}&fields=id,kecamatan&limit=-1`,
      )
    ).map((u) => [u.kecamatan, u.id]),
  );

  const idByRef = new Map<string, number>();
  for (let i = 0; i < dataset.households.length; i += CHUNK) {
    const chunk = dataset.households.slice(i, i + CHUNK);
    const rows = chunk.map(({ ref: _ref, related_household_ref: _related, ...household }) => household);
    const created = await api.post<{ id: number; head_nik: string }[]>(
      '/items/households?fields=id,head_nik',
      rows,
    );
    const idByNik = new Map(created.map((row) => [row.head_nik, row.id]));
    for (const household of chunk) {
      const id = idByNik.get(household.head_nik);
      if (id === undefined) throw new Error(`demo household ${household.ref} was not created`);
      idByRef.set(household.ref, id);
    }
    o.log(
      `Demo: ${Math.min(i + CHUNK, dataset.households.length)}/${dataset.households.length} rumah tangga.`,
    );
  }
  const kecamatanByRef = new Map(dataset.households.map((h) => [h.ref, h.kecamatan]));
  const id = (ref: string): number => {
    const value = idByRef.get(ref);
    if (value === undefined) throw new Error(`unknown demo household ${ref}`);
    return value;
  };

  for (const household of dataset.households) {
    if (household.related_household_ref !== null) {
      await api.patch(`/items/households/${id(household.ref)}`, {
        related_household: id(household.related_household_ref),
      });
    }
  }

  for (let i = 0; i < dataset.members.length; i += CHUNK) {
    const rows = dataset.members
      .slice(i, i + CHUNK)
      .map(({ household_ref, ...member }) => ({ ...member, household: id(household_ref) }));
    await api.post('/items/household_members?fields=id', rows);
  }
  o.log(`Demo: ${dataset.members.length} anggota keluarga.`);

  for (let i = 0; i < dataset.surveys.length; i += CHUNK) {
    const rows = dataset.surveys.slice(i, i + CHUNK).map(({ household_ref, verified_by: _v, ...survey }) => ({
      ...survey,
      household: id(household_ref),
      verified_by:
        survey.status === 'verified'
          ? (verifierByKecamatan.get(kecamatanByRef.get(household_ref) ?? '') ?? null)
          : null,
    }));
    await api.post('/items/surveys?fields=id', rows);
    o.log(`Demo: ${Math.min(i + CHUNK, dataset.surveys.length)}/${dataset.surveys.length} survei.`);
  }
}
