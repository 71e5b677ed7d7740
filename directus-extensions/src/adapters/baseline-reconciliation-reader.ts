import type { Accountability, ApiExtensionContext, SchemaOverview } from '@directus/types';
import type { ReconciledHousehold } from '@siap-pd/core/build-reconciliation-changes-csv';
import type { DispositionCount } from '@siap-pd/core/summarize-reconciliation';
import { itemsReader } from './items-reader.ts';

// Reads households through Directus's ItemsService with the caller's accountability, so the
// caller's permissions decide which households (and which columns) are counted or listed.

type Context = Pick<ApiExtensionContext, 'services'>;

export type RegionFilter = { desa?: string[]; kecamatan?: string[] };

export function regionFilter(scope: RegionFilter): Record<string, unknown>[] {
  const filters: Record<string, unknown>[] = [];
  if (scope.desa !== undefined && scope.desa.length > 0) filters.push({ desa: { _in: scope.desa } });
  if (scope.kecamatan !== undefined && scope.kecamatan.length > 0)
    filters.push({ kecamatan: { _in: scope.kecamatan } });
  return filters;
}

const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

/** Households counted per desa, kecamatan, source and recorded disposition, as the caller may see them. */
export async function countDispositions(
  context: Context,
  request: { schema: SchemaOverview | undefined; accountability: Accountability | null | undefined },
  scope: RegionFilter = {},
): Promise<DispositionCount[]> {
  const filters = regionFilter(scope);
  const rows = await itemsReader(context, 'households', {
    schema: request.schema,
    accountability: request.accountability,
  }).readByQuery({
    aggregate: { count: ['id'] },
    group: ['desa', 'kecamatan', 'source', 'baseline_disposition'],
    ...(filters.length > 0 ? { filter: { _and: filters } } : {}),
    limit: -1,
  });
  return rows.map((row) => ({
    desa: text(row['desa']),
    kecamatan: text(row['kecamatan']),
    source: text(row['source']),
    disposition: text(row['baseline_disposition']),
    count: Number((row['count'] as Record<string, unknown> | undefined)?.['id'] ?? 0),
  }));
}

/** Households that may be changes for the national registry (core decides which are). */
export async function readReconciledHouseholds(
  context: Context,
  request: { schema: SchemaOverview | undefined; accountability: Accountability | null | undefined },
  scope: RegionFilter = {},
): Promise<ReconciledHousehold[]> {
  const filters = [
    {
      _or: [
        { baseline_disposition: { _nnull: true } },
        { source: { _eq: 'new' } },
        { source: { _null: true } },
      ],
    },
    ...regionFilter(scope),
  ];
  const rows = await itemsReader(context, 'households', {
    schema: request.schema,
    accountability: request.accountability,
  }).readByQuery({
    fields: [
      'no_kk',
      'head_nik',
      'head_name',
      'address',
      'desa',
      'kecamatan',
      'source',
      'p3ke_id',
      'dtsen_id',
      'baseline_disposition',
      'related_household.no_kk',
      'related_household.head_name',
    ],
    filter: { _and: filters },
    sort: ['desa', 'id'],
    limit: -1,
  });
  return rows.map((row) => {
    const related = row['related_household'] as Record<string, unknown> | null | undefined;
    return {
      no_kk: text(row['no_kk']),
      head_nik: text(row['head_nik']),
      head_name: text(row['head_name']),
      address: text(row['address']),
      desa: text(row['desa']),
      kecamatan: text(row['kecamatan']),
      source: text(row['source']),
      p3ke_id: text(row['p3ke_id']),
      dtsen_id: text(row['dtsen_id']),
      disposition: text(row['baseline_disposition']),
      related:
        related !== null && typeof related === 'object'
          ? { no_kk: text(related['no_kk']), head_name: text(related['head_name']) }
          : null,
    };
  });
}

/** Households with a verified survey of the round, per desa, among those that should be surveyed. */
export async function countVerifiedHouseholds(
  context: Context,
  request: { schema: SchemaOverview | undefined; accountability: Accountability | null | undefined },
  round: number,
  notExpected: readonly string[],
  scope: RegionFilter = {},
): Promise<{ desa: string | null; count: number }[]> {
  const filters: Record<string, unknown>[] = [
    { status: { _eq: 'verified' } },
    { round: { _eq: round } },
    {
      household: {
        _or: [
          { baseline_disposition: { _null: true } },
          { baseline_disposition: { _nin: [...notExpected] } },
        ],
      },
    },
  ];
  if (scope.desa !== undefined && scope.desa.length > 0) filters.push({ desa: { _in: scope.desa } });
  if (scope.kecamatan !== undefined && scope.kecamatan.length > 0) {
    filters.push({ household: { kecamatan: { _in: scope.kecamatan } } });
  }
  const rows = await itemsReader(context, 'surveys', {
    schema: request.schema,
    accountability: request.accountability,
  }).readByQuery({
    aggregate: { countDistinct: ['household'] },
    group: ['desa'],
    filter: { _and: filters },
    limit: -1,
  });
  return rows.map((row) => ({
    desa: text(row['desa']),
    count: Number((row['countDistinct'] as Record<string, unknown> | undefined)?.['household'] ?? 0),
  }));
}

/** Households with stored quality flags, as the caller may see them (no NIK or KK columns read). */
export async function readFlaggedHouseholds(
  context: Context,
  request: { schema: SchemaOverview | undefined; accountability: Accountability | null | undefined },
  scope: RegionFilter,
  flag: string | null,
): Promise<{ id: number; head_name: string | null; desa: string | null; kecamatan: string | null }[]> {
  const filters: Record<string, unknown>[] = [{ quality_flags: { _nnull: true } }, ...regionFilter(scope)];
  const rows = await itemsReader(context, 'households', {
    schema: request.schema,
    accountability: request.accountability,
  }).readByQuery({
    fields: ['id', 'head_name', 'desa', 'kecamatan', 'quality_flags'],
    filter: { _and: filters },
    sort: ['desa', 'id'],
    limit: -1,
  });
  return rows
    .filter((row) => {
      const flags = Array.isArray(row['quality_flags']) ? (row['quality_flags'] as unknown[]) : [];
      return flag === null ? flags.length > 0 : flags.includes(flag);
    })
    .map((row) => ({
      id: Number(row['id']),
      head_name: text(row['head_name']),
      desa: text(row['desa']),
      kecamatan: text(row['kecamatan']),
    }));
}
