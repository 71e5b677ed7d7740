import { compareCodes, readAggregate, readKey, readText } from './aggregate.ts';
import type { Row } from './aggregate.ts';
import { SUMMARY_BUCKETS, toSummaryBucket } from './classification.ts';
import type { SummaryBucket } from './classification.ts';
import type { ClassificationSummary } from './classification-summary.ts';

export type BucketCounts = Record<SummaryBucket, number> & { total: number };

/** The figures shown for an area (or the whole scope). */
export interface AreaFigures {
  /** Households the user may see. */
  households: number;
  /** Households from a baseline list (source p3ke or dtsen). */
  baseline: number;
  /** Households that should be surveyed: baseline ones not deceased, duplicate or merged, plus `new` ones. */
  shouldSurvey: number;
  /** Households with a submitted or verified survey of the round; null when the user cannot read surveys. */
  surveyed: number | null;
  /** Households with a verified survey of the round; null when unreadable. */
  verified: number | null;
  /** Verified households among those that should be surveyed (the numerator of valid data). */
  verifiedShould: number | null;
  /** verifiedShould / shouldSurvey in percent; null when unknown or nothing should be surveyed. */
  validPct: number | null;
  /** Households (KK) per classification. */
  kk: BucketCounts;
  /** People (jiwa = sum of member_count) per classification. */
  jiwa: BucketCounts;
}

export interface AreaRow extends AreaFigures {
  /** Area code; null for households without one. */
  code: string | null;
  name: string;
}

export interface AreaSummary {
  rows: AreaRow[];
  totals: AreaFigures;
  /** planning_settings.validity_target_pct. */
  validityTargetPct: number | null;
}

export interface AreaName {
  code?: unknown;
  name?: unknown;
}

/**
 * Grouped aggregates of households, all grouped by the area field first:
 * - classGroups: groupBy [area, classification], aggregate count(id) and sum(member_count)
 * - baselineGroups: groupBy [area, source, baseline_disposition], count(id)
 * - surveyedGroups: groupBy [area], count(id), filtered to households with a submitted/verified survey
 * - verifiedGroups: groupBy [area, source, baseline_disposition], count(id), filtered to households with a
 *   verified survey
 * surveyedGroups and verifiedGroups are null when the user may not read surveys.
 */
export interface AreaSummaryInput {
  areaField: 'kecamatan' | 'desa';
  names: readonly AreaName[];
  classGroups: readonly Row[];
  baselineGroups: readonly Row[];
  surveyedGroups: readonly Row[] | null;
  verifiedGroups: readonly Row[] | null;
  validityTargetPct: number | null;
}

export const NO_AREA_LABEL = 'Tanpa wilayah';

/** Dispositions that take a baseline household out of the households that should be surveyed. */
const NOT_TO_SURVEY = new Set(['deceased', 'duplicate', 'merged']);

export function isBaselineSource(source: unknown): boolean {
  return source === 'p3ke' || source === 'dtsen';
}

/** Whether a household should have been surveyed (the denominator of valid data). */
export function shouldBeSurveyed(source: unknown, disposition: unknown): boolean {
  if (source === 'new') return true;
  if (!isBaselineSource(source)) return false;
  return typeof disposition !== 'string' || !NOT_TO_SURVEY.has(disposition);
}

export function emptyBucketCounts(): BucketCounts {
  return { ekstrem: 0, miskin: 0, tidak_miskin: 0, unclassified: 0, belum: 0, total: 0 };
}

export function emptyFigures(surveysReadable: boolean): AreaFigures {
  return {
    households: 0,
    baseline: 0,
    shouldSurvey: 0,
    surveyed: surveysReadable ? 0 : null,
    verified: surveysReadable ? 0 : null,
    verifiedShould: surveysReadable ? 0 : null,
    validPct: null,
    kk: emptyBucketCounts(),
    jiwa: emptyBucketCounts(),
  };
}

function addNullable(current: number | null, value: number): number | null {
  return current === null ? null : current + value;
}

/** Valid data in percent: verified households that should be surveyed / households that should be surveyed. */
export function validPercent(verifiedShould: number | null, shouldSurvey: number): number | null {
  if (verifiedShould === null || shouldSurvey <= 0) return null;
  return (verifiedShould / shouldSurvey) * 100;
}

/** Shapes the grouped household aggregates into one row per area (in code order) and totals. */
export function buildAreaSummary(input: AreaSummaryInput): AreaSummary {
  const surveysReadable = input.surveyedGroups !== null && input.verifiedGroups !== null;
  const names = new Map<string, string>();
  for (const entry of input.names) {
    const code = readKey(entry.code);
    const name = readText(entry.name);
    if (code !== null && name !== null) names.set(code, name);
  }

  const rows = new Map<string | null, AreaRow>();
  const totals = emptyFigures(surveysReadable);
  const rowOf = (group: Row): AreaRow => {
    const code = readKey(group[input.areaField]);
    let row = rows.get(code);
    if (row === undefined) {
      row = {
        code,
        name: code === null ? NO_AREA_LABEL : (names.get(code) ?? code),
        ...emptyFigures(surveysReadable),
      };
      rows.set(code, row);
    }
    return row;
  };

  for (const group of input.classGroups) {
    const count = readAggregate(group['count'], 'id');
    if (count <= 0) continue;
    const people = Math.max(0, readAggregate(group['sum'], 'member_count'));
    const bucket = toSummaryBucket(group['classification']);
    for (const figures of [rowOf(group), totals]) {
      figures.households += count;
      figures.kk[bucket] += count;
      figures.kk.total += count;
      figures.jiwa[bucket] += people;
      figures.jiwa.total += people;
    }
  }

  for (const group of input.baselineGroups) {
    const count = readAggregate(group['count'], 'id');
    if (count <= 0) continue;
    const baseline = isBaselineSource(group['source']) ? count : 0;
    const should = shouldBeSurveyed(group['source'], group['baseline_disposition']) ? count : 0;
    for (const figures of [rowOf(group), totals]) {
      figures.baseline += baseline;
      figures.shouldSurvey += should;
    }
  }

  for (const group of input.surveyedGroups ?? []) {
    const count = readAggregate(group['count'], 'id');
    if (count <= 0) continue;
    for (const figures of [rowOf(group), totals]) figures.surveyed = addNullable(figures.surveyed, count);
  }

  for (const group of input.verifiedGroups ?? []) {
    const count = readAggregate(group['count'], 'id');
    if (count <= 0) continue;
    const should = shouldBeSurveyed(group['source'], group['baseline_disposition']) ? count : 0;
    for (const figures of [rowOf(group), totals]) {
      figures.verified = addNullable(figures.verified, count);
      figures.verifiedShould = addNullable(figures.verifiedShould, should);
    }
  }

  const sorted = [...rows.values()].sort((a, b) => compareCodes(a.code, b.code));
  for (const figures of [...sorted, totals]) {
    figures.validPct = validPercent(figures.verifiedShould, figures.shouldSurvey);
  }
  return { rows: sorted, totals, validityTargetPct: input.validityTargetPct };
}

/** The household counts of an area summary in the shape of the classification chart and table. */
export function toClassificationSummary(summary: AreaSummary): ClassificationSummary {
  const counts = (source: BucketCounts): BucketCounts => {
    const copy = emptyBucketCounts();
    for (const bucket of SUMMARY_BUCKETS) copy[bucket] = source[bucket];
    copy.total = source.total;
    return copy;
  };
  return {
    rows: summary.rows
      .filter((row) => row.kk.total > 0)
      .map((row) => ({ code: row.code, name: row.name, ...counts(row.kk) })),
    totals: counts(summary.totals.kk),
  };
}

/** Whether valid data reaches the target (null when either is unknown). */
export function meetsValidityTarget(figures: AreaFigures, targetPct: number | null): boolean | null {
  if (figures.validPct === null || targetPct === null) return null;
  return figures.validPct >= targetPct;
}
