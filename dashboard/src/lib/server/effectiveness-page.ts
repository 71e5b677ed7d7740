import type { EffectivenessReport } from '@siap-pd/core/allocation-types';
import { readYear } from '../allocation-forms.ts';
import type { AllocationNames } from '../allocation-view.ts';
import { readEffectivenessReport, readRejectedRows, readTaggedImportResult } from '../effectiveness-view.ts';
import type { ImportProblem, TaggedImportResult } from '../effectiveness-view.ts';
import { readAllocationReference } from './allocation-reference.ts';
import type { UserDirectus } from './directus-types.ts';
import { readPlanningSettings } from './reference.ts';
import { callEndpoint } from './siap-endpoint.ts';
import type { EndpointRefusal } from './siap-endpoint.ts';

export interface EffectivenessPage {
  year: number | null;
  activeFiscalYear: number | null;
  names: AllocationNames;
  /** the report, or Directus's refusal (e.g. the role may not read it) */
  report: EffectivenessReport | EndpointRefusal | null;
}

const UNREADABLE: EndpointRefusal = {
  ok: false,
  status: 502,
  message: 'Laporan efektivitas dari server data tidak terbaca. Coba lagi atau hubungi administrator.',
  extensions: null,
};

/** GET /siap-pd/effectiveness?fiscal_year= as the user. */
export async function readEffectiveness(
  directus: UserDirectus,
  year: number,
): Promise<EffectivenessReport | EndpointRefusal> {
  const result = await callEndpoint(directus, {
    path: '/siap-pd/effectiveness',
    params: { fiscal_year: year },
    timeoutMs: 60_000,
  });
  if (!result.ok) return result;
  return readEffectivenessReport(result.data) ?? UNREADABLE;
}

/** The Efektivitas page: the report of ?tahun= (default the active fiscal year) and names. */
export async function readEffectivenessPage(
  directus: UserDirectus,
  params: URLSearchParams,
): Promise<EffectivenessPage> {
  const [settings, reference] = await Promise.all([
    readPlanningSettings(directus),
    readAllocationReference(directus),
  ]);
  const year = readYear(params.get('tahun')) ?? settings.activeFiscalYear;
  return {
    year,
    activeFiscalYear: settings.activeFiscalYear,
    names: reference.names,
    report: year === null ? null : await readEffectiveness(directus, year),
  };
}

/** Largest tagged-budget file the page accepts (the endpoint takes up to 20 MB; a SIPD year is far smaller). */
export const TAGGED_BUDGET_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Uploads a tagged-budget CSV (POST /siap-pd/tagged-budget/import, JSON { csv }): it replaces the
 * year's tagged budget with the valid rows. A refusal carries the refused rows when the server lists them.
 */
export async function importTaggedBudget(
  directus: UserDirectus,
  input: { year: number; csv: string; fileName: string | null },
): Promise<TaggedImportResult | (EndpointRefusal & { problems: ImportProblem[] })> {
  const result = await callEndpoint(directus, {
    path: '/siap-pd/tagged-budget/import',
    method: 'POST',
    params: {
      fiscal_year: input.year,
      ...(input.fileName === null ? {} : { file_name: input.fileName }),
    },
    body: { csv: input.csv },
    timeoutMs: 120_000,
  });
  if (!result.ok) return { ...result, problems: readRejectedRows(result.extensions) };
  return readTaggedImportResult(result.data) ?? { ...UNREADABLE, problems: [] };
}
