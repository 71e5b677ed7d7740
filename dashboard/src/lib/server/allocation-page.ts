import { readNumber } from '../aggregate.ts';
import type { AllocationAccess } from '../allocation-access.ts';
import { readId, readYear } from '../allocation-forms.ts';
import type { CeilingForm, DecreeForm } from '../allocation-forms.ts';
import {
  isRunExportable,
  pickRun,
  readRunId,
  readRunRecord,
  readRunSummary,
  restrictToAgency,
} from '../allocation-view.ts';
import type { AllocationNames, AllocationRunRecord, AllocationRunSummary } from '../allocation-view.ts';
import type { SessionUser } from '../session-user.ts';
import { readAllocationReference, readCeilings } from './allocation-reference.ts';
import type { UserDirectus } from './directus-types.ts';
import { readRow, readRows, unlessForbidden } from './items.ts';
import { readPlanningSettings } from './reference.ts';
import type { AgencyRef } from './reference.ts';
import { callEndpoint } from './siap-endpoint.ts';
import type { EndpointRefusal } from './siap-endpoint.ts';

/** How many runs of a year the page lists (newest first). */
export const RUN_LIST_LIMIT = 200;

const SUMMARY_FIELDS = [
  'id',
  'fiscal_year',
  'status',
  'decree_number',
  'decree_date',
  'date_created',
  'scope',
  'totals',
];
const RECORD_FIELDS = [...SUMMARY_FIELDS, 'agencies', 'lines', 'parameters'];

export interface CeilingRow {
  perangkat_daerah: string;
  /** null = no ceiling for the year */
  amount: number | null;
}

export interface AllocationPage {
  access: AllocationAccess;
  /** the user's own agency when the page shows only that agency */
  agency: string | null;
  /** an agency user whose account names no agency (nothing can be shown) */
  agencyMissing: boolean;
  activeFiscalYear: number | null;
  /** the fiscal year shown */
  year: number | null;
  /** years that have runs, plus the active year, newest first */
  years: number[];
  names: AllocationNames;
  agencies: AgencyRef[];
  runs: AllocationRunSummary[];
  run: AllocationRunRecord | null;
  /** the run's own export still adds up to its totals (see isRunExportable) */
  runExportable: boolean;
  compare: AllocationRunRecord | null;
  /** ceilings of the year: every agency for planners, the own one for an agency */
  ceilings: CeilingRow[];
}

async function readRunYears(directus: UserDirectus): Promise<number[]> {
  const rows = await unlessForbidden(
    readRows(directus, 'allocation_runs', {
      aggregate: { count: ['id'] },
      groupBy: ['fiscal_year'],
      limit: -1,
    }),
    [],
  );
  return rows.flatMap((row) => {
    const year = readNumber(row['fiscal_year']);
    return year === null ? [] : [year];
  });
}

async function readRunSummaries(directus: UserDirectus, year: number): Promise<AllocationRunSummary[]> {
  const rows = await unlessForbidden(
    readRows(directus, 'allocation_runs', {
      fields: SUMMARY_FIELDS,
      filter: { fiscal_year: { _eq: year } },
      sort: ['-id'],
      limit: RUN_LIST_LIMIT,
    }),
    [],
  );
  return rows.map(readRunSummary).filter((run): run is AllocationRunSummary => run !== null);
}

async function readRunDetail(directus: UserDirectus, id: number | null): Promise<AllocationRunRecord | null> {
  if (id === null) return null;
  const row = await readRow(directus, 'allocation_runs', id, { fields: RECORD_FIELDS });
  return row === null ? null : readRunRecord(row);
}

/**
 * Everything the Alokasi page shows, read with the user's own token: the runs of the fiscal year
 * (?tahun=, default the active one), the chosen run (?alokasi=, default the newest) and the one to
 * compare with (?banding=), names, and the year's ceilings. An agency user sees only its own agency.
 */
export async function readAllocationPage(
  directus: UserDirectus,
  user: SessionUser,
  access: AllocationAccess,
  params: URLSearchParams,
): Promise<AllocationPage> {
  const ownAgency = access.allocation === 'own_agency' ? user.perangkat_daerah : null;
  const agencyMissing = access.allocation === 'own_agency' && ownAgency === null;
  const [settings, reference, runYears] = await Promise.all([
    readPlanningSettings(directus),
    readAllocationReference(directus),
    readRunYears(directus),
  ]);
  const activeFiscalYear = settings.activeFiscalYear;
  const years = [...new Set([...runYears, ...(activeFiscalYear === null ? [] : [activeFiscalYear])])].sort(
    (a, b) => b - a,
  );
  const year = readYear(params.get('tahun')) ?? activeFiscalYear ?? years[0] ?? null;

  const base = {
    access,
    agency: ownAgency,
    agencyMissing,
    activeFiscalYear,
    year,
    years: year === null || years.includes(year) ? years : [year, ...years].sort((a, b) => b - a),
    names: reference.names,
    agencies:
      ownAgency === null
        ? reference.agencies
        : reference.agencies.filter((agency) => agency.id === ownAgency),
  };
  if (year === null || agencyMissing) {
    return { ...base, runs: [], run: null, runExportable: false, compare: null, ceilings: [] };
  }

  const [runs, stored] = await Promise.all([readRunSummaries(directus, year), readCeilings(directus, year)]);
  const chosen = pickRun(runs, readId(params.get('alokasi')));
  const compareId = readId(params.get('banding'));
  const [run, compare] = await Promise.all([
    readRunDetail(directus, chosen),
    readRunDetail(
      directus,
      compareId !== null && compareId !== chosen && runs.some((item) => item.id === compareId)
        ? compareId
        : null,
    ),
  ]);
  const own = <V extends AllocationRunRecord>(view: V | null): V | null =>
    view === null || ownAgency === null ? view : restrictToAgency(view, ownAgency);
  const chosenSummary = runs.find((item) => item.id === chosen) ?? null;
  return {
    ...base,
    runs,
    run: own(run),
    runExportable: chosenSummary !== null && isRunExportable(chosenSummary, runs),
    compare: own(compare),
    ceilings: base.agencies.map((agency) => ({
      perangkat_daerah: agency.id,
      amount: stored.get(agency.id)?.amount ?? null,
    })),
  };
}

/** Runs the allocation of a year (POST /siap-pd/allocations/run): the new run's id, or Directus's refusal. */
export async function runAllocation(
  directus: UserDirectus,
  year: number,
): Promise<{ ok: true; run: number } | EndpointRefusal> {
  const result = await callEndpoint(directus, {
    path: '/siap-pd/allocations/run',
    method: 'POST',
    // the page reads the stored run afterwards; the answer need not list unfunded items
    body: { fiscal_year: year, unfunded_limit: 0 },
    timeoutMs: 300_000,
  });
  if (!result.ok) return result;
  const run = readRunId(result.data);
  if (run === null) {
    return {
      ok: false,
      status: 500,
      message: 'Server data tidak mengembalikan nomor alokasi.',
      extensions: null,
    };
  }
  return { ok: true, run };
}

/** Finalises a run (status ditetapkan with the decree's number and date). */
export async function finaliseRun(
  directus: UserDirectus,
  form: DecreeForm,
): Promise<{ ok: true } | EndpointRefusal> {
  const result = await callEndpoint(directus, {
    path: `/items/allocation_runs/${form.run}`,
    method: 'PATCH',
    body: { status: 'ditetapkan', decree_number: form.decree_number, decree_date: form.decree_date },
  });
  return result.ok ? { ok: true } : result;
}

/**
 * Sets (or, with no amount, removes) an agency's ceiling for a year: updates the row that counts,
 * creates one when there is none, and deletes every row of the agency and year on removal.
 */
export async function saveCeiling(
  directus: UserDirectus,
  form: CeilingForm,
): Promise<{ ok: true } | EndpointRefusal> {
  const stored = (await readCeilings(directus, form.fiscal_year)).get(form.perangkat_daerah);
  if (form.amount === null) {
    if (stored === undefined) return { ok: true };
    const result = await callEndpoint(directus, {
      path: '/items/budget_ceilings',
      method: 'DELETE',
      body: stored.ids,
    });
    return result.ok ? { ok: true } : result;
  }
  const latest = stored?.ids[stored.ids.length - 1];
  const result =
    latest === undefined
      ? await callEndpoint(directus, {
          path: '/items/budget_ceilings',
          method: 'POST',
          body: {
            fiscal_year: form.fiscal_year,
            perangkat_daerah: form.perangkat_daerah,
            amount: form.amount,
          },
        })
      : await callEndpoint(directus, {
          path: `/items/budget_ceilings/${latest}`,
          method: 'PATCH',
          body: { amount: form.amount },
        });
  return result.ok ? { ok: true } : result;
}
