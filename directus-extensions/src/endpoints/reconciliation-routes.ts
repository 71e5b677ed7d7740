import type { Accountability, EndpointExtensionContext, SchemaOverview } from '@directus/types';
import type { Request, Response, Router } from 'express';
import { buildReconciliationChangesCsv } from '@siap-pd/core/build-reconciliation-changes-csv';
import { summarizeReconciliation } from '@siap-pd/core/summarize-reconciliation';
import { closeJob, openJob } from '../adapters/import-jobs.ts';
import {
  countDispositions,
  readReconciledHouseholds,
  type RegionFilter,
} from '../adapters/baseline-reconciliation-reader.ts';
import { loadBaselineReference } from '../adapters/baseline-store.ts';
import { sendError } from './send-error.ts';

interface RequestWithDirectus {
  accountability?: Accountability | null;
  schema?: SchemaOverview;
}

const UNAUTHENTICATED = { status: 401, code: 'INVALID_CREDENTIALS', message: 'Masuk terlebih dahulu.' };

/** ?desa=a,b&kecamatan=c (comma-separated or repeated) */
export function scopeOf(req: Request): RegionFilter {
  const list = (value: unknown): string[] | undefined => {
    const items = (Array.isArray(value) ? value : [value])
      .filter((v): v is string => typeof v === 'string')
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '');
    return items.length === 0 ? undefined : items;
  };
  const desa = list(req.query['desa']);
  const kecamatan = list(req.query['kecamatan']);
  return { ...(desa === undefined ? {} : { desa }), ...(kecamatan === undefined ? {} : { kecamatan }) };
}

/**
 * GET /siap-pd/reconciliation/progress?level=desa|kecamatan[&desa=][&kecamatan=]
 *     -> { data: { level, rows: [{ code, name, kecamatan, baseline, visited, pending, progress_pct,
 *          dispositions: { found, moved, deceased, split, merged, duplicate, not_found, new } }], total } }
 *     counted over the households the caller may read.
 * GET /siap-pd/reconciliation/changes.csv[?desa=][&kecamatan=]
 *     the change list for the national registry (every disposition but found, and `new`), semicolon
 *     CSV with BOM; recorded as an export (it contains NIK). Roles that may not read NIK get 403.
 */
export function registerReconciliationRoutes(router: Router, context: EndpointExtensionContext): void {
  const progress = async (req: Request, res: Response): Promise<void> => {
    try {
      const { accountability, schema } = req as unknown as RequestWithDirectus;
      if (!accountability?.user) throw UNAUTHENTICATED;
      const level = req.query['level'] ?? 'desa';
      if (level !== 'desa' && level !== 'kecamatan') {
        throw { status: 400, code: 'INVALID_QUERY', message: 'Parameter level harus desa atau kecamatan.' };
      }
      const counts = await countDispositions(context, { schema, accountability }, scopeOf(req));
      const reference = await loadBaselineReference(context.database);
      const names = level === 'desa' ? reference.desaNames : reference.kecamatanNames;
      res.json({ data: summarizeReconciliation(counts, level, names) });
    } catch (error) {
      sendError(res, error);
    }
  };

  const changes = async (req: Request, res: Response): Promise<void> => {
    try {
      const { accountability, schema } = req as unknown as RequestWithDirectus;
      if (!accountability?.user) throw UNAUTHENTICATED;
      const scope = scopeOf(req);
      const households = await readReconciledHouseholds(context, { schema, accountability }, scope);
      const reference = await loadBaselineReference(context.database);
      const { csv, count } = buildReconciliationChangesCsv(households, {
        desa: reference.desaNames,
        kecamatan: reference.kecamatanNames,
      });
      const started = new Date();
      const job = await openJob(context, context.database, schema, {
        kind: 'export',
        source: 'reconciliation_changes',
        file_name: 'perubahan-data-awal.csv',
        accountability: accountability ?? null,
        started,
      });
      await closeJob(context.database, job, {
        status: 'done',
        counts: { rows: count, scope },
        message: `Daftar perubahan data awal: ${count} rumah tangga (berisi NIK).`,
        finished: new Date(),
      });
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="perubahan-data-awal.csv"');
      res.send(csv);
    } catch (error) {
      sendError(res, error);
    }
  };

  router.get('/reconciliation/progress', (req, res) => {
    void progress(req, res);
  });
  router.get('/reconciliation/changes.csv', (req, res) => {
    void changes(req, res);
  });
}
