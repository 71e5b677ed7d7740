import {
  buildMonevView,
  buildTransitionView,
  canReportProgress,
  offersReportForm,
  defaultReportQuarter,
  parseMonevQuery,
  pickRounds,
} from '../monitoring.ts';
import type { MonevQuery, MonevView, TransitionView } from '../monitoring.ts';
import { canReadSurveys, roleKeyOf } from '../roles.ts';
import type { SessionUser } from '../session-user.ts';
import type { UserDirectus } from './directus-types.ts';
import {
  readInterventionYears,
  readMonitoringRecords,
  readSubKegiatanNames,
  readSurveyRounds,
  readTransitionInput,
} from './monitoring.ts';
import type { AgencyRef } from './reference.ts';
import { readAgencyRefs, readDesaRefs, readPlanningSettings } from './reference.ts';

export interface MonevPage {
  query: MonevQuery;
  fiscalYear: number;
  yearOptions: number[];
  /** agencies the filter offers (an agency user: only its own) */
  agencyOptions: AgencyRef[];
  /** the agency shown, null = all */
  agency: string | null;
  agencyName: string | null;
  /** the report form is offered (offersReportForm) */
  canReport: boolean;
  /** a planner who may report once an agency is chosen (a hint instead of the form) */
  canReportForAgency: boolean;
  /** null when the user may not read interventions */
  view: MonevView | null;
  today: string;
  defaultQuarter: 1 | 2 | 3 | 4;
  /** survey rounds with counted surveys; null when the role does not read surveys */
  rounds: number[] | null;
  transition: TransitionView | null;
}

/** Everything the Monev page shows, read as the user (`today` is the date in the deployment's zone). */
export async function readMonevPage(
  directus: UserDirectus,
  user: SessionUser,
  params: URLSearchParams,
  today: string,
): Promise<MonevPage> {
  const role = roleKeyOf(user.role);
  const query = parseMonevQuery(params);
  const [settings, years, agencies, subKegiatan, desa] = await Promise.all([
    readPlanningSettings(directus),
    readInterventionYears(directus),
    readAgencyRefs(directus),
    readSubKegiatanNames(directus),
    readDesaRefs(directus),
  ]);
  const fiscalYear = query.tahun ?? settings.activeFiscalYear ?? years[0] ?? Number(today.slice(0, 4));
  const yearOptions = [
    ...new Set([
      fiscalYear,
      ...years,
      ...(settings.activeFiscalYear === null ? [] : [settings.activeFiscalYear]),
    ]),
  ].sort((a, b) => b - a);
  const ownAgency = role === 'perangkat_daerah' ? user.perangkat_daerah : null;
  const agency =
    ownAgency ??
    (query.perangkat !== null && agencies.some((a) => a.id === query.perangkat) ? query.perangkat : null);
  const agencyOptions = ownAgency === null ? agencies : agencies.filter((a) => a.id === ownAgency);
  const names = {
    agencies: new Map(agencies.map((a) => [a.id, a.short_name])),
    subKegiatan,
    desa: new Map(desa.map((d) => [d.code, d.name])),
  };

  // an agency user without an agency sees nothing rather than everything
  const records =
    role === 'perangkat_daerah' && ownAgency === null
      ? null
      : await readMonitoringRecords(directus, { fiscalYear, agency });
  const view =
    records === null
      ? null
      : buildMonevView({
          fiscalYear,
          interventions: records.interventions,
          reports: records.reports,
          today,
          names,
        });

  let rounds: number[] | null = null;
  let transition: TransitionView | null = null;
  if (canReadSurveys(role)) {
    rounds = await readSurveyRounds(directus);
    const picked = pickRounds(rounds, query);
    if (picked !== null) {
      const input = await readTransitionInput(directus, picked);
      transition = buildTransitionView({ ...input, from: picked.from, to: picked.to });
    }
  }

  return {
    query,
    fiscalYear,
    yearOptions,
    agencyOptions,
    agency,
    agencyName: agency === null ? null : (names.agencies.get(agency) ?? agency),
    canReport: offersReportForm(role, agency),
    canReportForAgency: canReportProgress(role) && !offersReportForm(role, agency),
    view,
    today,
    defaultQuarter: defaultReportQuarter(today, fiscalYear),
    rounds,
    transition,
  };
}
