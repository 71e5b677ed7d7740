import type { EndpointExtensionContext } from '@directus/extensions';
import type { Accountability, SchemaOverview } from '@directus/types';

interface RequestWithDirectus {
  accountability?: Accountability | null;
  schema?: SchemaOverview;
}

export interface ClassificationCount {
  kecamatan: string | null;
  classification: string | null;
  count: number;
}

/** Reads household aggregates through Directus's ItemsService, so the caller's permissions apply. */
export function createHouseholdStatsReader(context: EndpointExtensionContext, req: unknown) {
  const { accountability, schema } = req as RequestWithDirectus;
  const { ItemsService } = context.services as {
    ItemsService: new (
      collection: string,
      options: { schema: SchemaOverview | undefined; accountability: Accountability | null | undefined },
    ) => { readByQuery(query: Record<string, unknown>): Promise<Record<string, unknown>[]> };
  };
  const households = new ItemsService('households', { schema, accountability });
  return {
    async countByKecamatanAndClassification(): Promise<ClassificationCount[]> {
      const rows = await households.readByQuery({
        aggregate: { count: ['id'] },
        groupBy: ['kecamatan', 'classification'],
        limit: -1,
      });
      return rows.map((row) => ({
        kecamatan: (row['kecamatan'] as string | null) ?? null,
        classification: (row['classification'] as string | null) ?? null,
        count: Number((row['count'] as Record<string, unknown> | undefined)?.['id'] ?? 0),
      }));
    },
  };
}
