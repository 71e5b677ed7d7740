import { customEndpoint } from '@directus/sdk';
import {
  IMPORT_JOB_FIELDS,
  toImportJobRows,
  toReconciliationTable,
  toValidityTable,
} from '../baseline-import.ts';
import type { BaselineSourceKey, ReconciliationTable, ValidityTable } from '../baseline-import.ts';
import { classifyDirectusError, DIRECTUS_UNREACHABLE_MESSAGE } from './directus-errors.ts';
import type { UserDirectus } from './directus-types.ts';
import { refusalOf } from './directus-refusal.ts';
import { readEndpoint, readRows, unlessForbidden } from './items.ts';

// All Directus calls of the Impor page, made with the user's own token (the bundle's routes check
// that the user is a planner or an administrator). The browser sends the file to the dashboard,
// which streams it on to Directus: the token never leaves the server.

/** An import of a large list takes minutes on SQLite; the preview reads the first rows only. */
const IMPORT_TIMEOUT_MS = 30 * 60 * 1000;
const PREVIEW_TIMEOUT_MS = 60 * 1000;

export type Refused = { ok: false; status: number; message: string };

export const SESSION_ENDED = 'Sesi Anda berakhir. Muat ulang halaman, masuk lagi, lalu ulangi impor.';

const IMPORT_REFUSED =
  'Impor data awal hanya untuk perencana dan administrator; server data menolak permintaan ini.';

function uploadPath(kind: 'preview' | 'import', source: BaselineSourceKey, fileName: string | null): string {
  const params = new URLSearchParams({ source });
  if (fileName !== null && fileName.trim() !== '') params.set('file_name', fileName.trim());
  return `/siap-pd/import/baseline${kind === 'preview' ? '/preview' : ''}?${params.toString()}`;
}

async function upload(
  directus: UserDirectus,
  path: string,
  body: BodyInit,
  timeoutMs: number,
): Promise<{ ok: true; data: unknown } | Refused> {
  try {
    const data = await directus.request(
      customEndpoint<unknown>({
        path,
        method: 'POST',
        headers: { 'Content-Type': 'text/csv; charset=utf-8' },
        // a stream body needs duplex 'half' in Node's fetch; the SDK's own body type is string | FormData
        onRequest: (options) =>
          ({ ...options, body, duplex: 'half', signal: AbortSignal.timeout(timeoutMs) }) as RequestInit,
      }),
    );
    return { ok: true, data };
  } catch (error) {
    // the browser waits for JSON here, so even an outage or an expired session is answered as a message
    switch (classifyDirectusError(error)) {
      case 'unreachable':
        return { ok: false, status: 503, message: `${DIRECTUS_UNREACHABLE_MESSAGE}.` };
      case 'unauthorized':
        return { ok: false, status: 401, message: SESSION_ENDED };
      case 'rate_limited':
        return {
          ok: false,
          status: 429,
          message: 'Terlalu banyak permintaan ke server data; tunggu sebentar lalu ulangi.',
        };
      default: {
        const refusal = refusalOf(error, IMPORT_REFUSED);
        if (refusal === null) throw error;
        return { ok: false, status: refusal.status, message: refusal.message };
      }
    }
  }
}

/** POST /siap-pd/import/baseline/preview with the first part of the file: nothing is written. */
export async function previewBaselineFile(
  directus: UserDirectus,
  input: { source: BaselineSourceKey; fileName: string | null; body: ArrayBuffer },
): Promise<{ ok: true; preview: unknown } | Refused> {
  const answer = await upload(
    directus,
    uploadPath('preview', input.source, input.fileName),
    input.body,
    PREVIEW_TIMEOUT_MS,
  );
  // handed to the browser as Directus gave it; the page reads it with toBaselinePreview
  return answer.ok ? { ok: true, preview: answer.data } : answer;
}

/** POST /siap-pd/import/baseline with the whole file, streamed as it arrives from the browser. */
export async function importBaselineFile(
  directus: UserDirectus,
  input: { source: BaselineSourceKey; fileName: string | null; body: ReadableStream<Uint8Array> },
): Promise<{ ok: true; result: unknown } | Refused> {
  const answer = await upload(
    directus,
    uploadPath('import', input.source, input.fileName),
    input.body,
    IMPORT_TIMEOUT_MS,
  );
  // handed to the browser as Directus gave it; the page reads it with toBaselineImportResult
  return answer.ok ? { ok: true, result: answer.data } : answer;
}

/**
 * GET a CSV route of the bundle as the user and hand its body on: the error file of an import job or
 * the reconciliation change list. A refusal comes back as a message.
 */
export async function fetchCsv(
  directus: UserDirectus,
  path: string,
  forbiddenMessage: string,
): Promise<{ ok: true; body: ReadableStream<Uint8Array> | null; fileName: string | null } | Refused> {
  try {
    const answer: unknown = await directus.request(
      customEndpoint<unknown>({
        path,
        onRequest: (options) => ({ ...options, signal: AbortSignal.timeout(5 * 60 * 1000) }),
      }),
    );
    if (!(answer instanceof Response)) {
      return { ok: false, status: 502, message: 'Server data tidak mengirim berkas CSV. Coba lagi.' };
    }
    const disposition = answer.headers.get('content-disposition') ?? '';
    const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? null;
    return { ok: true, body: answer.body, fileName };
  } catch (error) {
    const refusal = refusalOf(error, forbiddenMessage);
    if (refusal === null) throw error;
    return { ok: false, status: refusal.status, message: refusal.message };
  }
}

/** The latest import_jobs records (every bulk job writes one), newest first. */
export async function readImportJobs(
  directus: UserDirectus,
  limit = 200,
): Promise<ReturnType<typeof toImportJobRows> | null> {
  const rows = await unlessForbidden(
    readRows(directus, 'import_jobs', { fields: IMPORT_JOB_FIELDS, sort: ['-id'], limit }),
    null,
  );
  return rows === null ? null : toImportJobRows(rows);
}

/** Reconciliation progress per kecamatan or desa (GET /siap-pd/reconciliation/progress); null when refused. */
export async function readReconciliationProgress(
  directus: UserDirectus,
  level: 'kecamatan' | 'desa',
): Promise<ReconciliationTable | null> {
  const answer = await readEndpoint(directus, `/siap-pd/reconciliation/progress?level=${level}`);
  return answer.status === 'ok' ? toReconciliationTable(answer.data) : null;
}

/** Valid-data share per kecamatan and for the kabupaten (GET /siap-pd/stats/validity); null when refused. */
export async function readValidity(
  directus: UserDirectus,
  level: 'kecamatan' | 'kabupaten',
): Promise<ValidityTable | null> {
  try {
    const answer = await readEndpoint(directus, `/siap-pd/stats/validity?level=${level}`);
    return answer.status === 'ok' ? toValidityTable(answer.data) : null;
  } catch (error) {
    // 400: the survey round is not set in planning_settings; the page says so
    if (refusalOf(error)?.status === 400) return null;
    throw error;
  }
}

export interface ImportPage {
  jobs: ReturnType<typeof toImportJobRows> | null;
  kecamatan: ReconciliationTable | null;
  desa: ReconciliationTable | null;
  validity: ValidityTable | null;
  validityByKecamatan: ValidityTable | null;
}

/** What the Impor page shows besides the upload: past jobs, reconciliation progress and valid data. */
export async function readImportPage(directus: UserDirectus): Promise<ImportPage> {
  const [jobs, kecamatan, desa, validity, validityByKecamatan] = await Promise.all([
    readImportJobs(directus),
    readReconciliationProgress(directus, 'kecamatan'),
    readReconciliationProgress(directus, 'desa'),
    readValidity(directus, 'kabupaten'),
    readValidity(directus, 'kecamatan'),
  ]);
  return { jobs, kecamatan, desa, validity, validityByKecamatan };
}
