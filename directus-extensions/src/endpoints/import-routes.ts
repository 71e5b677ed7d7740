import type { Accountability, EndpointExtensionContext, SchemaOverview } from '@directus/types';
import type { Request, Response, Router } from 'express';
import { buildBaselineErrorCsv } from '@siap-pd/core/build-baseline-error-csv';
import type { BaselineSource } from '@siap-pd/core/types';
import { BASELINE_FORBIDDEN, canManageBaseline } from '../adapters/baseline-access.ts';
import {
  BaselineFileError,
  DEFAULT_CHUNK_SIZE,
  ImportInterrupted,
  importBaseline,
  previewBaseline,
} from '../adapters/baseline-importer.ts';
import type { StoredRejectedRow } from '../adapters/baseline-importer.ts';
import { readJob } from '../adapters/import-jobs.ts';
import { readCsvUpload } from '../adapters/baseline-request-body.ts';
import { sendError } from './send-error.ts';

interface RequestWithDirectus {
  accountability?: Accountability | null;
  schema?: SchemaOverview;
}

const PREVIEW_ROWS = 20;

function sourceOf(req: Request): BaselineSource {
  const value = req.query['source'];
  if (value === undefined || value === '') return 'p3ke';
  if (value === 'p3ke' || value === 'dtsen') return value;
  throw {
    status: 400,
    code: 'INVALID_QUERY',
    message: 'Parameter source harus p3ke atau dtsen (bawaan p3ke).',
  };
}

function chunkSizeOf(req: Request): number {
  const value = Number(req.query['chunk_size'] ?? DEFAULT_CHUNK_SIZE);
  if (!Number.isInteger(value) || value < 1 || value > 20_000) {
    throw {
      status: 400,
      code: 'INVALID_QUERY',
      message: 'Parameter chunk_size harus bilangan bulat 1 sampai 20000.',
    };
  }
  return value;
}

/** Fault injection for the interruption test; only honoured in a test instance. */
function crashAfterChunksOf(req: Request): number | null {
  const header = req.headers['x-siap-test-crash-after-chunks'];
  const enabled = process.env['SIAP_TEST_HOOKS'] === 'true' || process.env['VITEST'] === 'true';
  if (!enabled || typeof header !== 'string' || !/^\d+$/.test(header)) return null;
  return Number(header);
}

/**
 * POST /siap-pd/import/baseline?source=p3ke|dtsen[&chunk_size=][&file_name=]
 *      CSV body (text/csv) or multipart/form-data field `file`; Perencana and Administrator only.
 *      -> { data: { inserted, updated, unchanged, rejected, errors: [{row, field, message}], warnings,
 *           warning_count, job, rows, chunks, separator, encoding, columns, file_name, duration_ms } }
 * POST /siap-pd/import/baseline/preview   same body: separator, columns, the first 20 rows validated
 *      and planned (insert/update/unchanged/rejected), nothing written.
 * GET  /siap-pd/import/jobs/:id/errors.csv   the rejected rows with a `keterangan` column.
 */
export function registerImportRoutes(router: Router, context: EndpointExtensionContext): void {
  const run = async (req: Request, res: Response): Promise<void> => {
    try {
      const { accountability, schema } = req as unknown as RequestWithDirectus;
      if (!canManageBaseline(accountability)) throw BASELINE_FORBIDDEN;
      const source = sourceOf(req);
      const chunkSize = chunkSizeOf(req);
      const upload = readCsvUpload(req as never);
      const result = await importBaseline(context, {
        source,
        upload,
        accountability: accountability ?? null,
        schema,
        chunkSize,
        crashAfterChunks: crashAfterChunksOf(req),
      });
      res.json({ data: result });
    } catch (error) {
      if (error instanceof BaselineFileError) {
        res.status(400).json({
          errors: [{ message: error.message, extensions: { code: error.code, ...error.extensions } }],
        });
        return;
      }
      if (error instanceof ImportInterrupted) {
        context.logger.error(error.reason, `SIAP-PD: impor data awal (riwayat ${error.job}) berhenti`);
        res
          .status(500)
          .json({ errors: [{ message: error.message, extensions: { code: error.code, job: error.job } }] });
        return;
      }
      sendError(res, error);
    }
  };

  const preview = async (req: Request, res: Response): Promise<void> => {
    try {
      const { accountability } = req as unknown as RequestWithDirectus;
      if (!canManageBaseline(accountability)) throw BASELINE_FORBIDDEN;
      const source = sourceOf(req);
      const upload = readCsvUpload(req as never);
      res.json({ data: await previewBaseline(context, { source, upload, limit: PREVIEW_ROWS }) });
    } catch (error) {
      sendError(res, error);
    }
  };

  const errorsCsv = async (req: Request, res: Response): Promise<void> => {
    try {
      const { accountability } = req as unknown as RequestWithDirectus;
      if (!canManageBaseline(accountability)) throw BASELINE_FORBIDDEN;
      const id = Number(req.params['id']);
      const job = Number.isInteger(id) ? await readJob(context.database, id) : null;
      if (job === null || job.kind !== 'import_baseline') {
        throw { status: 404, code: 'NOT_FOUND', message: 'Riwayat impor tidak ditemukan.' };
      }
      const header = Array.isArray(job.counts['header'])
        ? (job.counts['header'] as unknown[]).map(String)
        : [];
      const rows = (job.errors as StoredRejectedRow[]).map((e) => ({
        row: Number(e.row),
        message: String(e.message),
        cells: Array.isArray(e.cells) ? e.cells.map(String) : [],
      }));
      const base = (job.file_name ?? `impor-${job.id}`).replace(/\.csv$/i, '').replace(/[^\w.-]+/g, '_');
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${base}-ditolak.csv"`);
      res.send(buildBaselineErrorCsv(header, rows));
    } catch (error) {
      sendError(res, error);
    }
  };

  router.post('/import/baseline', (req, res) => {
    void run(req, res);
  });
  router.post('/import/baseline/preview', (req, res) => {
    void preview(req, res);
  });
  router.get('/import/jobs/:id/errors.csv', (req, res) => {
    void errorsCsv(req, res);
  });
}
