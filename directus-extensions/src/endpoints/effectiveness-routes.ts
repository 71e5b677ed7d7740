import { assessTaggedBudget } from '@siap-pd/core/assess-tagged-budget';
import { parseTaggedBudget } from '@siap-pd/core/parse-tagged-budget';
import type { EndpointExtensionContext } from '@directus/types';
import type { Request, Response, Router } from 'express';
import { AccessError } from '../adapters/access-errors.ts';
import { callerOf, requireRole } from '../adapters/allocation-caller.ts';
import {
  readAgencies,
  readEffectivenessData,
  replaceTaggedBudget,
} from '../adapters/allocation-effectiveness.ts';
import { closeJob, openJob } from '../adapters/import-jobs.ts';
import { readActiveFiscalYear } from '../adapters/allocation-store.ts';
import { sendAllocationError as sendError } from './allocation-send-error.ts';

const IMPORT_ROLES = 'Hanya perencana dan administrator yang dapat mengimpor anggaran tertandai.';
const REPORT_ROLES = 'Laporan efektivitas hanya untuk perencana, pimpinan, dan administrator.';
const MAX_BODY_BYTES = 20 * 1024 * 1024;

/**
 * POST /siap-pd/tagged-budget/import?fiscal_year=   CSV body (kode_sub_kegiatan, nama_sub_kegiatan,
 *        perangkat_daerah, anggaran), or JSON { csv }: replaces the year's tagged budget with the valid rows.
 * GET  /siap-pd/effectiveness?fiscal_year=          per tagged sub-kegiatan: verified needs served, households,
 *        cost per extreme-poor household served, share of tagged rupiah linked to verified needs.
 */
export function registerEffectivenessRoutes(router: Router, context: EndpointExtensionContext): void {
  router.post('/tagged-budget/import', (req, res) => {
    importTaggedBudget(context, req, res).catch((error: unknown) => sendError(res, error));
  });
  router.get('/effectiveness', (req, res) => {
    effectiveness(context, req, res).catch((error: unknown) => sendError(res, error));
  });
}

async function yearOf(context: EndpointExtensionContext, req: Request): Promise<number> {
  const value = req.query['fiscal_year'];
  if (typeof value === 'string' && /^\d{4}$/.test(value.trim())) return Number(value);
  if (value === undefined) {
    const active = await readActiveFiscalYear(context.database);
    if (active !== null) return active;
  }
  throw new AccessError('Tahun anggaran wajib diisi, mis. ?fiscal_year=2026.', 400, 'INVALID_PAYLOAD', {
    field: 'fiscal_year',
  });
}

/** The CSV text of the request: a text body, or { csv } in a JSON body. */
async function csvOf(req: Request): Promise<string> {
  const body: unknown = req.body;
  if (body && typeof body === 'object' && typeof (body as { csv?: unknown }).csv === 'string') {
    return (body as { csv: string }).csv;
  }
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > MAX_BODY_BYTES)
      throw new AccessError('Berkas terlalu besar (maksimal 20 MB).', 413, 'CONTENT_TOO_LARGE');
    parts.push(buffer);
  }
  return Buffer.concat(parts).toString('utf8');
}

async function importTaggedBudget(
  context: EndpointExtensionContext,
  req: Request,
  res: Response,
): Promise<void> {
  const caller = callerOf(req);
  requireRole(caller, IMPORT_ROLES, 'perencana');
  const year = await yearOf(context, req);
  const text = await csvOf(req);
  if (text.trim() === '') throw new AccessError('Berkas CSV kosong.', 400, 'INVALID_PAYLOAD');
  const { agencies, catalogueAgency } = await readAgencies(context.database);
  const parsed = parseTaggedBudget(text, agencies, catalogueAgency);
  if (parsed.rows.length === 0 && parsed.rejected.length > 0) {
    throw new AccessError(
      'Tidak ada baris yang dapat diimpor; periksa kolom dan isinya.',
      400,
      'INVALID_PAYLOAD',
      {
        rejected: parsed.rejected,
      },
    );
  }
  const fileName = typeof req.query['file_name'] === 'string' ? req.query['file_name'] : null;
  const job = await openJob(context, context.database, caller.schema, {
    kind: 'import_tagged_budget',
    source: `tagged_budget:${year}`,
    file_name: fileName,
    accountability: caller.accountability,
    started: new Date(),
  });
  try {
    const written = await context.database.transaction((trx) => replaceTaggedBudget(trx, year, parsed.rows));
    const counts = {
      inserted: written.inserted,
      replaced: written.deleted,
      rejected: parsed.rejected.length,
      warnings: parsed.warnings.length,
      total_amount: parsed.rows.reduce((total, row) => total + row.amount, 0),
    };
    await closeJob(context.database, job, {
      status: 'done',
      counts,
      message: `Anggaran tertandai ${year}: ${counts.inserted} baris diimpor, ${counts.rejected} ditolak.`,
      errors: [...parsed.rejected, ...parsed.warnings],
    });
    res.json({
      data: { fiscal_year: year, job, counts, rejected: parsed.rejected, warnings: parsed.warnings },
    });
  } catch (error) {
    await closeJob(context.database, job, {
      status: 'failed',
      counts: {},
      message: `Gagal: ${error instanceof Error ? error.message : String(error)}`,
    }).catch(() => undefined);
    throw error;
  }
}

async function effectiveness(context: EndpointExtensionContext, req: Request, res: Response): Promise<void> {
  const caller = callerOf(req);
  requireRole(caller, REPORT_ROLES, 'perencana', 'pimpinan');
  const year = await yearOf(context, req);
  res.json({ data: assessTaggedBudget(await readEffectivenessData(context.database, year)) });
}
