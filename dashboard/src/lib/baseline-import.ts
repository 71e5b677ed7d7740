import { readKey, readNumber, readText } from './aggregate.ts';
import type { Row } from './aggregate.ts';
import { formatNumberId } from './format.ts';
import type { RoleKey } from './roles.ts';
import type { TableRow } from './table.ts';

// The Impor page (DESIGN "Baseline reconciliation", issue #5): the answers of the bundle's
// /siap-pd/import/baseline(/preview), /reconciliation/progress and /stats/validity routes, checked
// and shaped for tables. Nothing here talks to Directus.

/** Importing a baseline list is for planners and administrators (the endpoint refuses everyone else). */
export function canImportBaseline(role: RoleKey): boolean {
  return role === 'perencana' || role === 'administrator';
}

export const IMPORT_FORBIDDEN =
  'Impor data awal (P3KE/DTSEN) hanya untuk perencana dan administrator. Minta perencana Bappedalitbang bila data awal perlu diperbarui.';

export type BaselineSourceKey = 'p3ke' | 'dtsen';

export const SOURCE_OPTIONS: readonly { value: BaselineSourceKey; label: string }[] = [
  { value: 'p3ke', label: 'P3KE' },
  { value: 'dtsen', label: 'DTSEN' },
];

/** The columns the import reads (DESIGN "Public interfaces"), with what they mean. */
export const BASELINE_COLUMNS: readonly { key: string; label: string; required: boolean }[] = [
  { key: 'id_keluarga', label: 'ID keluarga', required: false },
  { key: 'no_kk', label: 'No. KK', required: true },
  { key: 'nik_kepala', label: 'NIK kepala', required: true },
  { key: 'nama_kepala', label: 'Nama kepala', required: true },
  { key: 'alamat', label: 'Alamat', required: true },
  { key: 'kode_desa', label: 'Kode desa', required: true },
  { key: 'desil', label: 'Desil', required: false },
  { key: 'jumlah_anggota', label: 'Jumlah anggota', required: true },
];

/** Largest file the dashboard forwards (dashboard/server.ts sets BODY_SIZE_LIMIT to match). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** The preview reads the first rows only: the browser sends at most this many bytes of the file. */
export const PREVIEW_BYTES = 64 * 1024;

/** "source=p3ke" or "dtsen"; anything else is refused. */
export function readSource(value: string | null): BaselineSourceKey | null {
  return value === 'p3ke' || value === 'dtsen' ? value : null;
}

/**
 * How many leading bytes of a file to send for the preview: the whole file when it is small, else up
 * to the last line end within `limit` bytes (so no row or UTF-8 character is cut in half).
 */
export function previewLength(bytes: Uint8Array, fileSize: number, limit: number = PREVIEW_BYTES): number {
  if (fileSize <= limit) return Math.min(bytes.length, fileSize);
  const window = bytes.subarray(0, limit);
  const lastLineEnd = window.lastIndexOf(0x0a);
  const lastReturn = window.lastIndexOf(0x0d);
  const end = Math.max(lastLineEnd, lastReturn);
  return end < 0 ? window.length : end + 1;
}

/** A file size as people read it: "850 B", "12,5 KB", "3,2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumberId(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumberId(bytes / 1024, { decimals: 1 })} KB`;
  return `${formatNumberId(bytes / (1024 * 1024), { decimals: 1 })} MB`;
}

/** Elapsed time: "8 detik", "2 menit 5 detik". */
export function formatElapsed(milliseconds: number): string {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000));
  if (seconds < 60) return `${seconds} detik`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} menit` : `${minutes} menit ${rest} detik`;
}

export function separatorLabel(separator: string | null): string {
  switch (separator) {
    case ',':
      return 'koma (,)';
    case ';':
      return 'titik koma (;)';
    case '\t':
      return 'tab';
    default:
      return 'tidak dikenali';
  }
}

// --- Answers of the import routes ----------------------------------------------------------------

export interface RowProblem {
  row: number;
  field: string | null;
  message: string;
}

export interface DetectedColumns {
  headers: string[];
  /** per header: the column it was recognised as (null: not used) */
  recognised: (string | null)[];
  extra: string[];
  absentOptional: string[];
}

export interface BaselinePreview {
  fileName: string | null;
  separator: string | null;
  encoding: string;
  columns: DetectedColumns | null;
  problem: string | null;
  rows: {
    row: number;
    values: Record<string, string>;
    status: string;
    errors: RowProblem[];
    warnings: RowProblem[];
  }[];
  more: boolean;
}

export interface BaselineImportResult {
  job: number | null;
  fileName: string | null;
  source: string | null;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rows: number;
  warningCount: number;
  errors: RowProblem[];
  warnings: RowProblem[];
  separator: string | null;
  encoding: string;
  columns: DetectedColumns | null;
  durationMs: number | null;
}

function asRecord(value: unknown): Row | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Row) : null;
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.map((item) => (typeof item === 'string' ? item : String(item ?? '')))
    : [];
}

function problems(value: unknown): RowProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const record = asRecord(item);
    const row = readNumber(record?.['row']);
    const message = readText(record?.['message']);
    if (record === null || row === null || message === null) return [];
    return [{ row, field: readText(record['field']), message }];
  });
}

function columnsOf(value: unknown): DetectedColumns | null {
  const record = asRecord(value);
  if (record === null) return null;
  const recognised = Array.isArray(record['recognised'])
    ? record['recognised'].map((item) => (typeof item === 'string' && item !== '' ? item : null))
    : [];
  return {
    headers: asStrings(record['headers']),
    recognised,
    extra: asStrings(record['extra']),
    absentOptional: asStrings(record['absent_optional']),
  };
}

/** The answer of POST /siap-pd/import/baseline/preview. */
export function toBaselinePreview(raw: unknown): BaselinePreview {
  const record = asRecord(raw) ?? {};
  const problem = asRecord(record['problem']);
  const rows = Array.isArray(record['rows']) ? record['rows'] : [];
  return {
    fileName: readText(record['file_name']),
    separator: readText(record['separator']) ?? (record['separator'] === '\t' ? '\t' : null),
    encoding: readText(record['encoding']) ?? 'utf-8',
    columns: columnsOf(record['columns']),
    problem: problem === null ? null : readText(problem['message']),
    more: record['more'] === true,
    rows: rows.flatMap((item) => {
      const entry = asRecord(item);
      const row = readNumber(entry?.['row']);
      if (entry === null || row === null) return [];
      const values = asRecord(entry['values']) ?? {};
      return [
        {
          row,
          values: Object.fromEntries(
            Object.entries(values).map(([key, value]) => [key, readText(value) ?? '']),
          ),
          status: readText(entry['status']) ?? 'rejected',
          errors: problems(entry['errors']),
          warnings: problems(entry['warnings']),
        },
      ];
    }),
  };
}

/** The answer of POST /siap-pd/import/baseline. */
export function toBaselineImportResult(raw: unknown): BaselineImportResult {
  const record = asRecord(raw) ?? {};
  const count = (key: string): number => readNumber(record[key]) ?? 0;
  return {
    job: readNumber(record['job']),
    fileName: readText(record['file_name']),
    source: readText(record['source']),
    inserted: count('inserted'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    rejected: count('rejected'),
    rows: count('rows'),
    warningCount: count('warning_count'),
    errors: problems(record['errors']),
    warnings: problems(record['warnings']),
    separator: record['separator'] === '\t' ? '\t' : readText(record['separator']),
    encoding: readText(record['encoding']) ?? 'utf-8',
    columns: columnsOf(record['columns']),
    durationMs: readNumber(record['duration_ms']),
  };
}

export const PREVIEW_STATUS_LABELS: Record<string, string> = {
  insert: 'Baru',
  update: 'Diperbarui',
  unchanged: 'Tidak berubah',
  rejected: 'Ditolak',
};

/** Preview rows as table rows: row number, each baseline column, what the import would do, and why not. */
export function previewTableRows(preview: BaselinePreview): TableRow[] {
  return preview.rows.map((row) => ({
    row: row.row,
    ...Object.fromEntries(BASELINE_COLUMNS.map((column) => [column.key, row.values[column.key] ?? ''])),
    status: PREVIEW_STATUS_LABELS[row.status] ?? row.status,
    notes: [...row.errors, ...row.warnings].map((problem) => problem.message).join(' '),
  }));
}

export function problemTableRows(list: readonly RowProblem[]): TableRow[] {
  return list.map((problem) => ({
    row: problem.row,
    field: problem.field ?? '(seluruh baris)',
    message: problem.message,
  }));
}

/** "no_kk -> No. KK" for the detected-columns list; headers that are not used say so. */
export function columnMapping(columns: DetectedColumns): { header: string; meaning: string }[] {
  return columns.headers.map((header, index) => {
    const key = columns.recognised[index] ?? null;
    const known = BASELINE_COLUMNS.find((column) => column.key === key);
    return { header, meaning: known === undefined ? 'tidak dipakai' : known.label };
  });
}

// --- Past jobs, reconciliation progress, valid data ---------------------------------------------

export const JOB_KIND_LABELS: Record<string, string> = {
  import_baseline: 'Impor data awal',
  import_tagged_budget: 'Impor anggaran tertandai',
  reclassify: 'Klasifikasi ulang',
  recompute_needs: 'Hitung ulang kebutuhan',
  recompute_quality: 'Hitung ulang kualitas data',
  allocation: 'Alokasi anggaran',
  export: 'Ekspor data',
  load_demo: 'Muat data demo',
};

export const JOB_STATUS_LABELS: Record<string, string> = {
  running: 'Berjalan',
  done: 'Selesai',
  failed: 'Gagal',
};

export const IMPORT_JOB_FIELDS = [
  'id',
  'kind',
  'source',
  'file_name',
  'user.first_name',
  'user.last_name',
  'user.email',
  'started_at',
  'finished_at',
  'status',
  'counts',
  'message',
] as const;

function parseJson(value: unknown): Row | null {
  if (typeof value === 'string') {
    try {
      return asRecord(JSON.parse(value));
    } catch {
      return null;
    }
  }
  return asRecord(value);
}

function userName(value: unknown): string {
  const user = asRecord(value);
  if (user === null) return readText(value) ?? '-';
  const name = [readText(user['first_name']), readText(user['last_name'])]
    .filter((part) => part !== null)
    .join(' ');
  return name !== '' ? name : (readText(user['email']) ?? '-');
}

const SOURCE_LABELS: Record<string, string> = {
  p3ke: 'P3KE',
  dtsen: 'DTSEN',
  reconciliation_changes: 'Daftar perubahan',
};

/** A job's source as shown: the baseline lists by name, anything long (a run's scope) shortened. */
function sourceLabel(source: string | null): string {
  if (source === null) return '-';
  const known = SOURCE_LABELS[source];
  if (known !== undefined) return known;
  return source.length > 40 ? `${source.slice(0, 39)}…` : source;
}

/** Rows of import_jobs (read with IMPORT_JOB_FIELDS) for the jobs table; `errorFile` says which have an error file. */
export function toImportJobRows(rows: readonly Row[]): {
  rows: TableRow[];
  errorFile: boolean[];
  ids: number[];
} {
  const result = { rows: [] as TableRow[], errorFile: [] as boolean[], ids: [] as number[] };
  for (const row of rows) {
    const id = readNumber(row['id']);
    if (id === null) continue;
    const kind = readText(row['kind']) ?? '';
    // the counts columns are an import's; other jobs keep their own figures in their message
    const counts = kind === 'import_baseline' ? (parseJson(row['counts']) ?? {}) : {};
    const rejected = readNumber(counts['rejected']);
    const status = readText(row['status']);
    result.ids.push(id);
    result.errorFile.push(kind === 'import_baseline' && rejected !== null && rejected > 0);
    result.rows.push({
      id,
      kind: JOB_KIND_LABELS[kind] ?? kind,
      source: sourceLabel(readText(row['source'])),
      file_name: readText(row['file_name']) ?? '-',
      user: userName(row['user']),
      started_at: readText(row['started_at']),
      status: status === null ? '-' : (JOB_STATUS_LABELS[status] ?? status),
      inserted: readNumber(counts['inserted']),
      updated: readNumber(counts['updated']),
      unchanged: readNumber(counts['unchanged']),
      rejected,
      message: readText(row['message']) ?? '',
    });
  }
  return result;
}

export interface ReconciliationTable {
  rows: TableRow[];
  footer: TableRow | null;
}

const DISPOSITION_KEYS = [
  'found',
  'moved',
  'deceased',
  'split',
  'merged',
  'duplicate',
  'not_found',
  'new',
] as const;

function reconciliationRow(record: Row, label: string): TableRow {
  const dispositions = asRecord(record['dispositions']) ?? {};
  return {
    name: label,
    code: readKey(record['code']) ?? '',
    baseline: readNumber(record['baseline']) ?? 0,
    visited: readNumber(record['visited']) ?? 0,
    pending: readNumber(record['pending']) ?? 0,
    progress: readNumber(record['progress_pct']),
    ...Object.fromEntries(DISPOSITION_KEYS.map((key) => [key, readNumber(dispositions[key]) ?? 0])),
  };
}

/** The answer of GET /siap-pd/reconciliation/progress (desa or kecamatan level). */
export function toReconciliationTable(raw: unknown): ReconciliationTable {
  const record = asRecord(raw) ?? {};
  const rows = Array.isArray(record['rows']) ? record['rows'] : [];
  const total = asRecord(record['total']);
  return {
    rows: rows.flatMap((item) => {
      const entry = asRecord(item);
      if (entry === null) return [];
      const code = readKey(entry['code']);
      return [reconciliationRow(entry, readText(entry['name']) ?? code ?? '(tanpa wilayah)')];
    }),
    footer: total === null ? null : reconciliationRow(total, 'Jumlah'),
  };
}

export interface ValidityTable {
  round: number | null;
  targetPct: number | null;
  rows: TableRow[];
  total: { expected: number; verified: number; validPct: number | null; meetsTarget: boolean | null } | null;
}

/** The answer of GET /siap-pd/stats/validity. */
export function toValidityTable(raw: unknown): ValidityTable {
  const record = asRecord(raw) ?? {};
  const rows = Array.isArray(record['rows']) ? record['rows'] : [];
  const total = asRecord(record['total']);
  const meets = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);
  return {
    round: readNumber(record['round']),
    targetPct: readNumber(record['target_pct']),
    rows: rows.flatMap((item) => {
      const entry = asRecord(item);
      if (entry === null) return [];
      const met = meets(entry['meets_target']);
      return [
        {
          name: readText(entry['name']) ?? readKey(entry['code']) ?? '(tanpa wilayah)',
          code: readKey(entry['code']) ?? '',
          expected: readNumber(entry['expected']) ?? 0,
          verified: readNumber(entry['verified']) ?? 0,
          valid: readNumber(entry['valid_pct']),
          target: met === null ? '-' : met ? 'Tercapai' : 'Belum',
        },
      ];
    }),
    total:
      total === null
        ? null
        : {
            expected: readNumber(total['expected']) ?? 0,
            verified: readNumber(total['verified']) ?? 0,
            validPct: readNumber(total['valid_pct']),
            meetsTarget: meets(total['meets_target']),
          },
  };
}

// --- The browser side of the upload ---------------------------------------------------------------

/** The dashboard route that forwards a file to Directus. */
export function uploadUrl(
  mode: 'preview' | 'import',
  source: BaselineSourceKey,
  fileName: string,
): `/${string}` {
  const params = new URLSearchParams({ mode, source, file_name: fileName });
  return `/impor/unggah?${params.toString()}`;
}

export type UploadAnswer =
  | { ok: true; preview: BaselinePreview }
  | { ok: true; result: BaselineImportResult }
  | { ok: false; message: string };

const SESSION_GONE = 'Sesi Anda berakhir. Muat ulang halaman, masuk lagi, lalu ulangi impor.';

/** Reads the JSON answer of /impor/unggah (anything else, e.g. the login page after a lapsed session, is explained). */
export function readUploadAnswer(status: number, contentType: string | null, text: string): UploadAnswer {
  if (status === 413) {
    return {
      ok: false,
      message: `Berkas terlalu besar untuk dasbor (paling besar ${formatBytes(MAX_UPLOAD_BYTES)}). Pecah berkas per kecamatan lalu impor satu per satu.`,
    };
  }
  if (contentType === null || !contentType.includes('application/json')) {
    return status === 200 || status === 401 || status === 303
      ? { ok: false, message: SESSION_GONE }
      : {
          ok: false,
          message: `Dasbor tidak dapat meneruskan berkas (kode ${status}). Coba lagi atau hubungi administrator.`,
        };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, message: 'Jawaban server tidak terbaca. Coba lagi.' };
  }
  const record = asRecord(body) ?? {};
  if (record['ok'] === true && 'preview' in record)
    return { ok: true, preview: toBaselinePreview(record['preview']) };
  if (record['ok'] === true && 'result' in record)
    return { ok: true, result: toBaselineImportResult(record['result']) };
  return {
    ok: false,
    message:
      readText(record['message']) ?? `Impor gagal (kode ${status}). Coba lagi atau hubungi administrator.`,
  };
}
