import type { SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { changeAffectsNeeds } from '@siap-pd/core/change-affects-needs';
import { computeSurveyResult } from '@siap-pd/core/compute-survey-result';
import { diffColumns } from '@siap-pd/core/diff-columns';
import { evaluateHousehold } from '@siap-pd/core/evaluate-household';
import { listRuleFields } from '@siap-pd/core/list-rule-fields';
import type { HouseholdEvaluation, NeedRow, StoredNeed } from '@siap-pd/core/evaluate-household';
import { pickCountedSurvey } from '@siap-pd/core/pick-counted-survey';
import { summarizeSurveyStatus, type SurveyStatusRef } from '@siap-pd/core/summarize-survey-status';
import type { Classification, SurveyStatus } from '@siap-pd/core/types';
import { clientOf, insertRows, selectRows, updateRows } from './classification-sql.ts';
import { createRowReader, type ClassificationReference, type Row } from './classification-rows.ts';

// The adapter between the pure engine (core/evaluate-household) and the database: it reads a set of
// households with everything the engine needs in a few set-based queries, lets core compute, and
// writes only what changed, again set-based. The same code serves one household inside a save's
// transaction (hooks) and thousands per transaction (bulk jobs).

const HOUSEHOLD_RESULT = [
  'classification',
  'classification_reason',
  'income_per_capita',
  'classification_basis',
  'poverty_line_used',
  'extreme_line_used',
  'classified_survey',
  'need_count',
] as const;
const SURVEY_RESULT = [
  'classification',
  'classification_reason',
  'income_per_capita',
  'poverty_line_used',
  'extreme_line_used',
] as const;
const NEED_MUTABLE = [
  'status',
  'quantity',
  'no_longer_detected',
  'survey',
  'category',
  'sub_kegiatan',
  'perangkat_daerah',
  'desa',
  'kecamatan',
] as const;
const COUNTED_STATUSES: SurveyStatus[] = ['submitted', 'verified'];
/** what the derived metrics (build-facts) are computed from */
const DERIVED_INPUTS = ['member_count', 'monthly_income', 'monthly_expenditure', 'floor_area_m2'];
/** what picking the counted survey and classifying it read (plus the amount of the basis) */
const SURVEY_KEYS = ['id', 'household', 'round', 'status', 'surveyed_at', 'date_created', 'member_count'];
/** the dates pickCountedSurvey orders a household's surveys by */
const PICK_DATES = ['surveyed_at', 'date_created'];
/** the household columns a classification-only pass compares */
const CLASS_RESULT = HOUSEHOLD_RESULT.filter((column) => column !== 'need_count');

export type EngineCounts = {
  households: number;
  /** households whose stored result was rewritten */
  updated: number;
  /** households whose classification changed */
  changed: number;
  needs_evaluated: number;
  needs_opened: number;
  needs_resolved: number;
  needs_reopened: number;
  needs_flagged: number;
  needs_updated: number;
  surveys_updated: number;
};

export function emptyCounts(): EngineCounts {
  return {
    households: 0,
    updated: 0,
    changed: 0,
    needs_evaluated: 0,
    needs_opened: 0,
    needs_resolved: 0,
    needs_reopened: 0,
    needs_flagged: 0,
    needs_updated: 0,
    surveys_updated: 0,
  };
}

export function addCounts(total: EngineCounts, part: EngineCounts): void {
  for (const key of Object.keys(total) as Array<keyof EngineCounts>) total[key] += part[key];
}

export type EvaluateOptions = {
  /** 'all': run the need rules for every household; 'changed': only where the class or counted survey changed */
  needs: 'all' | 'changed';
  /** surveys whose own result is refreshed whatever their status (the survey being saved) */
  surveys?: readonly number[];
  now: Date;
  /** rule problems found (Bahasa Indonesia); collected, never thrown */
  warnings?: Set<string>;
  /** false: leave households.survey_status as it is (jobs whose cause cannot change a survey status) */
  surveyStatus?: boolean;
  /** milliseconds spent per phase, added up (for job logs and the benchmark) */
  profile?: Record<string, number>;
};

type Selection = { ids: readonly number[] } | { from: number; to: number };

type SurveyRow = Row & {
  id: number;
  household: number;
  round: number;
  status: SurveyStatus;
  surveyed_at: string | null;
  date_created: string | null;
};

/**
 * Re-evaluates the selected households (by ids, or every household with from <= id <= to) with
 * the given knex (a transaction: the caller decides its size) and writes the differences.
 */
export async function evaluateHouseholds(
  database: Knex,
  schema: SchemaOverview,
  reference: ClassificationReference,
  selection: Selection,
  options: EvaluateOptions,
): Promise<EngineCounts> {
  const counts = emptyCounts();
  let mark = performance.now();
  const lap = (phase: string): void => {
    const now = performance.now();
    if (options.profile) options.profile[phase] = (options.profile[phase] ?? 0) + (now - mark);
    mark = now;
  };
  const where = <T extends Knex.QueryBuilder>(query: T, column: string): T =>
    ('ids' in selection
      ? query.whereIn(column, [...selection.ids])
      : query.whereBetween(column, [selection.from, selection.to])) as T;

  if ('ids' in selection && selection.ids.length === 0) return counts;
  await lockHouseholds(database, selection);

  const numbersAsText = clientOf(database) !== 'sqlite';
  const whole = 'ids' in selection && selection.ids.length <= 50;
  const allRules = options.needs === 'all';
  // A job that only re-classifies reads what classification compares; the region and need_count
  // are read later, for the few households whose rules run.
  const readHousehold = createRowReader(schema, 'households', { numbersAsText });
  // survey_status (what the household's surveys of the round amount to) lets summaries count
  // surveyed and verified households without reading surveys; it is kept here with the class.
  const keepsSurveyStatus =
    options.surveyStatus !== false && schema.collections['households']?.fields['survey_status'] !== undefined;
  const householdColumns = [
    ...(whole || allRules ? ['id', 'desa', 'kecamatan', ...HOUSEHOLD_RESULT] : ['id', ...CLASS_RESULT]),
    ...(keepsSurveyStatus ? ['survey_status'] : []),
  ];
  const households = (
    await selectRows(database, where(database('households').select(householdColumns), 'id'), householdColumns)
  ).map(readHousehold);
  counts.households = households.length;
  if (households.length === 0) return counts;

  // Surveys by household only (the household index): a status condition would make SQLite walk
  // the status index instead. A save reads its household's surveys whole; a job reads the columns
  // classification needs, plus (all rules) the columns the active rules read.
  const ruleColumns = surveyColumnsForRules(schema, reference);
  // The dates that order a household's surveys are read (epoch milliseconds on SQLite -> ISO text)
  // only where it has two counted surveys to order: converting every row cost a job 0.3 s per
  // 100,000 surveys. A rule reading one of them gets it read for every row.
  const lazyDates = whole ? [] : PICK_DATES.filter((column) => !(allRules && ruleColumns.includes(column)));
  const readSurvey = createRowReader(schema, 'surveys', { numbersAsText, skip: lazyDates });
  const readPickDates = createRowReader(schema, 'surveys', { numbersAsText, only: lazyDates });
  const keyColumns = [
    ...SURVEY_KEYS,
    reference.basis === 'income' ? 'monthly_income' : 'monthly_expenditure',
  ];
  const columns = whole ? ['*'] : allRules ? [...new Set([...keyColumns, ...ruleColumns])] : keyColumns;
  const extra = new Set((options.surveys ?? []).map(Number));
  const allSurveyRows = await selectRows(
    database,
    where(database('surveys').select(columns), 'household'),
    columns,
  );
  const statusesOf = new Map<number, SurveyStatusRef[]>();
  for (const row of keepsSurveyStatus ? allSurveyRows : []) {
    const household = Number(row['household']);
    const list = statusesOf.get(household) ?? [];
    list.push({ id: Number(row['id']), round: Number(row['round']), status: row['status'] as SurveyStatus });
    statusesOf.set(household, list);
  }
  const surveyRows = allSurveyRows
    .filter((row) => COUNTED_STATUSES.includes(row['status'] as SurveyStatus) || extra.has(Number(row['id'])))
    .map((row) => readSurvey(row) as SurveyRow);
  const surveysOf = groupBy(surveyRows, (row) => Number(row.household));
  lap('read');

  // 1. classification of every household (each evaluated once, in step 2, when every rule runs)
  const first = new Map<
    number,
    { household: Row; counted: SurveyRow | null; evaluation: HouseholdEvaluation | null }
  >();
  /** surveys that are not their household's counted one: their own result is computed here */
  const others: SurveyRow[] = [];
  for (const household of households) {
    const id = Number(household['id']);
    const surveys = surveysOf.get(id) ?? [];
    const candidates = surveys.filter((survey) => COUNTED_STATUSES.includes(survey.status));
    if (candidates.length > 1 && lazyDates.length > 0) for (const survey of candidates) readPickDates(survey);
    const counted = pickCountedSurvey(candidates, { maxRound: reference.surveyRound });
    for (const survey of surveys) if (survey !== counted) others.push(survey);
    const evaluation = allRules ? null : evaluate(reference, household, counted, null);
    first.set(id, { household, counted, evaluation });
  }

  // The counted survey's own result is the household's (same answers, same rule): it is copied
  // in SQL after the households are written. Other surveys (older rounds, a draft being saved)
  // are classified here and compared with what they store.
  const surveyWrites: Array<{ id: number; values: Record<string, unknown> }> = [];
  if (others.length > 0 && !whole) {
    const stored = new Map<number, Row>();
    for (const part of chunks(
      others.map((survey) => survey.id),
      2_000,
    )) {
      const rows = (await database('surveys')
        .whereIn('id', part)
        .select(['id', ...SURVEY_RESULT])) as Row[];
      for (const row of rows) stored.set(Number(row['id']), readSurvey(row));
    }
    for (const survey of others) Object.assign(survey, stored.get(survey.id));
  }
  for (const survey of others) {
    const computed = computeSurveyResult({
      answers: survey,
      round: Number(survey.round),
      basis: reference.basis,
      region: reference.region,
      lines: reference.lines,
    });
    const changed = diffColumns(survey, computed);
    if (Object.keys(changed).length > 0) surveyWrites.push({ id: survey.id, values: changed });
  }
  lap('classify');

  // 2. need rules, over the counted surveys' answers
  const needIds = [...first.entries()]
    .filter(([, item]) => {
      const evaluation = item.evaluation;
      if (evaluation === null || 'classified_survey' in evaluation.changes) return true;
      // same answers, another class: the rules run only if one applies to one class and not the other
      const before = (item.household['classification'] as Classification | null | undefined) ?? null;
      return changeAffectsNeeds(reference.indicators, before, evaluation.result.classification);
    })
    .map(([id]) => id);
  const evaluations = new Map<number, HouseholdEvaluation>();
  if (needIds.length > 0) {
    if (!whole && !allRules) {
      // the region (copied onto needs) and need_count of the households whose rules run
      for (const part of chunks(needIds, 2_000)) {
        const rows = (await database('households')
          .whereIn('id', part)
          .select('id', 'desa', 'kecamatan', 'need_count')) as Row[];
        for (const row of rows)
          Object.assign(first.get(Number(row['id']))?.household ?? {}, readHousehold(row));
      }
    }
    await fillMissingKecamatan(
      database,
      needIds.map((id) => first.get(id)?.household).filter((row): row is Row => row !== undefined),
    );
    const answers = new Map<number, Row>();
    if (whole || allRules) {
      for (const row of surveyRows) answers.set(row.id, row);
    } else {
      const countedIds = needIds
        .map((id) => first.get(id)?.counted?.id)
        .filter((id): id is number => id !== undefined);
      const wanted = [...new Set([...keyColumns, ...ruleColumns])];
      const readAnswers = createRowReader(schema, 'surveys', { numbersAsText });
      for (const part of chunks(countedIds, 2_000)) {
        const rows = (await database('surveys').whereIn('id', part).select(wanted)) as Row[];
        for (const row of rows) answers.set(Number(row['id']), readAnswers(row));
      }
    }
    const readNeed = createRowReader(schema, 'needs', { numbersAsText });
    const needColumns = ['id', 'household', 'indicator', ...NEED_MUTABLE];
    const needRows = (
      options.needs === 'all'
        ? await selectRows(database, where(database('needs').select(needColumns), 'household'), needColumns)
        : await loadNeedsOf(database, needIds)
    ).map(readNeed);
    lap('read_needs');
    const needsOf = groupBy(needRows.map(toStoredNeed), (need) => need.household);
    for (const id of needIds) {
      const item = first.get(id);
      if (item === undefined) continue;
      const counted =
        item.counted === null
          ? null
          : ((answers.get(item.counted.id) as SurveyRow | undefined) ?? item.counted);
      const evaluation = evaluate(reference, item.household, counted, needsOf.get(id) ?? []);
      for (const warning of evaluation.warnings) options.warnings?.add(warning);
      evaluations.set(id, evaluation);
    }
    counts.needs_evaluated = needIds.length;
    lap('rules');
  }

  // 3. writes: only what differs from what is stored
  const householdWrites: Array<{ id: number; values: Record<string, unknown> }> = [];
  const needInserts: Record<string, unknown>[] = [];
  const needUpdates: Array<{ id: number; values: Record<string, unknown> }> = [];
  for (const [id, item] of first) {
    const evaluation = evaluations.get(id) ?? item.evaluation;
    const values: Record<string, unknown> = { ...evaluation?.changes };
    if (keepsSurveyStatus) {
      const status = summarizeSurveyStatus(statusesOf.get(id) ?? [], reference.surveyRound);
      if ((item.household['survey_status'] ?? null) !== status) values['survey_status'] = status;
    }
    if (Object.keys(values).length > 0) householdWrites.push({ id, values });
    if (evaluation === null) continue;
    if (evaluation.classChanged) counts.changed += 1;
    const reconciliation = evaluation.reconciliation;
    if (reconciliation === null) continue;
    for (const need of reconciliation.create) needInserts.push(needRow(id, need, options.now));
    counts.needs_opened += reconciliation.create.length;
    for (const update of reconciliation.update) {
      const status = update.changes.status;
      if (status === 'resolved') counts.needs_resolved += 1;
      else if (status === 'open') counts.needs_reopened += 1;
      else if (update.changes.no_longer_detected === true) counts.needs_flagged += 1;
      else counts.needs_updated += 1;
      needUpdates.push({ id: update.id, values: update.changes });
    }
  }
  counts.updated = householdWrites.length;
  counts.surveys_updated = surveyWrites.length;

  await updateRows(database, schema, 'households', householdWrites, { classified_at: options.now });
  lap('write_households');
  await updateRows(database, schema, 'surveys', surveyWrites);
  counts.surveys_updated += await copyResultToCountedSurveys(database, selection);
  lap('write_surveys');
  await insertRows(database, 'needs', needInserts);
  await updateRows(database, schema, 'needs', needUpdates, { date_updated: options.now });
  lap('write_needs');
  return counts;
}

/**
 * Needs carry the household's kecamatan: when the household's own copy is missing, it is taken
 * from its desa (so needs of such a household are still grouped and scoped by kecamatan).
 */
async function fillMissingKecamatan(database: Knex, households: Row[]): Promise<void> {
  const missing = households.filter(
    (row) => (row['kecamatan'] ?? null) === null && (row['desa'] ?? null) !== null,
  );
  if (missing.length === 0) return;
  const codes = [...new Set(missing.map((row) => String(row['desa'])))];
  const kecamatanOf = new Map<string, string | null>();
  for (const part of chunks(codes, 2_000)) {
    const rows = (await database('desa').whereIn('code', part).select('code', 'kecamatan')) as Row[];
    for (const row of rows) kecamatanOf.set(String(row['code']), (row['kecamatan'] as string | null) ?? null);
  }
  for (const row of missing) row['kecamatan'] = kecamatanOf.get(String(row['desa'])) ?? null;
}

/**
 * The counted survey stores the household's own result (the same answers classified by the same
 * rule): copied set-based, only where it differs. Returns how many surveys changed.
 */
async function copyResultToCountedSurveys(database: Knex, selection: Selection): Promise<number> {
  const set = SURVEY_RESULT.map((column) => `"${column}" = h."${column}"`).join(', ');
  const differs = SURVEY_RESULT.map((column) => `"surveys"."${column}" IS DISTINCT FROM h."${column}"`).join(
    ' OR ',
  );
  const scope =
    'ids' in selection ? `h."id" IN (${selection.ids.map(() => '?').join(', ')})` : 'h."id" BETWEEN ? AND ?';
  const bindings = 'ids' in selection ? [...selection.ids] : [selection.from, selection.to];
  const result = (await database.raw(
    `UPDATE "surveys" SET ${set} FROM "households" AS h ` +
      `WHERE h."classified_survey" = "surveys"."id" AND ${scope} AND (${differs}) RETURNING "surveys"."id"`,
    bindings,
  )) as unknown;
  if (Array.isArray(result)) return result.length; // SQLite
  const pg = result as { rowCount?: number | null; rows?: unknown[] } | null;
  return pg?.rowCount ?? pg?.rows?.length ?? 0;
}

/** The survey columns the active rules and the derived metrics read (those that exist). */
function surveyColumnsForRules(schema: SchemaOverview, reference: ClassificationReference): string[] {
  const fields = schema.collections['surveys']?.fields ?? {};
  const wanted = new Set(DERIVED_INPUTS);
  for (const indicator of reference.indicators) {
    if (indicator.active) for (const field of listRuleFields(indicator)) wanted.add(field);
  }
  return [...wanted].filter((field) => Object.hasOwn(fields, field) && fields[field]?.alias !== true);
}

function evaluate(
  reference: ClassificationReference,
  household: Row,
  counted: SurveyRow | null,
  existing: StoredNeed[] | null,
): HouseholdEvaluation {
  return evaluateHousehold({
    household: {
      ...household,
      desa: (household['desa'] as string | null) ?? null,
      kecamatan: (household['kecamatan'] as string | null) ?? null,
    },
    counted: counted === null ? null : { id: counted.id, round: Number(counted.round), answers: counted },
    basis: reference.basis,
    region: reference.region,
    lines: reference.lines,
    needs:
      existing === null
        ? null
        : { indicators: reference.indicators, agencyOfSubKegiatan: reference.agencyOfSubKegiatan, existing },
  });
}

function needRow(
  household: number,
  need: NeedRow & { status: 'open'; no_longer_detected: false },
  now: Date,
) {
  return {
    household,
    indicator: need.indicator,
    survey: need.survey,
    quantity: need.quantity,
    category: need.category,
    sub_kegiatan: need.sub_kegiatan,
    perangkat_daerah: need.perangkat_daerah,
    desa: need.desa,
    kecamatan: need.kecamatan,
    status: need.status,
    no_longer_detected: need.no_longer_detected,
    date_created: now,
    date_updated: now,
  };
}

function toStoredNeed(row: Row): StoredNeed & { household: number } {
  return {
    id: Number(row['id']),
    household: Number(row['household']),
    indicator: String(row['indicator']),
    status: row['status'] as StoredNeed['status'],
    quantity: Number(row['quantity'] ?? 1),
    no_longer_detected: row['no_longer_detected'] === true,
    survey: row['survey'] === null || row['survey'] === undefined ? null : Number(row['survey']),
    category: (row['category'] as string | null) ?? null,
    sub_kegiatan: (row['sub_kegiatan'] as string | null) ?? null,
    perangkat_daerah: (row['perangkat_daerah'] as string | null) ?? null,
    desa: (row['desa'] as string | null) ?? null,
    kecamatan: (row['kecamatan'] as string | null) ?? null,
  };
}

async function loadNeedsOf(database: Knex, households: readonly number[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const part of chunks(households, 2_000)) {
    rows.push(
      ...((await database('needs')
        .whereIn('household', part)
        .select(['id', 'household', 'indicator', ...NEED_MUTABLE])) as Row[]),
    );
  }
  return rows;
}

/**
 * PostgreSQL: lock the households first, so a bulk job and a survey save never evaluate the same
 * household from two snapshots. SQLite has one writer at a time already (and no FOR UPDATE).
 */
async function lockHouseholds(database: Knex, selection: Selection): Promise<void> {
  if (clientOf(database) !== 'postgres' || !database.isTransaction) return;
  const query = database('households').select('id').forUpdate();
  if ('ids' in selection) await query.whereIn('id', [...selection.ids]);
  else await query.whereBetween('id', [selection.from, selection.to]);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [row]);
    else group.push(row);
  }
  return groups;
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
