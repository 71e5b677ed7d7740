import type { Accountability, EndpointExtensionContext, SchemaOverview } from '@directus/types';
import type { Request, Response, Router } from 'express';
import { canReclassify, isAdministrator } from '../adapters/classification-access.ts';
import { classificationJobs } from '../adapters/classification-jobs.ts';
import { reclassifyOneByOne } from '../adapters/classification-naive.ts';
import { hookStats, resetHookStats } from '../adapters/classification-stats.ts';
import { sendError } from './send-error.ts';

interface RequestWithDirectus {
  accountability?: Accountability | null;
  schema?: SchemaOverview;
}

const FORBIDDEN = {
  status: 403,
  code: 'FORBIDDEN',
  message: 'Hanya perencana dan administrator yang dapat menjalankan klasifikasi ulang.',
};
const ADMIN_ONLY = {
  status: 403,
  code: 'FORBIDDEN',
  message: 'Hanya administrator yang dapat menjalankan ini.',
};

/**
 * POST /siap-pd/reclassify              re-classify every household and re-run the need rules (planners,
 *                                        administrators); body { needs?: 'all' | 'changed' } (default all).
 *                                        Waits for any running job, then answers with the counts.
 * GET  /siap-pd/reclassify/status       the job running or scheduled, the last job, the survey hook's timings.
 * POST /siap-pd/reclassify/one-by-one   administrator only: the slow baseline for `npm run bench`
 *                                        (body { limit }), one ItemsService update per household.
 */
export function registerReclassifyRoutes(router: Router, context: EndpointExtensionContext): void {
  const jobs = () => classificationJobs(context);

  const reclassify = async (req: Request, res: Response): Promise<void> => {
    try {
      const { accountability } = req as unknown as RequestWithDirectus;
      if (!canReclassify(accountability)) throw FORBIDDEN;
      const body = (req.body ?? {}) as { needs?: unknown };
      if (body.needs !== undefined && body.needs !== 'all' && body.needs !== 'changed') {
        throw { status: 400, code: 'INVALID_PAYLOAD', message: 'needs harus "all" atau "changed".' };
      }
      const result = await jobs().run({
        kind: 'reclassify',
        needs: body.needs === 'changed' ? 'changed' : 'all',
        user: accountability?.user ?? null,
        source: 'manual',
        accountability: accountability ?? null,
      });
      res.json({ data: result });
    } catch (error) {
      sendError(res, error);
    }
  };

  const status = (req: Request, res: Response): void => {
    try {
      const { accountability } = req as unknown as RequestWithDirectus;
      if (!canReclassify(accountability)) throw FORBIDDEN;
      if (req.query['reset_hook_stats'] === 'true' && isAdministrator(accountability)) resetHookStats();
      res.json({ data: { ...jobs().status(), hook: hookStats() } });
    } catch (error) {
      sendError(res, error);
    }
  };

  const oneByOne = async (req: Request, res: Response): Promise<void> => {
    try {
      const { accountability, schema } = req as unknown as RequestWithDirectus;
      if (!isAdministrator(accountability)) throw ADMIN_ONLY;
      const limit = Math.max(
        1,
        Math.min(100_000, Number((req.body as { limit?: unknown } | undefined)?.limit ?? 1_000) || 1_000),
      );
      await jobs().idle();
      res.json({ data: await reclassifyOneByOne(context, schema ?? (await context.getSchema()), limit) });
    } catch (error) {
      sendError(res, error);
    }
  };

  router.post('/reclassify', (req, res) => {
    void reclassify(req, res);
  });
  router.get('/reclassify/status', status);
  router.post('/reclassify/one-by-one', (req, res) => {
    void oneByOne(req, res);
  });
}
