import type { EndpointExtensionContext } from '@directus/extensions';
import type { Router } from 'express';
import { createHouseholdStatsReader } from '../adapters/household-stats-reader.ts';
import { sendError } from './send-error.ts';

export function registerStatsRoutes(router: Router, context: EndpointExtensionContext): void {
  // GET /siap-pd/stats/summary: household counts per kecamatan and classification, as the caller may see them.
  router.get('/stats/summary', (req, res) => {
    createHouseholdStatsReader(context, req)
      .countByKecamatanAndClassification()
      .then((data) => res.json({ data }))
      .catch((error: unknown) => sendError(res, error));
  });
}
