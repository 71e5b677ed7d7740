// Typed readers for the reference CSVs in seed/reference/. Each returns records shaped exactly like the
// Directus collection it seeds (see the data model contract), so a seeder can insert them as they are.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

export type Kecamatan = { code: string; name: string };

export type DesaKind = 'desa' | 'kelurahan';
export type Desa = { code: string; name: string; kecamatan: string; kind: DesaKind };

export type PerangkatDaerah = { id: string; name: string; short_name: string; urusan: string };

export type Strategy = 'kurangi_beban' | 'tingkatkan_pendapatan' | 'kurangi_kantong_kemiskinan';
export type Confidence = 'high' | 'medium' | 'low';

export type SubKegiatan = {
  code: string;
  name: string;
  program: string;
  perangkat_daerah: string;
  strategy: Strategy;
  unit: string | null;
  unit_cost: number | null;
  unit_cost_basis: string | null;
  unit_cost_is_demo: boolean;
  confidence: Confidence;
  active: boolean;
};

export type PovertyLine = {
  year: number;
  region: string;
  poverty_line: number;
  extreme_poverty_line: number;
  source: string;
};

export type IndicatorOperator =
  'eq' | 'neq' | 'in' | 'not_in' | 'lt' | 'lte' | 'gt' | 'gte' | 'is_true' | 'is_false';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type Indicator = {
  key: string;
  label: string;
  category: string;
  field: string;
  operator: IndicatorOperator;
  value: JsonValue;
  condition: JsonValue;
  quantity_field: string | null;
  applies_to: string[];
  sub_kegiatan: string | null;
  weight: number;
  active: boolean;
  note: string | null;
};

/** A demo unit cost: the fields of a sub_kegiatan row it fills (update by code). */
export type DemoUnitCost = {
  code: string;
  unit: string;
  unit_cost: number;
  unit_cost_basis: string;
  unit_cost_is_demo: true;
};

type Row = Record<string, string>;

const STRATEGIES: readonly Strategy[] = [
  'kurangi_beban',
  'tingkatkan_pendapatan',
  'kurangi_kantong_kemiskinan',
];
const CONFIDENCES: readonly Confidence[] = ['high', 'medium', 'low'];
const OPERATORS: readonly IndicatorOperator[] = [
  'eq',
  'neq',
  'in',
  'not_in',
  'lt',
  'lte',
  'gt',
  'gte',
  'is_true',
  'is_false',
];

function readCsv(fileName: string): Row[] {
  const url = new URL(`../../seed/reference/${fileName}`, import.meta.url);
  const text = readFileSync(url, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0];
    throw new Error(`${fileName}: CSV error at row ${first?.row ?? '?'}: ${first?.message ?? 'unknown'}`);
  }
  return parsed.data;
}

function text(row: Row, column: string, fileName: string): string {
  const value = row[column];
  if (value === undefined) throw new Error(`${fileName}: missing column ${column}`);
  return value.trim();
}

function required(row: Row, column: string, fileName: string): string {
  const value = text(row, column, fileName);
  if (value === '') throw new Error(`${fileName}: empty ${column} in ${JSON.stringify(row)}`);
  return value;
}

function optional(row: Row, column: string, fileName: string): string | null {
  const value = text(row, column, fileName);
  return value === '' ? null : value;
}

function integer(value: string, what: string): number {
  if (!/^\d+$/.test(value)) throw new Error(`${what}: not a non-negative integer: ${value}`);
  return Number(value);
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw new Error(`${what}: unexpected value ${value}`);
  return found;
}

function json(value: string | null, what: string): JsonValue {
  if (value === null) return null;
  try {
    return JSON.parse(value) as JsonValue;
  } catch {
    throw new Error(`${what}: invalid JSON ${value}`);
  }
}

function isString(value: JsonValue): value is string {
  return typeof value === 'string';
}

function boolean(value: string, what: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new Error(`${what}: not a boolean: ${value}`);
}

const WILAYAH = 'wilayah_balangan.csv';

export function readKecamatan(): Kecamatan[] {
  return readCsv(WILAYAH)
    .filter((row) => text(row, 'tingkat', WILAYAH) === 'kecamatan')
    .map((row) => ({ code: required(row, 'kode', WILAYAH), name: required(row, 'nama', WILAYAH) }));
}

export function readDesa(): Desa[] {
  return readCsv(WILAYAH)
    .filter((row) => ['desa', 'kelurahan'].includes(text(row, 'tingkat', WILAYAH)))
    .map((row) => ({
      code: required(row, 'kode', WILAYAH),
      name: required(row, 'nama', WILAYAH),
      kecamatan: required(row, 'kode_induk', WILAYAH),
      kind: text(row, 'tingkat', WILAYAH) === 'kelurahan' ? 'kelurahan' : 'desa',
    }));
}

export function readPerangkatDaerah(): PerangkatDaerah[] {
  const file = 'perangkat_daerah.csv';
  return readCsv(file).map((row) => ({
    id: required(row, 'id', file),
    name: required(row, 'nama', file),
    short_name: required(row, 'singkatan', file),
    urusan: required(row, 'urusan', file),
  }));
}

export function readSubKegiatan(): SubKegiatan[] {
  const file = 'sub_kegiatan_pke.csv';
  return readCsv(file).map((row) => {
    const code = required(row, 'kode', file);
    const cost = optional(row, 'biaya_satuan', file);
    return {
      code,
      name: required(row, 'nama', file),
      program: required(row, 'program', file),
      perangkat_daerah: required(row, 'perangkat_daerah', file),
      strategy: oneOf(required(row, 'strategi', file), STRATEGIES, `${file} ${code} strategi`),
      unit: optional(row, 'satuan', file),
      unit_cost: cost === null ? null : integer(cost, `${file} ${code} biaya_satuan`),
      unit_cost_basis: optional(row, 'dasar_biaya', file),
      unit_cost_is_demo: false,
      confidence: oneOf(required(row, 'keyakinan', file), CONFIDENCES, `${file} ${code} keyakinan`),
      active: true,
    };
  });
}

export function readPovertyLines(): PovertyLine[] {
  const file = 'garis_kemiskinan.csv';
  return readCsv(file).map((row) => {
    const year = required(row, 'tahun', file);
    const note = optional(row, 'catatan', file);
    const confidence = required(row, 'keyakinan', file);
    return {
      year: integer(year, `${file} tahun`),
      region: required(row, 'wilayah', file),
      poverty_line: integer(required(row, 'garis_kemiskinan', file), `${file} ${year} garis_kemiskinan`),
      extreme_poverty_line: integer(
        required(row, 'garis_kemiskinan_ekstrem', file),
        `${file} ${year} garis_kemiskinan_ekstrem`,
      ),
      source: `${note ?? 'tanpa catatan'} (keyakinan: ${confidence})`,
    };
  });
}

export function readIndicators(): Indicator[] {
  const file = 'indicators.csv';
  return readCsv(file).map((row) => {
    const key = required(row, 'key', file);
    const what = `${file} ${key}`;
    const appliesTo = json(required(row, 'applies_to', file), `${what} applies_to`);
    if (!Array.isArray(appliesTo) || !appliesTo.every(isString)) {
      throw new Error(`${what}: applies_to must be a JSON list of strings`);
    }
    return {
      key,
      label: required(row, 'label', file),
      category: required(row, 'category', file),
      field: required(row, 'field', file),
      operator: oneOf(required(row, 'operator', file), OPERATORS, `${what} operator`),
      value: json(optional(row, 'value', file), `${what} value`),
      condition: json(optional(row, 'condition', file), `${what} condition`),
      quantity_field: optional(row, 'quantity_field', file),
      applies_to: appliesTo.filter(isString),
      sub_kegiatan: optional(row, 'sub_kegiatan', file),
      weight: integer(required(row, 'weight', file), `${what} weight`),
      active: boolean(required(row, 'active', file), `${what} active`),
      note: optional(row, 'note', file),
    };
  });
}

export function readDemoUnitCosts(): DemoUnitCost[] {
  const file = 'demo_unit_costs.csv';
  return readCsv(file).map((row) => {
    const code = required(row, 'kode', file);
    return {
      code,
      unit: required(row, 'satuan', file),
      unit_cost: integer(required(row, 'biaya_satuan', file), `${file} ${code} biaya_satuan`),
      unit_cost_basis: required(row, 'dasar_biaya', file),
      unit_cost_is_demo: true,
    };
  });
}
