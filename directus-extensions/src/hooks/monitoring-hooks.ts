// Quarterly reports keep their intervention and its needs in step (DESIGN "Monitoring"; the rules
// are core's deriveInterventionProgress and planNeedStatusChange):
// - creating, correcting or deleting an intervention_reports row re-derives the intervention's
//   status, realized_cost (sum of the quarters) and completed_at from all its reports; a report of
//   100% completes it and its needs become `addressed`;
// - a status change made on the intervention itself (an agency or planner editing it) moves its
//   needs the same way and stamps or clears completed_at.
// Filter hooks run inside the request's transaction, after the access hooks (registered first) and
// before Directus checks permissions: a refused request rolls all of this back with it.
import type { RegisterFunctions } from '@directus/types';
import type { Knex } from 'knex';
import type { InterventionStatus } from '@siap-pd/core/allocation-types';
import { deriveInterventionProgress } from '@siap-pd/core/derive-intervention-progress';
import type { InterventionReport } from '@siap-pd/core/monitoring-types';
import { planNeedStatusChange } from '@siap-pd/core/plan-need-status-change';
import { refused } from '../adapters/access-errors.ts';
import { keyOf } from '../adapters/key-of.ts';
import { createMonitoringStore, quarterOf, type MonitoringStore } from '../adapters/monitoring-store.ts';

type Payload = Record<string, unknown>;
type Keys = (string | number)[];

/** Stands for the report being created: later than every stored one. */
const NEW_REPORT_ID = Number.MAX_SAFE_INTEGER;

const CANCELLED = 'Intervensi ini sudah dibatalkan; laporan triwulan tidak dapat ditambahkan atau diubah.';
const STATUSES: ReadonlySet<string> = new Set([
  'planned',
  'budgeted',
  'in_progress',
  'completed',
  'cancelled',
]);

function keysOf(value: unknown): Keys {
  return Array.isArray(value)
    ? value.filter((k): k is string | number => typeof k === 'string' || typeof k === 'number')
    : [];
}

function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

/** Re-derives each intervention from `reports` (all reports of those interventions, as they will be). */
async function syncInterventions(
  store: MonitoringStore,
  interventions: readonly number[],
  reports: readonly InterventionReport[],
): Promise<void> {
  const now = new Date();
  for (const stored of await store.interventions([...new Set(interventions)])) {
    const next = deriveInterventionProgress(stored, reports, now.toISOString());
    if (
      next.status === stored.status &&
      next.realized_cost === stored.realized_cost &&
      next.completed_at === stored.completed_at
    ) {
      continue;
    }
    await store.writeProgress(stored.id, next, now);
    const change = planNeedStatusChange(stored.status, next.status);
    if (change !== null) await store.moveNeeds(stored, change, now);
  }
}

/** A report as it will be stored after `payload` is applied to `base`. */
function applied(base: InterventionReport, payload: Payload): InterventionReport {
  const intervention = 'intervention' in payload ? numberOrNull(keyOf(payload['intervention'])) : null;
  return {
    ...base,
    ...(intervention === null ? {} : { intervention }),
    ...('fiscal_year' in payload
      ? { fiscal_year: numberOrNull(payload['fiscal_year']) ?? base.fiscal_year }
      : {}),
    ...('quarter' in payload ? { quarter: quarterOf(payload['quarter']) ?? base.quarter } : {}),
    ...('progress_pct' in payload ? { progress_pct: numberOrNull(payload['progress_pct']) } : {}),
    ...('realized_cost' in payload ? { realized_cost: numberOrNull(payload['realized_cost']) } : {}),
  };
}

function checkQuarter(payload: Payload): void {
  if ('quarter' in payload && quarterOf(payload['quarter']) === null) {
    throw refused('Triwulan harus 1, 2, 3 atau 4.', 'quarter');
  }
}

export function registerMonitoringHooks({ filter }: Pick<RegisterFunctions, 'filter'>): void {
  filter<Payload>('intervention_reports.items.create', async (payload, _meta, context) => {
    const input = { ...payload };
    checkQuarter(input);
    const key = numberOrNull(keyOf(input['intervention']));
    if (key === null) return input;
    const store = createMonitoringStore(context.database as Knex);
    const [intervention] = await store.interventions([key]);
    if (intervention === undefined) return input;
    if (intervention.status === 'cancelled') throw refused(CANCELLED, 'intervention');
    // the report's year defaults to its intervention's
    if (numberOrNull(input['fiscal_year']) === null && intervention.fiscal_year !== null) {
      input['fiscal_year'] = intervention.fiscal_year;
    }
    const quarter = quarterOf(input['quarter']);
    const year = numberOrNull(input['fiscal_year']);
    if (quarter === null || year === null) return input; // Directus refuses the missing required field
    const reports = await store.reportsOf([key]);
    reports.push(
      applied(
        {
          id: NEW_REPORT_ID,
          intervention: key,
          fiscal_year: year,
          quarter,
          progress_pct: null,
          realized_cost: null,
        },
        input,
      ),
    );
    await syncInterventions(store, [key], reports);
    return input;
  });

  filter<Payload>('intervention_reports.items.update', async (payload, meta, context) => {
    checkQuarter(payload);
    const keys = keysOf(meta['keys']);
    if (keys.length === 0) return payload;
    const store = createMonitoringStore(context.database as Knex);
    const before = await store.reports(keys);
    const changed = before.map((report) => applied(report, payload));
    const changedIds = new Set(changed.map((report) => report.id));
    const interventions = [...new Set([...before, ...changed].map((report) => report.intervention))];
    const stored = await store.interventions(interventions);
    if (stored.some((intervention) => intervention.status === 'cancelled')) throw refused(CANCELLED);
    const others = (await store.reportsOf(interventions)).filter((report) => !changedIds.has(report.id));
    await syncInterventions(store, interventions, [...others, ...changed]);
    return payload;
  });

  filter('intervention_reports.items.delete', async (keys, _meta, context) => {
    const ids = keysOf(keys);
    if (ids.length === 0) return keys;
    const store = createMonitoringStore(context.database as Knex);
    const gone = await store.reports(ids);
    const goneIds = new Set(gone.map((report) => report.id));
    const interventions = [...new Set(gone.map((report) => report.intervention))];
    const remaining = (await store.reportsOf(interventions)).filter((report) => !goneIds.has(report.id));
    await syncInterventions(store, interventions, remaining);
    return keys;
  });

  filter<Payload>('interventions.items.update', async (payload, meta, context) => {
    const status = payload['status'];
    if (typeof status !== 'string' || !STATUSES.has(status)) return payload;
    const after = status as InterventionStatus;
    const store = createMonitoringStore(context.database as Knex);
    const now = new Date();
    for (const intervention of await store.interventions(keysOf(meta['keys']))) {
      const change = planNeedStatusChange(intervention.status, after);
      if (change === null) continue;
      await store.moveNeeds(intervention, change, now);
      if (!('completed_at' in payload)) {
        if (after === 'completed') await store.writeCompletedAt(intervention.id, now);
        else if (intervention.status === 'completed') await store.writeCompletedAt(intervention.id, null);
      }
    }
    return payload;
  });
}
