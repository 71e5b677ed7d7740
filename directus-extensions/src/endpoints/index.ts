import { defineEndpoint } from '@directus/extensions-sdk';
import { registerStatsRoutes } from './stats-routes.ts';
import { registerReclassifyRoutes } from './reclassify-routes.ts';
import { registerExplainRoutes } from './explain-routes.ts';
import { registerAllocationRoutes } from './allocation-routes.ts';
import { registerEffectivenessRoutes } from './effectiveness-routes.ts';
import { registerImportRoutes } from './import-routes.ts';
import { registerReconciliationRoutes } from './reconciliation-routes.ts';
import { registerQualityRoutes } from './quality-routes.ts';
import { registerDemoRoutes } from './demo-routes.ts';
import { registerMaintenanceRoutes } from './maintenance-routes.ts';
import { registerBatchReadRoutes } from './batch-read-routes.ts';

/** All SIAP-PD endpoints live under /siap-pd/. Each route file is thin: adapter in, core, adapter out. */
export default defineEndpoint({
  id: 'siap-pd',
  handler: (router, context) => {
    registerStatsRoutes(router, context);
    registerReclassifyRoutes(router, context);
    registerExplainRoutes(router, context);
    registerAllocationRoutes(router, context);
    registerEffectivenessRoutes(router, context);
    registerImportRoutes(router, context);
    registerReconciliationRoutes(router, context);
    registerQualityRoutes(router, context);
    registerDemoRoutes(router, context);
    registerMaintenanceRoutes(router, context);
    registerBatchReadRoutes(router, context);
  },
});
