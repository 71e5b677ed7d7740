import type { EndpointExtensionContext } from '@directus/extensions';
import type { Router } from 'express';
import { createHouseholdStatsReader } from '../adapters/household-stats-reader.ts';
import { sendError } from './send-error.ts';

const KECAMATAN_CODE = /^\d{2}\.\d{2}\.\d{2}$/;

/**
 * GET /siap-pd/stats/summary[?kecamatan=63.11.07]   household counts as the caller may see them: per
 *      kecamatan (or per desa of one kecamatan), classification and survey status of the round, with
 *      people (sum of member_count) -> { data: { level, groups: [{ area, classification, survey_status,
 *      households, people }], totals: { households, people } } }
 */
export function registerStatsRoutes(router: Router, context: EndpointExtensionContext): void {
  router.get('/stats/summary', (req, res) => {
    const raw = req.query['kecamatan'];
    const kecamatan = typeof raw === 'string' && raw !== '' ? raw : null;
    if (kecamatan !== null && !KECAMATAN_CODE.test(kecamatan)) {
      sendError(res, {
        status: 400,
        code: 'INVALID_QUERY',
        message: 'Kode kecamatan harus berbentuk 63.11.07.',
      });
      return;
    }
    const level = kecamatan === null ? 'kecamatan' : 'desa';
    createHouseholdStatsReader(context, req)
      .countHouseholds(level, kecamatan)
      .then((groups) => {
        const totals = { households: 0, people: 0 };
        for (const group of groups) {
          totals.households += group.households;
          totals.people += group.people;
        }
        res.json({ data: { level, groups, totals } });
      })
      .catch((error: unknown) => sendError(res, error));
  });
}
