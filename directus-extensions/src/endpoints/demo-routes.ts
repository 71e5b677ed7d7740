import type { Accountability, EndpointExtensionContext, SchemaOverview } from '@directus/types';
import type { Request, Response, Router } from 'express';
import { isAdministrator } from '../adapters/classification-access.ts';
import { loadDemoDataset } from '../adapters/demo-loader.ts';
import { sendError } from './send-error.ts';

interface RequestWithDirectus {
  accountability?: Accountability | null;
  schema?: SchemaOverview;
}

const ADMIN_ONLY = {
  status: 403,
  code: 'FORBIDDEN',
  message: 'Hanya administrator yang dapat memuat data demo.',
};

/**
 * POST /siap-pd/demo/load   administrator only; body { households?: integer } (default: the demo's
 *      2,000). Loads the demo dataset set-based into a database without households (409 otherwise):
 *      households, members and surveys, then classification, needs and quality flags, one import_jobs
 *      record (kind load_demo). -> { data: { job, households, members, surveys, related,
 *      classification: { ...engine counts }, quality: { checked, changed, flagged }, skipped_fields,
 *      duration_ms, timings } }
 */
export function registerDemoRoutes(router: Router, context: EndpointExtensionContext): void {
  const load = async (req: Request, res: Response): Promise<void> => {
    try {
      const { accountability, schema } = req as unknown as RequestWithDirectus;
      if (!isAdministrator(accountability)) throw ADMIN_ONLY;
      const body = (req.body ?? {}) as { households?: unknown };
      if (body.households !== undefined && typeof body.households !== 'number') {
        throw { status: 400, code: 'INVALID_PAYLOAD', message: 'households harus berupa bilangan bulat.' };
      }
      const result = await loadDemoDataset(context, {
        schema: schema ?? (await context.getSchema()),
        accountability: accountability ?? null,
        ...(body.households === undefined ? {} : { households: body.households }),
      });
      res.json({ data: result });
    } catch (error) {
      sendError(res, error);
    }
  };
  router.post('/demo/load', (req, res) => {
    void load(req, res);
  });
}
