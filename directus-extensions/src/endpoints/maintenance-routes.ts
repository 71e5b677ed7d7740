import type { Accountability, EndpointExtensionContext } from '@directus/types';
import type { Request, Response, Router } from 'express';
import { isAdministrator } from '../adapters/classification-access.ts';
import { ensureIndexes } from '../adapters/summary-indexes.ts';
import { sendError } from './send-error.ts';

const ADMIN_ONLY = {
  status: 403,
  code: 'FORBIDDEN',
  message: 'Hanya administrator yang dapat menjalankan pemeliharaan basis data.',
};

/**
 * POST /siap-pd/maintenance/indexes   administrator only; creates the composite indexes the summaries
 *      need when they are missing and drops the single-column ones they supersede (run by the setup on
 *      every start) -> { data: { created, existing, skipped, dropped } }
 */
export function registerMaintenanceRoutes(router: Router, context: EndpointExtensionContext): void {
  const indexes = async (req: Request, res: Response): Promise<void> => {
    try {
      const { accountability } = req as unknown as { accountability?: Accountability | null };
      if (!isAdministrator(accountability)) throw ADMIN_ONLY;
      res.json({ data: await ensureIndexes(context.database) });
    } catch (error) {
      sendError(res, error);
    }
  };
  router.post('/maintenance/indexes', (req, res) => {
    void indexes(req, res);
  });
}
