import { defineHook } from '@directus/extensions-sdk';
import type { Knex } from 'knex';
import { createRegionLookup } from '../adapters/region-lookup.ts';
import { keyOf } from '../adapters/key-of.ts';
import { addHeadMember } from '@siap-pd/core/add-head-member';
import { registerAccessHooks } from './access-hooks.ts';
import { registerClassificationHooks } from './classification-hooks.ts';
import { registerAllocationHooks } from './allocation-hooks.ts';
import { registerQualityHooks } from './quality-hooks.ts';
import { registerMonitoringHooks } from './monitoring-hooks.ts';

type Payload = Record<string, unknown>;

/**
 * Keeps the denormalised region columns in step: a household's kecamatan follows its desa; a
 * member's or survey's desa follows its household. Permission rules stay flat because of this.
 */
export default defineHook(({ filter, action }, context) => {
  registerAccessHooks({ filter });
  registerClassificationHooks({ filter, action }, context);
  registerAllocationHooks({ filter });
  registerQualityHooks({ filter, action }, context);
  registerMonitoringHooks({ filter });
  filter('households.items.create', async (payload, _meta, context) => {
    // the head (head_nik, head_name) becomes a member in the same transaction (core/add-head-member)
    const input = addHeadMember(payload as Payload);
    const desa = keyOf(input['desa']);
    if (desa !== null) {
      input['kecamatan'] = await createRegionLookup(context.database as Knex).kecamatanOfDesa(String(desa));
    }
    return input;
  });
  filter('households.items.update', async (payload, _meta, context) => {
    const input = payload as Payload;
    if (!('desa' in input)) return input;
    const desa = keyOf(input['desa']);
    input['kecamatan'] =
      desa === null ? null : await createRegionLookup(context.database as Knex).kecamatanOfDesa(String(desa));
    return input;
  });
  for (const collection of ['household_members', 'surveys']) {
    for (const action of ['create', 'update']) {
      filter(`${collection}.items.${action}`, async (payload, _meta, context) => {
        const input = payload as Payload;
        if (!('household' in input)) return input;
        const household = keyOf(input['household']);
        if (household !== null) {
          input['desa'] = await createRegionLookup(context.database as Knex).desaOfHousehold(household);
        }
        return input;
      });
    }
  }
});
