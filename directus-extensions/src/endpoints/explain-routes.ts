import type { EndpointExtensionContext } from '@directus/types';
import type { Request, Response, Router } from 'express';
import { readHouseholdExplanation } from '../adapters/classification-explain-reader.ts';
import { sendError } from './send-error.ts';

/**
 * GET /siap-pd/households/:id/explain: which survey, basis, lines and values gave the household
 * its class (with an Indonesian sentence), and for each need it holds which rule fired on which
 * answers. Read with the caller's own permissions.
 */
const NOT_READABLE = {
  status: 403,
  code: 'FORBIDDEN',
  message: 'Rumah tangga ini tidak ada atau tidak termasuk data yang boleh Anda lihat.',
};

export function registerExplainRoutes(router: Router, context: EndpointExtensionContext): void {
  const explain = async (req: Request, res: Response): Promise<void> => {
    try {
      const id = String(req.params['id'] ?? '');
      if (!/^\d+$/.test(id))
        throw { status: 400, code: 'INVALID_PAYLOAD', message: 'ID rumah tangga tidak sah.' };
      res.json({ data: await readHouseholdExplanation(context, req, id) });
    } catch (error) {
      const status = (error as { status?: unknown } | null)?.status;
      // Directus answers 403 for a record that is not readable and for one that does not exist alike
      sendError(res, status === 403 ? NOT_READABLE : error);
    }
  };
  router.get('/households/:id/explain', (req, res) => {
    void explain(req, res);
  });
}
