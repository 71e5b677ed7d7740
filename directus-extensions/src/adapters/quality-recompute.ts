import type { Knex } from 'knex';
import { computeQualityFlags } from '@siap-pd/core/compute-quality-flags';
import type { QualityFinding, QualityInput, QualitySettings } from '@siap-pd/core/compute-quality-flags';
import { readNumber } from '@siap-pd/core/read-number';
import type { QualityFlag } from '@siap-pd/core/types';

// Reads what the quality rules need for a set of households, runs core's computeQualityFlags and
// writes households.quality_flags where it changed (set-based: one UPDATE per distinct flag set).
// Used by the save hooks (inside the save's transaction), the baseline import (inside each chunk's
// transaction) and POST /siap-pd/quality/recompute (all households, chunk by chunk).

const PAGE = 1_000;
const IN_LIMIT = 500;

export type QualityRecomputeResult = {
  checked: number;
  changed: number;
  /** households per flag after the run (of those checked) */
  flagged: Record<QualityFlag, number>;
};

export async function loadQualitySettings(db: Knex): Promise<QualitySettings> {
  const row = (await db('planning_settings').first('*')) as Record<string, unknown> | undefined;
  const value = (name: string): number | null => readNumber(row?.[name]);
  return {
    regionCode: typeof row?.['region_code'] === 'string' ? row['region_code'] : '',
    bbox: {
      minLat: value('bbox_min_lat'),
      maxLat: value('bbox_max_lat'),
      minLng: value('bbox_min_lng'),
      maxLng: value('bbox_max_lng'),
    },
  };
}

export function emptyFlagCounts(): Record<QualityFlag, number> {
  return {
    nik_outside_region: 0,
    coordinates_outside_region: 0,
    member_count_mismatch: 0,
    nik_ends_with_0000: 0,
    no_kk_missing: 0,
  };
}

/** Stored quality_flags as a list (SQLite returns JSON text, PostgreSQL the parsed value). */
export function readFlags(value: unknown): string[] {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return [];
    }
  }
  return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
}

type HouseholdRow = {
  id: number;
  no_kk: string | null;
  head_nik: string | null;
  head_name: string | null;
  member_count: unknown;
  latitude: unknown;
  longitude: unknown;
  quality_flags: unknown;
};

/** Loads the quality inputs of the given households (all of them found in the table). */
export async function loadQualityInputs(
  db: Knex,
  ids: readonly number[],
  options: { surveyCoordinates: boolean },
): Promise<Map<number, { input: QualityInput; stored: string[]; desa: string | null }>> {
  const result = new Map<number, { input: QualityInput; stored: string[]; desa: string | null }>();
  for (let i = 0; i < ids.length; i += IN_LIMIT) {
    const part = ids.slice(i, i + IN_LIMIT);
    const households = (await db('households')
      .whereIn('id', part)
      .select(
        'id',
        'no_kk',
        'head_nik',
        'head_name',
        'member_count',
        'latitude',
        'longitude',
        'quality_flags',
        'desa',
      )) as (HouseholdRow & {
      desa: string | null;
    })[];
    const members = (await db('household_members')
      .whereIn('household', part)
      .orderBy('id')
      .select('household', 'nik', 'name', 'relation')) as {
      household: number;
      nik: string | null;
      name: string | null;
      relation: string | null;
    }[];
    const surveyColumns = [
      'household',
      'id',
      'round',
      ...(options.surveyCoordinates ? ['latitude', 'longitude'] : []),
    ];
    const surveys = (await db('surveys')
      .whereIn('household', part)
      .orderBy([
        { column: 'round', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .select(surveyColumns)) as { household: number; latitude?: unknown; longitude?: unknown }[];
    const membersOf = new Map<number, QualityInput['members'][number][]>();
    for (const m of members) {
      const list = membersOf.get(Number(m.household)) ?? [];
      list.push({ nik: m.nik, name: m.name, relation: m.relation });
      membersOf.set(Number(m.household), list);
    }
    const latestSurvey = new Map<number, { latitude?: unknown; longitude?: unknown }>();
    for (const s of surveys)
      if (!latestSurvey.has(Number(s.household))) latestSurvey.set(Number(s.household), s);
    for (const h of households) {
      const id = Number(h.id);
      const survey = latestSurvey.get(id);
      result.set(id, {
        stored: readFlags(h.quality_flags),
        desa: h.desa,
        input: {
          no_kk: h.no_kk,
          head_nik: h.head_nik,
          head_name: h.head_name,
          member_count: readNumber(h.member_count),
          latitude: readNumber(h.latitude),
          longitude: readNumber(h.longitude),
          members: membersOf.get(id) ?? [],
          surveyed: survey !== undefined,
          survey_latitude: readNumber(survey?.latitude),
          survey_longitude: readNumber(survey?.longitude),
        },
      });
    }
  }
  return result;
}

/** Recomputes and stores the flags of the given households, in the given connection or transaction. */
export async function recomputeQualityFlags(
  db: Knex,
  ids: readonly number[],
  options: { settings: QualitySettings; surveyCoordinates: boolean },
): Promise<QualityRecomputeResult> {
  const result: QualityRecomputeResult = { checked: 0, changed: 0, flagged: emptyFlagCounts() };
  const unique = [...new Set(ids.filter((id) => Number.isFinite(id)))];
  if (unique.length === 0) return result;
  const inputs = await loadQualityInputs(db, unique, options);
  const changedBy = new Map<string, number[]>();
  for (const [id, { input, stored }] of inputs) {
    const { flags } = computeQualityFlags(input, options.settings);
    result.checked += 1;
    for (const flag of flags) result.flagged[flag] += 1;
    if (flags.join(',') === stored.join(',')) continue;
    const key = flags.length === 0 ? '' : JSON.stringify(flags);
    const list = changedBy.get(key) ?? [];
    list.push(id);
    changedBy.set(key, list);
    result.changed += 1;
  }
  for (const [key, list] of changedBy) {
    for (let i = 0; i < list.length; i += IN_LIMIT) {
      await db('households')
        .whereIn('id', list.slice(i, i + IN_LIMIT))
        .update({ quality_flags: key === '' ? null : key });
    }
  }
  return result;
}

/** Recomputes every household, one transaction per page so saves interleave with the run. */
export async function recomputeAllQualityFlags(
  db: Knex,
  options: { settings: QualitySettings; surveyCoordinates: boolean },
): Promise<QualityRecomputeResult> {
  const total: QualityRecomputeResult = { checked: 0, changed: 0, flagged: emptyFlagCounts() };
  let last = 0;
  for (;;) {
    const page = (
      (await db('households').where('id', '>', last).orderBy('id').limit(PAGE).select('id')) as {
        id: number;
      }[]
    ).map((r) => Number(r.id));
    if (page.length === 0) break;
    const part = await db.transaction((trx) => recomputeQualityFlags(trx, page, options));
    total.checked += part.checked;
    total.changed += part.changed;
    for (const flag of Object.keys(total.flagged) as QualityFlag[]) total.flagged[flag] += part.flagged[flag];
    last = page[page.length - 1] ?? last;
  }
  return total;
}

/** The findings (with messages) of the given households, for the follow-up list. */
export async function readQualityFindings(
  db: Knex,
  ids: readonly number[],
  options: { settings: QualitySettings; surveyCoordinates: boolean },
): Promise<Map<number, { stored: string[]; findings: QualityFinding[]; desa: string | null }>> {
  const inputs = await loadQualityInputs(db, ids, options);
  const out = new Map<number, { stored: string[]; findings: QualityFinding[]; desa: string | null }>();
  for (const [id, { input, stored, desa }] of inputs) {
    out.set(id, { stored, desa, findings: computeQualityFlags(input, options.settings).findings });
  }
  return out;
}
