import { aggregate, readItems } from '@directus/sdk';
import { buildClassificationSummary } from '../classification-summary.ts';
import type { ClassificationSummary, HouseholdCountGroup, KecamatanName } from '../classification-summary.ts';
import { classifyDirectusError } from './directus-errors.ts';
import type { UserDirectus } from './directus.ts';

function asRecords<T extends object>(raw: unknown): T[] {
  return Array.isArray(raw) ? (raw.filter((item) => typeof item === 'object' && item !== null) as T[]) : [];
}

/**
 * Households the user may read, counted per kecamatan and classification:
 * GET /items/households?aggregate[count]=id&groupBy=kecamatan,classification&limit=-1
 * (grouped by the denormalised kecamatan column: Directus cannot group by a relation path, and returns only
 * `limit` groups, so limit=-1). A user without read access to households sees none.
 */
export async function readHouseholdCountGroups(directus: UserDirectus): Promise<HouseholdCountGroup[]> {
  try {
    const raw: unknown = await directus.request(
      aggregate('households', {
        aggregate: { count: 'id' },
        groupBy: ['kecamatan', 'classification'],
        query: { limit: -1 },
      }),
    );
    return asRecords<HouseholdCountGroup>(raw);
  } catch (error) {
    if (classifyDirectusError(error) === 'forbidden') return [];
    throw error;
  }
}

/** Kecamatan codes and names (reference data every role reads); empty if unreadable, codes are shown then. */
export async function readKecamatanNames(directus: UserDirectus): Promise<KecamatanName[]> {
  try {
    const raw: unknown = await directus.request(
      readItems('kecamatan', { fields: ['code', 'name'], limit: -1 }),
    );
    return asRecords<KecamatanName>(raw);
  } catch (error) {
    if (classifyDirectusError(error) === 'forbidden') return [];
    throw error;
  }
}

/** Live household counts per kecamatan and classification, under the user's own permissions. */
export async function readClassificationSummary(directus: UserDirectus): Promise<ClassificationSummary> {
  const [groups, kecamatan] = await Promise.all([
    readHouseholdCountGroups(directus),
    readKecamatanNames(directus),
  ]);
  return buildClassificationSummary(groups, kecamatan);
}
