import type { AllocationOverrides, AllocationRequest, AllocationScope } from './allocation-types.ts';
import type { PovertyClass } from './types.ts';

export type RequestProblem = { field: string; message: string };

export type ReadAllocationRequestResult =
  { ok: true; request: AllocationRequest } | { ok: false; problems: RequestProblem[] };

const CLASSES: readonly PovertyClass[] = ['ekstrem', 'miskin', 'tidak_miskin'];

/**
 * Reads the body of `POST /siap-pd/allocations/run|preview` (DESIGN "Public interfaces"):
 * `{ fiscal_year, scope?: { kecamatan?, desa? }, overrides?: { poverty_line?, extreme_poverty_line?,
 * ceilings?, unit_costs?, classes? } }`. Rupiah must be whole, non-negative numbers; a ceiling may be
 * null (no ceiling). `allowOverrides: false` (run) refuses overrides. `unfunded_limit` (integer or
 * null = all) only shortens the unfunded list of the HTTP answer. Messages are for the user.
 */
export function readAllocationRequest(
  body: unknown,
  o: { allowOverrides: boolean },
): ReadAllocationRequestResult {
  const problems: RequestProblem[] = [];
  if (!isRecord(body))
    return { ok: false, problems: [{ field: 'body', message: 'Isi permintaan harus berupa objek JSON.' }] };

  const year = readYear(body['fiscal_year']);
  if (year === null)
    problems.push({ field: 'fiscal_year', message: 'Tahun anggaran wajib diisi dengan tahun, mis. 2026.' });

  let scope: AllocationScope | undefined;
  if (body['scope'] !== undefined && body['scope'] !== null) {
    const raw = body['scope'];
    if (!isRecord(raw)) {
      problems.push({
        field: 'scope',
        message: 'Cakupan wilayah harus berupa objek { kecamatan: [...], desa: [...] }.',
      });
    } else {
      scope = {};
      for (const level of ['kecamatan', 'desa'] as const) {
        const list = raw[level];
        if (list === undefined || list === null) continue;
        if (!Array.isArray(list) || !list.every((code) => typeof code === 'string' && code.trim() !== '')) {
          problems.push({
            field: `scope.${level}`,
            message: `Daftar ${level} harus berupa daftar kode, mis. ["63.11.07"].`,
          });
        } else {
          scope[level] = list.map((code: string) => code.trim());
        }
      }
    }
  }

  let overrides: AllocationOverrides | undefined;
  if (body['overrides'] !== undefined && body['overrides'] !== null) {
    const raw = body['overrides'];
    if (!o.allowOverrides) {
      problems.push({
        field: 'overrides',
        message:
          'Alokasi yang disimpan tidak menerima perubahan asumsi; gunakan simulasi (preview) untuk mencoba asumsi lain.',
      });
    } else if (!isRecord(raw)) {
      problems.push({ field: 'overrides', message: 'Perubahan asumsi harus berupa objek.' });
    } else {
      overrides = readOverrides(raw, problems);
    }
  }

  let unfundedLimit: number | null | undefined;
  if (body['unfunded_limit'] !== undefined) {
    const raw = body['unfunded_limit'];
    if (raw === null) unfundedLimit = null;
    else if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) unfundedLimit = raw;
    else {
      problems.push({
        field: 'unfunded_limit',
        message: 'Batas daftar tidak terdanai harus bilangan bulat tidak negatif, atau null untuk semua.',
      });
    }
  }

  if (problems.length > 0 || year === null) return { ok: false, problems };
  const request: AllocationRequest = { fiscal_year: year };
  if (scope !== undefined) request.scope = scope;
  if (overrides !== undefined) request.overrides = overrides;
  if (unfundedLimit !== undefined) request.unfunded_limit = unfundedLimit;
  return { ok: true, request };
}

function readOverrides(raw: Record<string, unknown>, problems: RequestProblem[]): AllocationOverrides {
  const overrides: AllocationOverrides = {};
  for (const field of ['poverty_line', 'extreme_poverty_line'] as const) {
    if (raw[field] === undefined || raw[field] === null) continue;
    const value = readRupiah(raw[field]);
    if (value === null)
      problems.push({ field: `overrides.${field}`, message: rupiahMessage('Garis kemiskinan') });
    else overrides[field] = value;
  }
  if (
    overrides.poverty_line !== undefined &&
    overrides.extreme_poverty_line !== undefined &&
    overrides.extreme_poverty_line > overrides.poverty_line
  ) {
    problems.push({
      field: 'overrides.extreme_poverty_line',
      message: 'Garis kemiskinan ekstrem tidak boleh lebih tinggi dari garis kemiskinan.',
    });
  }
  if (raw['ceilings'] !== undefined && raw['ceilings'] !== null) {
    const ceilings: Record<string, number | null> = {};
    if (!isRecord(raw['ceilings'])) {
      problems.push({
        field: 'overrides.ceilings',
        message: 'Pagu harus berupa objek { <perangkat daerah>: rupiah }.',
      });
    } else {
      for (const [agency, value] of Object.entries(raw['ceilings'])) {
        if (value === null) {
          ceilings[agency] = null;
          continue;
        }
        const amount = readRupiah(value);
        if (amount === null)
          problems.push({ field: `overrides.ceilings.${agency}`, message: rupiahMessage('Pagu') });
        else ceilings[agency] = amount;
      }
      overrides.ceilings = ceilings;
    }
  }
  if (raw['unit_costs'] !== undefined && raw['unit_costs'] !== null) {
    const unitCosts: Record<string, number> = {};
    if (!isRecord(raw['unit_costs'])) {
      problems.push({
        field: 'overrides.unit_costs',
        message: 'Biaya satuan harus berupa objek { <kode sub-kegiatan>: rupiah }.',
      });
    } else {
      for (const [code, value] of Object.entries(raw['unit_costs'])) {
        const amount = readRupiah(value);
        if (amount === null)
          problems.push({ field: `overrides.unit_costs.${code}`, message: rupiahMessage('Biaya satuan') });
        else unitCosts[code] = amount;
      }
      overrides.unit_costs = unitCosts;
    }
  }
  if (raw['classes'] !== undefined && raw['classes'] !== null) {
    const classes = raw['classes'];
    if (
      !Array.isArray(classes) ||
      !classes.every((c): c is PovertyClass => CLASSES.includes(c as PovertyClass))
    ) {
      problems.push({
        field: 'overrides.classes',
        message: 'Klasifikasi yang didanai harus daftar dari: ekstrem, miskin, tidak_miskin.',
      });
    } else {
      overrides.classes = [...new Set(classes)];
    }
  }
  return overrides;
}

function rupiahMessage(what: string): string {
  return `${what} harus berupa rupiah bulat tanpa titik atau koma, tidak negatif (mis. 45000000).`;
}

function readYear(value: unknown): number | null {
  const year = typeof value === 'string' && /^\d{4}$/.test(value.trim()) ? Number(value) : value;
  return typeof year === 'number' && Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null;
}

function readRupiah(value: unknown): number | null {
  const amount = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof amount === 'number' && Number.isSafeInteger(amount) && amount >= 0 ? amount : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
