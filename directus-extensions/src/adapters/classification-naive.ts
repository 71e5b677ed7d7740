import type { ApiExtensionContext, SchemaOverview } from '@directus/types';
import { evaluateHousehold } from '@siap-pd/core/evaluate-household';
import { pickCountedSurvey } from '@siap-pd/core/pick-counted-survey';
import type { SurveyStatus } from '@siap-pd/core/types';
import { createRowReader, loadClassificationReference, type Row } from './classification-rows.ts';

/**
 * The baseline `npm run bench` compares the bulk path with: the same classification, but read and
 * written one household at a time, each write through ItemsService.updateOne (its own transaction,
 * hooks, validation) - what a per-household hook or REST loop would do. Forces the write so every
 * household costs one update. Administrator only (reclassify-routes).
 */
export async function reclassifyOneByOne(
  context: Pick<ApiExtensionContext, 'database' | 'services'>,
  schema: SchemaOverview,
  limit: number,
): Promise<{ households: number; duration_ms: number; per_second: number }> {
  const { database } = context;
  const started = performance.now();
  const reference = await loadClassificationReference(database, schema);
  const households = new context.services.ItemsService('households', { schema, knex: database });
  const readHousehold = createRowReader(schema, 'households');
  const readSurvey = createRowReader(schema, 'surveys');
  const ids = ((await database('households').orderBy('id').limit(limit).select('id')) as Row[]).map((row) =>
    Number(row['id']),
  );
  for (const id of ids) {
    const household = readHousehold((await database('households').where('id', id).first('*')) as Row);
    const surveys = (
      (await database('surveys')
        .where('household', id)
        .whereIn('status', ['submitted', 'verified'])
        .select('*')) as Row[]
    ).map((row) => readSurvey(row) as Row & { id: number; round: number; status: SurveyStatus });
    const counted = pickCountedSurvey(surveys, { maxRound: reference.surveyRound });
    const evaluation = evaluateHousehold({
      household: {
        ...household,
        desa: (household['desa'] as string | null) ?? null,
        kecamatan: (household['kecamatan'] as string | null) ?? null,
      },
      counted: counted === null ? null : { id: counted.id, round: Number(counted.round), answers: counted },
      basis: reference.basis,
      region: reference.region,
      lines: reference.lines,
      needs: null,
    });
    await households.updateOne(id, { ...evaluation.result, classified_at: new Date().toISOString() });
  }
  const duration = performance.now() - started;
  return {
    households: ids.length,
    duration_ms: Math.round(duration),
    per_second: Math.round((ids.length / duration) * 1000),
  };
}
