import { customEndpoint, uploadFiles } from '@directus/sdk';
import type { ClassifiedSurvey } from '@siap-pd/core/build-transition-matrix';
import { readKey, readNumber, readText } from '../aggregate.ts';
import type { Row } from '../aggregate.ts';
import {
  INTERVENTION_FIELDS,
  QUARTER_LABELS,
  REPORT_FIELDS,
  TRANSITION_SURVEY_FIELDS,
  toClassifiedSurveys,
  toInterventionRecords,
  toReportRecords,
} from '../monitoring.ts';
import type { InterventionRecord, ReportInput, ReportRecord } from '../monitoring.ts';
import type { UserDirectus } from './directus-types.ts';
import { refusalOf } from './directus-refusal.ts';
import type { ItemsQuery } from './items.ts';
import { readRowOrThrow, readRows, unlessForbidden } from './items.ts';

const CHUNK = 5000;

/** Every row of a query, read in pages of CHUNK (sorted by id so pages do not overlap). */
async function readEveryRow(directus: UserDirectus, collection: string, query: ItemsQuery): Promise<Row[]> {
  const rows: Row[] = [];
  for (let offset = 0; ; offset += CHUNK) {
    const page = await readRows(directus, collection, { ...query, sort: ['id'], limit: CHUNK, offset });
    rows.push(...page);
    if (page.length < CHUNK) return rows;
  }
}

/**
 * The interventions of a fiscal year and their reports of that year, as the user may read them
 * (an agency sees its own). `agency` narrows to one perangkat daerah. null when the user may not
 * read interventions at all.
 */
export async function readMonitoringRecords(
  directus: UserDirectus,
  options: { fiscalYear: number; agency: string | null },
): Promise<{ interventions: InterventionRecord[]; reports: ReportRecord[] } | null> {
  const agencyFilter = options.agency === null ? [] : [{ perangkat_daerah: { _eq: options.agency } }];
  return unlessForbidden(
    Promise.all([
      readEveryRow(directus, 'interventions', {
        fields: INTERVENTION_FIELDS,
        filter: { _and: [{ fiscal_year: { _eq: options.fiscalYear } }, ...agencyFilter] },
      }),
      unlessForbidden(
        readEveryRow(directus, 'intervention_reports', {
          fields: REPORT_FIELDS,
          filter: { _and: [{ fiscal_year: { _eq: options.fiscalYear } }, ...agencyFilter] },
        }),
        [],
      ),
    ]).then(([interventions, reports]) => ({
      interventions: toInterventionRecords(interventions),
      reports: toReportRecords(reports),
    })),
    null,
  );
}

/** Fiscal years that have interventions (for the year filter), newest first. */
export async function readInterventionYears(directus: UserDirectus): Promise<number[]> {
  const rows = await unlessForbidden(
    readRows(directus, 'interventions', {
      aggregate: { count: ['id'] },
      groupBy: ['fiscal_year'],
      limit: -1,
    }),
    [],
  );
  return rows
    .flatMap((row) => {
      const year = readNumber(row['fiscal_year']);
      return year === null ? [] : [year];
    })
    .sort((a, b) => b - a);
}

/** Names of the sub-kegiatan by code. */
export async function readSubKegiatanNames(directus: UserDirectus): Promise<Map<string, string>> {
  const rows = await unlessForbidden(
    readRows(directus, 'sub_kegiatan', { fields: ['code', 'name'], limit: -1 }),
    [],
  );
  return new Map(
    rows.flatMap((row) => {
      const code = readKey(row['code']);
      return code === null ? [] : [[code, readText(row['name']) ?? code] as const];
    }),
  );
}

/** Survey rounds with counted (submitted or verified) surveys, oldest first. */
export async function readSurveyRounds(directus: UserDirectus): Promise<number[]> {
  const rows = await unlessForbidden(
    readRows(directus, 'surveys', {
      aggregate: { count: ['id'] },
      groupBy: ['round'],
      filter: { status: { _in: ['submitted', 'verified'] } },
      limit: -1,
    }),
    [],
  );
  return rows
    .flatMap((row) => {
      const round = readNumber(row['round']);
      return round === null ? [] : [round];
    })
    .sort((a, b) => a - b);
}

/**
 * What the transition matrix needs: the counted surveys of two rounds and the households that
 * received an intervention (one in progress or completed, any fiscal year).
 */
export async function readTransitionInput(
  directus: UserDirectus,
  rounds: { from: number; to: number },
): Promise<{ surveys: ClassifiedSurvey[]; intervened: Set<number> }> {
  const [surveys, households] = await Promise.all([
    readEveryRow(directus, 'surveys', {
      fields: TRANSITION_SURVEY_FIELDS,
      filter: {
        _and: [{ round: { _in: [rounds.from, rounds.to] } }, { status: { _in: ['submitted', 'verified'] } }],
      },
    }),
    readRows(directus, 'interventions', {
      aggregate: { count: ['id'] },
      groupBy: ['household'],
      filter: { status: { _in: ['in_progress', 'completed'] } },
      limit: -1,
    }),
  ]);
  return {
    surveys: toClassifiedSurveys(surveys),
    intervened: new Set(
      households.flatMap((row) => {
        const id = readNumber(readKey(row['household']));
        return id === null ? [] : [id];
      }),
    ),
  };
}

export type ReportOutcome =
  | {
      ok: true;
      action: 'created' | 'updated';
      id: number | null;
      /** the evidence file: none sent, attached to the report, or what went wrong (the report is saved) */
      evidence: 'none' | 'attached' | { failed: string };
    }
  | { ok: false; status: number; message: string };

const NOT_YOURS =
  'Intervensi ini tidak dapat Anda laporkan: hanya intervensi perangkat daerah Anda sendiri. Pilih intervensi dari daftar.';

/**
 * Saves a quarterly report as the user: a correction updates the report already sent for that
 * intervention, fiscal year and quarter; otherwise a new report is created. Directus permissions and
 * the SIAP-PD hooks decide (an agency reports only on its own interventions). An evidence file (checked
 * with checkEvidenceFile) is uploaded once the report is saved and becomes its `evidence`, so a refused
 * report leaves no file behind; a correction without a file keeps the evidence it had.
 */
export async function saveInterventionReport(
  directus: UserDirectus,
  input: ReportInput,
  evidence: File | null = null,
): Promise<ReportOutcome> {
  const saved = await saveReport(directus, input);
  if (!saved.ok || evidence === null) return saved;
  if (saved.id === null) return { ...saved, evidence: { failed: 'nomor laporan tidak terbaca' } };
  try {
    const form = new FormData();
    form.append('title', `Bukti laporan ${QUARTER_LABELS[input.quarter]} intervensi #${input.intervention}`);
    form.append('file', evidence, evidence.name);
    const uploaded = (await directus.request(uploadFiles(form, { fields: ['id'] }))) as unknown;
    const file = typeof uploaded === 'object' && uploaded !== null ? readKey((uploaded as Row)['id']) : null;
    if (file === null) return { ...saved, evidence: { failed: 'berkas tidak tersimpan' } };
    await directus.request(
      customEndpoint<unknown>({
        path: `/items/intervention_reports/${saved.id}`,
        method: 'PATCH',
        body: JSON.stringify({ evidence: file }),
      }),
    );
    return { ...saved, evidence: 'attached' };
  } catch (error) {
    const refusal = refusalOf(error, 'Peran Anda tidak dapat mengunggah berkas bukti.');
    if (refusal === null) throw error;
    return { ...saved, evidence: { failed: refusal.message } };
  }
}

async function saveReport(directus: UserDirectus, input: ReportInput): Promise<ReportOutcome> {
  try {
    const intervention = await readRowOrThrow(directus, 'interventions', input.intervention, {
      fields: ['id', 'fiscal_year'],
    });
    const year = readNumber(intervention?.['fiscal_year']);
    if (intervention === null || year === null) return { ok: false, status: 404, message: NOT_YOURS };
    const [existing] = await readRows(directus, 'intervention_reports', {
      fields: ['id'],
      filter: {
        _and: [
          { intervention: { _eq: input.intervention } },
          { fiscal_year: { _eq: year } },
          { quarter: { _eq: String(input.quarter) } },
        ],
      },
      sort: ['-id'],
      limit: 1,
    });
    const values = {
      progress_pct: input.progress_pct,
      realized_cost: input.realized_cost,
      note: input.note,
    };
    const existingId = readNumber(existing?.['id']);
    if (existingId !== null) {
      await directus.request(
        customEndpoint<unknown>({
          path: `/items/intervention_reports/${existingId}`,
          method: 'PATCH',
          body: JSON.stringify(values),
        }),
      );
      return { ok: true, action: 'updated', id: existingId, evidence: 'none' };
    }
    const created = await directus.request(
      customEndpoint<unknown>({
        path: '/items/intervention_reports',
        method: 'POST',
        body: JSON.stringify({
          intervention: input.intervention,
          fiscal_year: year,
          quarter: String(input.quarter),
          ...values,
        }),
      }),
    );
    const id = typeof created === 'object' && created !== null ? readNumber((created as Row)['id']) : null;
    return { ok: true, action: 'created', id, evidence: 'none' };
  } catch (error) {
    const refusal = refusalOf(error, NOT_YOURS);
    if (refusal === null) throw error;
    return { ok: false, status: refusal.status, message: refusal.message };
  }
}
