import type { EndpointExtensionContext } from '@directus/extensions';
import type { Accountability, SchemaOverview } from '@directus/types';
import { itemsReader } from './items-reader.ts';

interface RequestWithDirectus {
  accountability?: Accountability | null;
  schema?: SchemaOverview;
}

export type StatsLevel = 'kecamatan' | 'desa';

export interface HouseholdGroup {
  /** kecamatan or desa code, by the level asked */
  area: string | null;
  classification: string | null;
  survey_status: string | null;
  households: number;
  /** sum of member_count (jiwa) */
  people: number;
}

/** Reads household aggregates through Directus's ItemsService, so the caller's permissions apply. */
export function createHouseholdStatsReader(context: EndpointExtensionContext, req: unknown) {
  const { accountability, schema } = req as RequestWithDirectus;
  const households = itemsReader(context, 'households', { schema, accountability });
  return {
    /** Households and people per area, class and survey status (ItemsService names grouping `group`). */
    async countHouseholds(level: StatsLevel, kecamatan: string | null): Promise<HouseholdGroup[]> {
      const rows = await households.readByQuery({
        aggregate: { count: ['id'], sum: ['member_count'] },
        group: [level, 'classification', 'survey_status'],
        ...(kecamatan === null ? {} : { filter: { kecamatan: { _eq: kecamatan } } }),
        limit: -1,
      });
      return rows.map((row) => ({
        area: (row[level] as string | null) ?? null,
        classification: (row['classification'] as string | null) ?? null,
        survey_status: (row['survey_status'] as string | null) ?? null,
        households: Number((row['count'] as Record<string, unknown> | undefined)?.['id'] ?? 0),
        people: Number((row['sum'] as Record<string, unknown> | undefined)?.['member_count'] ?? 0),
      }));
    },
  };
}
