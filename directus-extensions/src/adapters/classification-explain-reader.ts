import type { Accountability, EndpointExtensionContext, SchemaOverview } from '@directus/types';
import { explainHousehold, type HouseholdExplanation } from '@siap-pd/core/explain-household';
import type { ExplainHouseholdInput } from '@siap-pd/core/explain-household';
import { loadClassificationReference, type Row } from './classification-rows.ts';

interface RequestWithDirectus {
  accountability?: Accountability | null;
  schema?: SchemaOverview;
}

const HOUSEHOLD_FIELDS = [
  'id',
  'head_name',
  'desa',
  'kecamatan',
  'classification',
  'classification_reason',
  'income_per_capita',
  'classification_basis',
  'poverty_line_used',
  'extreme_line_used',
  'classified_survey',
  'classified_at',
  'need_count',
];
const NEED_FIELDS = [
  'id',
  'indicator',
  'status',
  'quantity',
  'category',
  'sub_kegiatan',
  'perangkat_daerah',
  'no_longer_detected',
];

export type ExplainAnswer = {
  household: {
    id: number;
    head_name: string | null;
    desa: string | null;
    kecamatan: string | null;
    need_count: number | null;
  };
} & HouseholdExplanation;

/**
 * Reads what explains a household through ItemsService with the caller's accountability, so
 * Directus permissions apply: a household the caller may not read is refused (403), a survey the
 * caller may not read (agencies) leaves the answers out, only the needs the caller may read are
 * explained, and no NIK or No. KK is ever read. Only the reference data (rules, lines, settings:
 * readable by every role) is read directly.
 */
export async function readHouseholdExplanation(
  context: EndpointExtensionContext,
  req: unknown,
  id: string,
): Promise<ExplainAnswer> {
  const { accountability, schema: requestSchema } = req as RequestWithDirectus;
  const schema = requestSchema ?? (await context.getSchema());
  const { ItemsService } = context.services;
  const service = (collection: string) =>
    new ItemsService(collection, { schema, accountability: accountability ?? null });

  const household = (await service('households').readOne(id, { fields: HOUSEHOLD_FIELDS })) as Row;

  let survey: ExplainHouseholdInput['survey'] = null;
  const surveyId = household['classified_survey'];
  if (surveyId !== null && surveyId !== undefined) {
    try {
      const row = (await service('surveys').readOne(surveyId as number, { fields: ['*'] })) as Row;
      survey = {
        id: Number(row['id']),
        round: toNumber(row['round']),
        status: (row['status'] as string) ?? null,
        answers: row,
      };
    } catch (error) {
      if (!isForbidden(error)) throw error;
      survey = { id: Number(surveyId), round: null, status: null, answers: null };
    }
  }

  let needs: Row[] = [];
  try {
    needs = (await service('needs').readByQuery({
      filter: { household: { _eq: id } },
      fields: NEED_FIELDS,
      sort: ['id'],
      limit: -1,
    })) as Row[];
  } catch (error) {
    if (!isForbidden(error)) throw error;
  }

  const reference = await loadClassificationReference(context.database, schema);
  const explanation = explainHousehold({
    household: {
      classification:
        (household['classification'] as ExplainHouseholdInput['household']['classification']) ?? null,
      classification_reason: (household['classification_reason'] as string | null) ?? null,
      income_per_capita: (household['income_per_capita'] as number | string | null) ?? null,
      classification_basis:
        (household['classification_basis'] as ExplainHouseholdInput['household']['classification_basis']) ??
        null,
      poverty_line_used: (household['poverty_line_used'] as number | string | null) ?? null,
      extreme_line_used: (household['extreme_line_used'] as number | string | null) ?? null,
      classified_survey: toNumber(household['classified_survey']),
      classified_at: (household['classified_at'] as string | null) ?? null,
    },
    survey,
    region: reference.region,
    lines: reference.lines,
    indicators: reference.indicators,
    needs: needs.map((need) => ({
      id: Number(need['id']),
      indicator: String(need['indicator']),
      status: need['status'] as ExplainHouseholdInput['needs'][number]['status'],
      quantity: (need['quantity'] as number | string | null) ?? null,
      category: (need['category'] as string | null) ?? null,
      sub_kegiatan: (need['sub_kegiatan'] as string | null) ?? null,
      perangkat_daerah: (need['perangkat_daerah'] as string | null) ?? null,
      no_longer_detected: need['no_longer_detected'] === true,
    })),
  });
  return {
    household: {
      id: Number(household['id']),
      head_name: (household['head_name'] as string | null) ?? null,
      desa: (household['desa'] as string | null) ?? null,
      kecamatan: (household['kecamatan'] as string | null) ?? null,
      need_count: toNumber(household['need_count']),
    },
    ...explanation,
  };
}

function isForbidden(error: unknown): boolean {
  const e = error as { status?: number; code?: string } | null;
  return e?.status === 403 || e?.code === 'FORBIDDEN';
}

function toNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
