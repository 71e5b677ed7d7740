import { parseRupiahInput } from './rupiah-input.ts';

// The forms of the Alokasi page (finalise a run, set a ceiling) and the download links, read and
// checked without Directus, so the messages are tested and the route files stay thin.

/** What a form field reader needs (FormData and URLSearchParams both fit). */
export interface FieldSource {
  get(name: string): FormDataEntryValue | null;
}

export type FormProblem = { ok: false; field: string; message: string };

function text(form: FieldSource, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** A positive whole number from a text ("12"); null otherwise. */
export function readId(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !/^\d{1,9}$/.test(value.trim())) return null;
  const id = Number(value.trim());
  return id > 0 ? id : null;
}

/** A four-digit year ("2026"); null otherwise. */
export function readYear(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !/^\d{4}$/.test(value.trim())) return null;
  return Number(value.trim());
}

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export interface DecreeForm {
  ok: true;
  run: number;
  decree_number: string;
  /** YYYY-MM-DD */
  decree_date: string;
}

/** The "Tetapkan" form: run id, decree number and date (both required, as the server also demands). */
export function readDecreeForm(form: FieldSource): DecreeForm | FormProblem {
  const run = readId(text(form, 'run'));
  if (run === null) return { ok: false, field: 'run', message: 'Pilih alokasi yang akan ditetapkan.' };
  const number = text(form, 'decree_number');
  if (number === '') {
    return {
      ok: false,
      field: 'decree_number',
      message: 'Isi nomor keputusan, mis. 900/123/BAPPEDALITBANG/2026.',
    };
  }
  if (number.length > 255) {
    return {
      ok: false,
      field: 'decree_number',
      message: 'Nomor keputusan terlalu panjang (maks. 255 huruf).',
    };
  }
  const date = text(form, 'decree_date');
  if (date === '') return { ok: false, field: 'decree_date', message: 'Isi tanggal keputusan.' };
  if (!isCalendarDate(date)) {
    return {
      ok: false,
      field: 'decree_date',
      message: 'Tanggal keputusan tidak valid; pilih dari kalender.',
    };
  }
  return { ok: true, run, decree_number: number, decree_date: date };
}

export interface CeilingForm {
  ok: true;
  fiscal_year: number;
  perangkat_daerah: string;
  /** null = remove the ceiling (the agency is then funded fully) */
  amount: number | null;
}

/** The ceiling form: fiscal year, agency (one of `agencies`) and amount ("45.000.000"; empty removes). */
export function readCeilingForm(form: FieldSource, agencies: readonly string[]): CeilingForm | FormProblem {
  const year = readYear(text(form, 'fiscal_year'));
  if (year === null) return { ok: false, field: 'fiscal_year', message: 'Tahun anggaran tidak valid.' };
  const agency = text(form, 'perangkat_daerah');
  if (agency === '' || !agencies.includes(agency)) {
    return { ok: false, field: 'perangkat_daerah', message: 'Pilih perangkat daerah dari daftar.' };
  }
  const amount = parseRupiahInput(text(form, 'amount'), 'Pagu');
  if (!amount.ok) return { ok: false, field: 'amount', message: amount.message };
  return { ok: true, fiscal_year: year, perangkat_daerah: agency, amount: amount.value };
}

export type ExportKind = 'baris' | 'penerima';
export type ExportFormat = 'csv' | 'xlsx';

/** A download of the Alokasi page, as its URL says it (/alokasi/unduh?...). */
export interface ExportRequest {
  year: number | null;
  /** null = every intervention of the year that is not cancelled (the current plan) */
  run: number | null;
  kind: ExportKind;
  format: ExportFormat;
  /** null = every agency (an agency user always gets its own) */
  agency: string | null;
}

/** Reads /alokasi/unduh?tahun=&alokasi=&jenis=baris|penerima&format=csv|xlsx&perangkat= */
export function readExportRequest(
  params: URLSearchParams,
): { ok: true; request: ExportRequest } | FormProblem {
  const yearText = params.get('tahun');
  const year = yearText === null || yearText === '' ? null : readYear(yearText);
  if (yearText !== null && yearText !== '' && year === null) {
    return { ok: false, field: 'tahun', message: 'Tahun anggaran harus empat angka, mis. 2026.' };
  }
  const runText = params.get('alokasi');
  const run = runText === null || runText === '' ? null : readId(runText);
  if (runText !== null && runText !== '' && run === null) {
    return { ok: false, field: 'alokasi', message: 'Nomor alokasi harus berupa angka.' };
  }
  const kind = params.get('jenis') ?? 'baris';
  if (kind !== 'baris' && kind !== 'penerima') {
    return { ok: false, field: 'jenis', message: 'Jenis unduhan harus baris (SIPD) atau penerima.' };
  }
  const format = params.get('format') ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx') {
    return { ok: false, field: 'format', message: 'Format unduhan harus csv atau xlsx.' };
  }
  const agency = params.get('perangkat');
  return {
    ok: true,
    request: {
      year,
      run,
      kind,
      format,
      agency: agency === null || agency.trim() === '' ? null : agency.trim(),
    },
  };
}

/** The query string of a download link ("?tahun=2026&alokasi=12&jenis=baris&format=csv"). */
export function exportSearch(request: ExportRequest): string {
  const params = new URLSearchParams();
  if (request.year !== null) params.set('tahun', String(request.year));
  if (request.run !== null) params.set('alokasi', String(request.run));
  params.set('jenis', request.kind);
  params.set('format', request.format);
  if (request.agency !== null) params.set('perangkat', request.agency);
  return `?${params.toString()}`;
}

/** The parameters of GET /siap-pd/allocations/export for a download. */
export function exportEndpointParams(request: ExportRequest): Record<string, string> {
  const params: Record<string, string> = {
    format: request.format,
    kind: request.kind === 'baris' ? 'lines' : 'beneficiaries',
  };
  if (request.year !== null) params['fiscal_year'] = String(request.year);
  if (request.run !== null) params['run'] = String(request.run);
  if (request.agency !== null) params['perangkat_daerah'] = request.agency;
  return params;
}

/** A safe download file name from Directus's Content-Disposition, else one made from the request. */
export function exportFileName(contentDisposition: string | null, request: ExportRequest): string {
  const match = /filename="?([^";]+)"?/.exec(contentDisposition ?? '');
  const given = match?.[1];
  if (given !== undefined && /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*\.(csv|xlsx)$/.test(given))
    return given;
  const parts = [
    'sipd',
    request.year === null ? 'aktif' : String(request.year),
    request.agency ?? 'semua',
    request.kind,
    ...(request.run === null ? [] : [`alokasi-${request.run}`]),
  ];
  return `${parts.join('-').replace(/[^A-Za-z0-9._-]/g, '_')}.${request.format}`;
}
