import type { Knex } from 'knex';
import type { InterventionStatus } from '@siap-pd/core/allocation-types';
import type { InterventionProgressState } from '@siap-pd/core/derive-intervention-progress';
import type { InterventionReport, Quarter } from '@siap-pd/core/monitoring-types';
import type { NeedStatusChange } from '@siap-pd/core/plan-need-status-change';

// The reads and writes of the monitoring hooks, on the request's own transaction
// (`context.database`: SQLite has one connection, so a hook must never open another). Money comes
// back as a string from PostgreSQL's bigInteger and timestamps as numbers (SQLite) or Dates
// (PostgreSQL): everything is converted here.

type Key = string | number;

export type StoredIntervention = InterventionProgressState & {
  id: number;
  household: number | null;
  need: number | null;
  sub_kegiatan: string | null;
  fiscal_year: number | null;
};

const STATUSES: ReadonlySet<string> = new Set([
  'planned',
  'budgeted',
  'in_progress',
  'completed',
  'cancelled',
]);

function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

function isoOrNull(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'number') return new Date(value).toISOString();
  if (typeof value === 'string') {
    const parsed = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
    return Number.isFinite(parsed) ? new Date(parsed).toISOString() : value;
  }
  return null;
}

/** A quarter from a stored or sent value ('1'..'4' or 1..4); null for anything else. */
export function quarterOf(value: unknown): Quarter | null {
  const number = numberOrNull(value);
  return number === 1 || number === 2 || number === 3 || number === 4 ? number : null;
}

function toReport(row: Record<string, unknown>): InterventionReport | null {
  const id = numberOrNull(row['id']);
  const intervention = numberOrNull(row['intervention']);
  const quarter = quarterOf(row['quarter']);
  const year = numberOrNull(row['fiscal_year']);
  if (id === null || intervention === null || quarter === null || year === null) return null;
  return {
    id,
    intervention,
    fiscal_year: year,
    quarter,
    progress_pct: numberOrNull(row['progress_pct']),
    realized_cost: numberOrNull(row['realized_cost']),
  };
}

export function createMonitoringStore(database: Knex) {
  return {
    async interventions(ids: readonly Key[]): Promise<StoredIntervention[]> {
      if (ids.length === 0) return [];
      const rows = (await database('interventions')
        .whereIn('id', [...ids])
        .select(
          'id',
          'status',
          'realized_cost',
          'completed_at',
          'household',
          'need',
          'sub_kegiatan',
          'fiscal_year',
        )) as Record<string, unknown>[];
      return rows.map((row) => ({
        id: Number(row['id']),
        status: (STATUSES.has(String(row['status'])) ? row['status'] : 'planned') as InterventionStatus,
        realized_cost: numberOrNull(row['realized_cost']),
        completed_at: isoOrNull(row['completed_at']),
        household: numberOrNull(row['household']),
        need: numberOrNull(row['need']),
        sub_kegiatan: typeof row['sub_kegiatan'] === 'string' ? row['sub_kegiatan'] : null,
        fiscal_year: numberOrNull(row['fiscal_year']),
      }));
    },

    /** The reports of some interventions. */
    async reportsOf(interventions: readonly Key[]): Promise<InterventionReport[]> {
      if (interventions.length === 0) return [];
      const rows = (await database('intervention_reports')
        .whereIn('intervention', [...interventions])
        .select('id', 'intervention', 'fiscal_year', 'quarter', 'progress_pct', 'realized_cost')) as Record<
        string,
        unknown
      >[];
      return rows.flatMap((row) => toReport(row) ?? []);
    },

    /** Reports by id (whatever their intervention). */
    async reports(ids: readonly Key[]): Promise<InterventionReport[]> {
      if (ids.length === 0) return [];
      const rows = (await database('intervention_reports')
        .whereIn('id', [...ids])
        .select('id', 'intervention', 'fiscal_year', 'quarter', 'progress_pct', 'realized_cost')) as Record<
        string,
        unknown
      >[];
      return rows.flatMap((row) => toReport(row) ?? []);
    },

    async writeProgress(id: number, state: InterventionProgressState, now: Date): Promise<void> {
      await database('interventions')
        .where({ id })
        .update({
          status: state.status,
          realized_cost: state.realized_cost,
          completed_at: state.completed_at === null ? null : new Date(state.completed_at),
          date_updated: now,
        });
    },

    async writeCompletedAt(id: number, completedAt: Date | null): Promise<void> {
      await database('interventions').where({ id }).update({ completed_at: completedAt });
    },

    /**
     * Moves the needs an intervention serves: those of its household linked to its sub-kegiatan,
     * and its own need, when their status is one of `change.from`.
     */
    async moveNeeds(intervention: StoredIntervention, change: NeedStatusChange, now: Date): Promise<number> {
      const { household, sub_kegiatan: subKegiatan, need } = intervention;
      if ((household === null || subKegiatan === null) && need === null) return 0;
      return database('needs')
        .whereIn('status', [...change.from])
        .andWhere((where) => {
          if (household !== null && subKegiatan !== null) {
            void where.orWhere((pair) => {
              void pair.where({ household, sub_kegiatan: subKegiatan });
            });
          }
          if (need !== null) void where.orWhere({ id: need });
        })
        .update({ status: change.to, date_updated: now });
    },
  };
}

export type MonitoringStore = ReturnType<typeof createMonitoringStore>;
