// A finalised allocation run (status ditetapkan) never changes, whoever asks (administrators too):
// its row can be neither edited nor deleted, and its interventions can be neither deleted nor
// re-pointed or re-priced (their progress — status, realised cost, evidence, notes — still moves on).
// Finalising is a PATCH of status ditetapkan with decree_number and decree_date (the permission
// rules let planners change exactly those fields). Filter hooks run inside the request's transaction.
import type { RegisterFunctions } from '@directus/types';
import type { Knex } from 'knex';
import { AccessError, refused } from '../adapters/access-errors.ts';

type Payload = Record<string, unknown>;
type Keys = (string | number)[];

const FROZEN_RUN_FIELDS = [
  'fiscal_year',
  'scope',
  'parameters',
  'totals',
  'agencies',
  'lines',
  'unfunded',
  'date_created',
  'user_created',
];
const FROZEN_INTERVENTION_FIELDS = [
  'household',
  'need',
  'sub_kegiatan',
  'perangkat_daerah',
  'fiscal_year',
  'allocation_run',
  'quantity',
  'unit_cost',
  'planned_cost',
];
const FINALISED =
  'Alokasi ini sudah ditetapkan dan tidak dapat diubah atau dihapus; jalankan alokasi baru bila perlu.';

function keysOf(value: unknown): Keys {
  return Array.isArray(value)
    ? value.filter((k): k is string | number => typeof k === 'string' || typeof k === 'number')
    : [];
}

function frozen(): AccessError {
  return new AccessError(FINALISED, 403, 'FORBIDDEN');
}

async function runsOf(
  database: Knex,
  keys: Keys,
): Promise<{ id: number; status: string; decree_number: unknown; decree_date: unknown }[]> {
  if (keys.length === 0) return [];
  return (await database('allocation_runs')
    .whereIn('id', keys)
    .select('id', 'status', 'decree_number', 'decree_date')) as {
    id: number;
    status: string;
    decree_number: unknown;
    decree_date: unknown;
  }[];
}

async function anyInFinalisedRun(database: Knex, interventions: Keys): Promise<boolean> {
  if (interventions.length === 0) return false;
  const row = (await database('interventions as i')
    .join('allocation_runs as r', 'r.id', 'i.allocation_run')
    .whereIn('i.id', interventions)
    .andWhere('r.status', 'ditetapkan')
    .first('i.id')) as unknown;
  return row !== undefined && row !== null;
}

const blank = (value: unknown): boolean =>
  value === null || value === undefined || String(value).trim() === '';

export function registerAllocationHooks({ filter }: Pick<RegisterFunctions, 'filter'>): void {
  filter('allocation_runs.items.update', async (payload, meta, context) => {
    const input = payload as Payload;
    const runs = await runsOf(context.database as Knex, keysOf(meta['keys']));
    if (runs.some((run) => run.status === 'ditetapkan')) throw frozen();
    const touched = FROZEN_RUN_FIELDS.filter((field) => field in input);
    if (touched.length > 0) {
      throw refused('Hasil perhitungan alokasi tidak dapat diubah; jalankan alokasi baru.', touched[0]);
    }
    if (input['status'] === 'ditetapkan') {
      for (const run of runs) {
        const number = 'decree_number' in input ? input['decree_number'] : run.decree_number;
        const date = 'decree_date' in input ? input['decree_date'] : run.decree_date;
        if (blank(number) || blank(date)) {
          throw refused(
            'Nomor dan tanggal keputusan wajib diisi saat menetapkan alokasi.',
            blank(number) ? 'decree_number' : 'decree_date',
          );
        }
      }
    }
    return input;
  });

  filter('allocation_runs.items.delete', async (keys, _meta, context) => {
    const runs = await runsOf(context.database as Knex, keysOf(keys));
    if (runs.some((run) => run.status === 'ditetapkan')) throw frozen();
    return keys;
  });

  filter('interventions.items.update', async (payload, meta, context) => {
    const input = payload as Payload;
    if (!FROZEN_INTERVENTION_FIELDS.some((field) => field in input)) return input;
    if (await anyInFinalisedRun(context.database as Knex, keysOf(meta['keys']))) throw frozen();
    return input;
  });

  filter('interventions.items.delete', async (keys, _meta, context) => {
    if (await anyInFinalisedRun(context.database as Knex, keysOf(keys))) throw frozen();
    return keys;
  });
}
