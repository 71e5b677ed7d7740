import { readKey, readNumber, readText } from '../aggregate.ts';
import type { AgencyName, AllocationNames, SubKegiatanName } from '../allocation-view.ts';
import type { UserDirectus } from './directus-types.ts';
import { readRows, unlessForbidden } from './items.ts';
import { readAgencyRefs, readCodedRefs } from './reference.ts';
import type { AgencyRef } from './reference.ts';

/** A sub-kegiatan of the catalogue as allocation pages use it. */
export interface SubKegiatanRef {
  code: string;
  name: string;
  unit: string | null;
  perangkat_daerah: string | null;
  /** null = "biaya satuan belum diisi" */
  unit_cost: number | null;
  active: boolean;
}

/** The sub-kegiatan catalogue (reference data every role reads). */
export async function readSubKegiatanRefs(directus: UserDirectus): Promise<SubKegiatanRef[]> {
  return readCodedRefs(
    directus,
    'sub_kegiatan',
    { fields: ['code', 'name', 'unit', 'perangkat_daerah', 'unit_cost', 'active'] },
    (code, name, row) => ({
      code,
      name,
      unit: readText(row['unit']),
      perangkat_daerah: readKey(row['perangkat_daerah']),
      unit_cost: readNumber(row['unit_cost']),
      active: row['active'] !== false,
    }),
  );
}

/** Names of agencies and sub-kegiatan for the tables and charts. */
export function allocationNames(
  agencies: readonly AgencyRef[],
  subs: readonly SubKegiatanRef[],
): AllocationNames {
  return {
    agencies: new Map<string, AgencyName>(
      agencies.map((agency) => [agency.id, { name: agency.name, short_name: agency.short_name }]),
    ),
    subKegiatan: new Map<string, SubKegiatanName>(
      subs.map((sub) => [sub.code, { name: sub.name, unit: sub.unit }]),
    ),
  };
}

/** Agencies and the sub-kegiatan catalogue at once. */
export async function readAllocationReference(
  directus: UserDirectus,
): Promise<{ agencies: AgencyRef[]; subKegiatan: SubKegiatanRef[]; names: AllocationNames }> {
  const [agencies, subKegiatan] = await Promise.all([
    readAgencyRefs(directus),
    readSubKegiatanRefs(directus),
  ]);
  return { agencies, subKegiatan, names: allocationNames(agencies, subKegiatan) };
}

/** A stored ceiling of an agency: the amount that counts and every row behind it. */
export interface StoredCeiling {
  amount: number;
  /** row ids, oldest first; the last one is the amount that counts */
  ids: number[];
}

/**
 * The stored ceilings of a fiscal year by agency id. As for the allocation itself
 * (allocation-store.ts), when an agency has several rows for the year the latest (highest id) counts.
 */
export async function readCeilings(
  directus: UserDirectus,
  year: number,
): Promise<Map<string, StoredCeiling>> {
  const rows = await unlessForbidden(
    readRows(directus, 'budget_ceilings', {
      fields: ['id', 'perangkat_daerah', 'amount'],
      filter: { fiscal_year: { _eq: year } },
      sort: ['id'],
      limit: -1,
    }),
    [],
  );
  const ceilings = new Map<string, StoredCeiling>();
  for (const row of rows) {
    const agency = readKey(row['perangkat_daerah']);
    const id = readNumber(row['id']);
    const amount = readNumber(row['amount']);
    if (agency === null || id === null || amount === null) continue;
    const entry = ceilings.get(agency);
    if (entry === undefined) ceilings.set(agency, { amount, ids: [id] });
    else {
      entry.amount = amount;
      entry.ids.push(id);
    }
  }
  return ceilings;
}
