import { defineEndpoint } from '@directus/extensions-sdk';
import { registerStatsRoutes } from './stats-routes.ts';

/** All SIAP-PD endpoints live under /siap-pd/. Each route file is thin: adapter in, core, adapter out. */
export default defineEndpoint({
  id: 'siap-pd',
  handler: (router, context) => {
    registerStatsRoutes(router, context);
  },
});
