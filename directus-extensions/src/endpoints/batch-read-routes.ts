import type { EndpointExtensionContext } from '@directus/extensions';
import type { Request, Response, Router } from 'express';
import { parseBatchReadRequest } from '../adapters/batch-read-request.ts';
import { runBatchReads } from '../adapters/batch-reader.ts';
import { readDatabase } from '../adapters/read-database.ts';
import { sendError } from './send-error.ts';

/**
 * POST /siap-pd/batch-read  { reads: [{ collection, query? }] }   up to 16 reads of items in one
 *      request, each under the caller's own permissions as GET /items/<collection>?<query> would be, run
 *      side by side -> { data: [{ data } | { error: { status, code, message } }] } in the order asked.
 *      A dashboard page sends its aggregates at once instead of one HTTP request each.
 */
export function registerBatchReadRoutes(router: Router, context: EndpointExtensionContext): void {
  // Open the read connections (and switch SQLite to WAL) at start, not in the first user's request.
  void readDatabase(context);
  const batchRead = async (req: Request, res: Response): Promise<void> => {
    try {
      const parsed = parseBatchReadRequest(req.body);
      if (!parsed.ok) throw { status: 400, code: 'INVALID_PAYLOAD', message: parsed.message };
      res.json({ data: await runBatchReads(context, req, parsed.reads) });
    } catch (error) {
      sendError(res, error);
    }
  };
  router.post('/batch-read', (req, res) => {
    void batchRead(req, res);
  });
}
