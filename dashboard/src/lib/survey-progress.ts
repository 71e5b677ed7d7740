import { readAggregate, readNumber } from './aggregate.ts';
import type { Row } from './aggregate.ts';
import { formatDateId } from './table.ts';

export type Granularity = 'week' | 'month';

export interface ProgressPoint {
  /** First day of the period, "2025-08-04" (a Monday for weeks, the 1st for months). */
  start: string;
  /** Shown on the axis: "4 Agu 2025" (week of) or "Agu 2025". */
  label: string;
  /** Surveys submitted or verified with surveyed_at in this period. */
  surveyed: number;
  /** Surveys verified: by verified_at when asked so, else verified surveys by the day they were surveyed. */
  verified: number;
  /** Running totals up to and including this period. */
  surveyedTotal: number;
  verifiedTotal: number;
}

export interface SurveyProgress {
  granularity: Granularity;
  points: ProgressPoint[];
}

/** Survey statuses that count as surveyed (a returned survey does not count; a draft is not finished). */
const COUNTED = new Set(['submitted', 'verified']);
/** Up to this many weeks are shown week by week; a longer span is shown by month. */
export const MAX_WEEKS = 26;
const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

/**
 * The day of a group: the date itself (groupBy on a date field gives "2025-08-04") or `<field>_year`,
 * `<field>_month`, `<field>_day` of a groupBy on year(), month(), day() (for timestamps).
 */
function readDay(group: Row, field: string): number | null {
  const value = group[field];
  if (typeof value === 'string') {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    if (match === null) return null;
    const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    return Number.isFinite(time) ? time : null;
  }
  const year = readNumber(group[`${field}_year`]);
  const month = readNumber(group[`${field}_month`]);
  const day = readNumber(group[`${field}_day`]);
  if (year === null || month === null || day === null) return null;
  const time = Date.UTC(year, month - 1, day);
  return Number.isFinite(time) ? time : null;
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function weekStart(time: number): number {
  const weekday = (new Date(time).getUTCDay() + 6) % 7; // Monday = 0
  return time - weekday * DAY_MS;
}

function monthStart(time: number): number {
  const date = new Date(time);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

function nextPeriod(time: number, granularity: Granularity): number {
  if (granularity === 'week') return time + 7 * DAY_MS;
  const date = new Date(time);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

function periodLabel(time: number, granularity: Granularity): string {
  if (granularity === 'week') return formatDateId(isoDay(time));
  const date = new Date(time);
  return `${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}`;
}

/**
 * Survey progress over time from two surveys aggregates:
 * - surveyedGroups: groupBy [surveyed_at, status], count(id) (surveyed_at is a date: one group per day; the
 *   year()/month()/day() form is read too)
 * - verifiedGroups (optional): groupBy [year(verified_at), month(verified_at), day(verified_at)], count(id), status
 *   verified, to plot verifications by the day they happened; without it, verified surveys are counted by the
 *   day they were surveyed, from surveyedGroups (one query less)
 * Periods are weeks (Monday first) when the span is at most MAX_WEEKS weeks, else months; periods without
 * surveys are kept so the time axis is even. No dated survey gives no points.
 */
export function buildSurveyProgress(
  surveyedGroups: readonly Row[],
  verifiedGroups?: readonly Row[],
): SurveyProgress {
  const surveyedDays: [number, number][] = [];
  for (const group of surveyedGroups) {
    if (!COUNTED.has(String(group['status']))) continue;
    const time = readDay(group, 'surveyed_at');
    const count = readAggregate(group['count'], 'id');
    if (time !== null && count > 0) surveyedDays.push([time, count]);
  }
  const verifiedDays: [number, number][] = [];
  if (verifiedGroups === undefined) {
    // Verified surveys by the day they were surveyed, from the same groups.
    for (const group of surveyedGroups) {
      if (group['status'] !== 'verified') continue;
      const time = readDay(group, 'surveyed_at');
      const count = readAggregate(group['count'], 'id');
      if (time !== null && count > 0) verifiedDays.push([time, count]);
    }
  } else {
    for (const group of verifiedGroups) {
      const time = readDay(group, 'verified_at');
      const count = readAggregate(group['count'], 'id');
      if (time !== null && count > 0) verifiedDays.push([time, count]);
    }
  }
  const times = [...surveyedDays, ...verifiedDays].map(([time]) => time);
  if (times.length === 0) return { granularity: 'week', points: [] };

  const first = Math.min(...times);
  const last = Math.max(...times);
  const weeks = Math.floor((weekStart(last) - weekStart(first)) / (7 * DAY_MS)) + 1;
  const granularity: Granularity = weeks <= MAX_WEEKS ? 'week' : 'month';
  const startOf = granularity === 'week' ? weekStart : monthStart;

  const surveyedBy = new Map<number, number>();
  for (const [time, count] of surveyedDays)
    surveyedBy.set(startOf(time), (surveyedBy.get(startOf(time)) ?? 0) + count);
  const verifiedBy = new Map<number, number>();
  for (const [time, count] of verifiedDays)
    verifiedBy.set(startOf(time), (verifiedBy.get(startOf(time)) ?? 0) + count);

  const points: ProgressPoint[] = [];
  let surveyedTotal = 0;
  let verifiedTotal = 0;
  for (let period = startOf(first); period <= last; period = nextPeriod(period, granularity)) {
    const surveyed = surveyedBy.get(period) ?? 0;
    const verified = verifiedBy.get(period) ?? 0;
    surveyedTotal += surveyed;
    verifiedTotal += verified;
    points.push({
      start: isoDay(period),
      label: periodLabel(period, granularity),
      surveyed,
      verified,
      surveyedTotal,
      verifiedTotal,
    });
  }
  return { granularity, points };
}
