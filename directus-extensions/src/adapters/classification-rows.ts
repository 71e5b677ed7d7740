import type { SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import type { ClassificationBasis, Indicator, PovertyLine } from '@siap-pd/core/types';

export type Row = Record<string, unknown>;

type Kind = 'boolean' | 'json' | 'number' | 'date';

/**
 * Turns raw knex rows into the values Directus itself would return, using the field types of the
 * schema: SQLite booleans 0/1 -> true/false, JSON text -> values (Directus stores a JSON string as
 * plain text: what does not parse stays text), PostgreSQL bigInteger/decimal text -> numbers,
 * timestamps and dates (SQLite keeps epoch milliseconds) -> ISO text. Unknown columns pass as they are.
 * `numbersAsText: false` (the database returns numbers as numbers, e.g. SQLite) skips the numbers.
 * `skip` leaves the named columns as stored; `only` converts the named columns alone. Reading a row
 * twice changes nothing, so a column skipped at first can be read later by a reader with `only`.
 */
export function createRowReader(
  schema: SchemaOverview,
  collection: string,
  options: { numbersAsText?: boolean; skip?: readonly string[]; only?: readonly string[] } = {},
): (row: Row) => Row {
  const fields = schema.collections[collection]?.fields ?? {};
  const conversions: Array<[string, Kind]> = [];
  for (const [name, field] of Object.entries(fields)) {
    if (options.skip?.includes(name) === true || options.only?.includes(name) === false) continue;
    const kind = kindOf(field.type);
    // SQLite returns numbers as numbers: only PostgreSQL (bigInteger, decimal as text) needs them read
    if (kind === 'number' && options.numbersAsText === false) continue;
    if (kind !== null) conversions.push([name, kind]);
  }
  // the rows of one query share their columns: keep only the conversions of the columns present
  let present: Array<[string, Kind]> | null = null;
  let width = -1;
  return (row) => {
    const keys = Object.keys(row);
    if (present === null || keys.length !== width) {
      width = keys.length;
      present = conversions.filter(([name]) => name in row);
    }
    for (const [name, kind] of present) {
      const value = row[name];
      if (value === null || value === undefined) continue;
      row[name] = convert(kind, value);
    }
    return row;
  };
}

function kindOf(type: string): Kind | null {
  switch (type) {
    case 'boolean':
      return 'boolean';
    case 'json':
    case 'csv':
      return 'json';
    case 'bigInteger':
    case 'integer':
    case 'float':
    case 'decimal':
      return 'number';
    case 'timestamp':
    case 'dateTime':
    case 'date':
      return 'date';
    default:
      return null;
  }
}

function convert(kind: Kind, value: unknown): unknown {
  switch (kind) {
    case 'boolean':
      if (value === 1 || value === '1' || value === 'true') return true;
      if (value === 0 || value === '0' || value === 'false') return false;
      return value;
    case 'json':
      if (typeof value !== 'string') return value;
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return value;
      }
    case 'number':
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        return Number(value);
      return value;
    case 'date': {
      const date = value instanceof Date ? value : typeof value === 'number' ? new Date(value) : null;
      if (date !== null) return Number.isNaN(date.getTime()) ? null : date.toISOString();
      if (typeof value === 'string' && /^\d+$/.test(value)) return new Date(Number(value)).toISOString();
      return value;
    }
  }
}

/** What the engine needs besides the households themselves: settings, lines, rules and agencies. */
export type ClassificationReference = {
  region: string;
  basis: ClassificationBasis;
  /** the active survey round: later rounds do not count yet (null = no limit) */
  surveyRound: number | null;
  lines: PovertyLine[];
  indicators: Indicator[];
  /** sub_kegiatan code -> perangkat_daerah, for the sub_kegiatan the rules link */
  agencyOfSubKegiatan: Record<string, string | null>;
};

/** Reads the reference data with the given knex (a hook's transaction, or the job's connection). */
export async function loadClassificationReference(
  database: Knex,
  schema: SchemaOverview,
): Promise<ClassificationReference> {
  const settings = (await database('planning_settings').first(
    'region_code',
    'survey_round',
    'classification_basis',
  )) as Row | undefined;
  const readLine = createRowReader(schema, 'poverty_lines');
  const lines = (
    (await database('poverty_lines').select(
      'year',
      'region',
      'poverty_line',
      'extreme_poverty_line',
    )) as Row[]
  )
    .map(readLine)
    .map((row) => ({
      year: Number(row['year']),
      region: String(row['region'] ?? ''),
      poverty_line: row['poverty_line'] as number,
      extreme_poverty_line: row['extreme_poverty_line'] as number,
    }));
  const readIndicator = createRowReader(schema, 'indicators');
  const indicators = ((await database('indicators').select('*').orderBy('key')) as Row[])
    .map(readIndicator)
    .map(toIndicator);
  const codes = [
    ...new Set(
      indicators.map((indicator) => indicator.sub_kegiatan).filter((code): code is string => !!code),
    ),
  ];
  const agencyOfSubKegiatan: Record<string, string | null> = {};
  for (let i = 0; i < codes.length; i += 500) {
    const rows = (await database('sub_kegiatan')
      .whereIn('code', codes.slice(i, i + 500))
      .select('code', 'perangkat_daerah')) as Row[];
    for (const row of rows)
      agencyOfSubKegiatan[String(row['code'])] = (row['perangkat_daerah'] as string | null) ?? null;
  }
  const basis = settings?.['classification_basis'] === 'expenditure' ? 'expenditure' : 'income';
  const round = settings?.['survey_round'];
  return {
    region: String(settings?.['region_code'] ?? ''),
    basis,
    surveyRound: round === null || round === undefined || round === '' ? null : Number(round),
    lines,
    indicators,
    agencyOfSubKegiatan,
  };
}

function toIndicator(row: Row): Indicator {
  const appliesTo = row['applies_to'];
  return {
    key: String(row['key']),
    label: String(row['label'] ?? row['key']),
    category: String(row['category'] ?? ''),
    field: (row['field'] as string | null) ?? null,
    operator: (row['operator'] as Indicator['operator']) ?? null,
    value: row['value'] ?? null,
    condition: (row['condition'] as Indicator['condition']) ?? null,
    quantity_field: (row['quantity_field'] as string | null) ?? null,
    applies_to: Array.isArray(appliesTo) ? (appliesTo as Indicator['applies_to']) : null,
    sub_kegiatan: (row['sub_kegiatan'] as string | null) ?? null,
    active: row['active'] === true,
    weight: (row['weight'] as number | null) ?? null,
    note: (row['note'] as string | null) ?? null,
  };
}
