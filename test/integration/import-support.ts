// Shared by the baseline import and data-quality integration tests: raw HTTP with a CSV body,
// demo-user tokens, fixture numbers that never collide with the demo dataset.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { repoRoot } from '../../scripts/lib/paths.ts';
import { adminApi, DEMO_DOMAIN } from './helpers.ts';

export const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'baseline');

export function fixture(name: string): Buffer {
  return readFileSync(path.join(FIXTURES, name));
}

export function adminToken(): string {
  return inject('adminToken');
}

const tokens = new Map<string, string>();

/** Access token of a demo user (`perencana`, `operator.63.11.07.2002` ...), cached per run. */
export async function tokenOf(localPart: string): Promise<string> {
  const cached = tokens.get(localPart);
  if (cached !== undefined) return cached;
  const res = await fetch(`${inject('directusUrl')}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${localPart}@${DEMO_DOMAIN}`, password: inject('demoPassword') }),
  });
  if (!res.ok) throw new Error(`login ${localPart} -> ${res.status}`);
  const token = ((await res.json()) as { data: { access_token: string } }).data.access_token;
  tokens.set(localPart, token);
  return token;
}

export type ImportAnswer = {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: { row: number; field: string | null; message: string }[];
  warnings: { row: number; field: string | null; message: string }[];
  warning_count: number;
  job: number;
  rows: number;
  chunks: number;
  separator: string | null;
  encoding: string;
  file_name: string | null;
  columns: {
    headers: string[];
    recognised: (string | null)[];
    extra: string[];
    absent_optional: string[];
  } | null;
};

export type ErrorAnswer = {
  errors: { message: string; extensions: { code: string; [key: string]: unknown } }[];
};

/** `json` is the parsed body: `{ data }` of our endpoints, `{ errors }` on refusal. */
export type HttpAnswer = { status: number; json: unknown; text: string; bytes: Uint8Array; headers: Headers };

export function dataOf<T>(answer: HttpAnswer): T {
  if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${answer.text.slice(0, 500)}`);
  return (answer.json as { data: T }).data;
}

export function errorOf(answer: HttpAnswer): ErrorAnswer['errors'][number] {
  const first = (answer.json as ErrorAnswer | null)?.errors?.[0];
  if (first === undefined) throw new Error(`no error in HTTP ${answer.status}: ${answer.text.slice(0, 300)}`);
  return first;
}

export async function http(
  method: string,
  pathAndQuery: string,
  options: {
    token?: string | null;
    body?: RequestInit['body'];
    contentType?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<HttpAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? adminToken() : options.token;
  if (token !== null) headers['authorization'] = `Bearer ${token}`;
  if (options.contentType !== undefined) headers['content-type'] = options.contentType;
  const res = await fetch(`${inject('directusUrl')}${pathAndQuery}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: options.body }),
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // CSV or empty
  }
  return { status: res.status, json, text, bytes, headers: res.headers };
}

/** POST a CSV body to the baseline import (or its preview). */
export function postCsv(
  body: Buffer | string,
  options: {
    token?: string | null;
    query?: string;
    preview?: boolean;
    headers?: Record<string, string>;
  } = {},
): Promise<HttpAnswer> {
  const route = options.preview === true ? '/siap-pd/import/baseline/preview' : '/siap-pd/import/baseline';
  return http('POST', `${route}${options.query === undefined ? '' : `?${options.query}`}`, {
    ...(options.token === undefined ? {} : { token: options.token }),
    body: typeof body === 'string' ? body : new Uint8Array(body),
    contentType: 'text/csv',
    ...(options.headers === undefined ? {} : { headers: options.headers }),
  });
}

export const HEADER = 'id_keluarga;no_kk;nik_kepala;nama_kepala;alamat;kode_desa;desil;jumlah_anggota';

/**
 * Valid, unique baseline rows for generated files (up to 4704 per series). Numbers start with 631198
 * (no such kecamatan: never in the demo data); `series` (1-9999) keeps separate tests apart.
 */
export function generatedRows(series: number, count: number, desa = '6311072002'): string[] {
  return Array.from({ length: count }, (_, i) => {
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 12);
    // the date part differs for every i below 4704; the serial keeps series apart
    const serial = String(series).padStart(4, '0');
    const yy = String(10 + (Math.floor(i / 336) % 14)).padStart(2, '0');
    const birth = String(60 + (Math.floor(i / 336) % 39)).padStart(2, '0');
    const kk = `631198${pad(day)}${pad(month)}${yy}${serial}`;
    const nik = `631198${pad(day)}${pad(month)}${birth}${serial}`;
    return `G${series}-${i};${kk};${nik};Kepala Uji ${series}-${i};Jl. Uji ${i};${desa};${1 + (i % 10)};${1 + (i % 6)}`;
  });
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Households of generated and fixture numbers, for cleaning up after a test file. */
export async function deleteTestHouseholds(): Promise<void> {
  const admin = adminApi();
  for (const filter of [
    'filter[no_kk][_starts_with]=631198',
    'filter[no_kk][_starts_with]=631199',
    'filter[p3ke_id][_starts_with]=CONTOH-',
  ]) {
    for (;;) {
      const rows = await admin.get<{ id: number }[]>(`/items/households?${filter}&fields=id&limit=500`);
      if (rows.length === 0) break;
      await admin.delete(
        '/items/households',
        rows.map((r) => r.id),
      );
    }
  }
}

export type StoredHousehold = {
  id: number;
  no_kk: string | null;
  head_nik: string | null;
  head_name: string | null;
  address: string | null;
  desa: string | null;
  kecamatan: string | null;
  member_count: number | null;
  source: string | null;
  p3ke_id: string | null;
  dtsen_id: string | null;
  p3ke_decile: number | null;
  dtsen_decile: number | null;
  baseline_disposition: string | null;
  quality_flags: string[] | null;
  user_created: string | null;
  members: {
    id: number;
    nik: string | null;
    name: string | null;
    relation: string | null;
    sex: string | null;
    desa: string | null;
  }[];
  [field: string]: unknown;
};

export async function household(noKk: string): Promise<StoredHousehold | null> {
  const rows = await adminApi().get<StoredHousehold[]>(
    `/items/households?filter[no_kk][_eq]=${noKk}&fields=*,members.id,members.nik,members.name,members.relation,members.sex,members.desa&limit=1`,
  );
  return rows[0] ?? null;
}
