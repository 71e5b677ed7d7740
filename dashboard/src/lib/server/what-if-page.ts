import type { AllocationRequest } from '@siap-pd/core/allocation-types';
import { selectPovertyLine } from '@siap-pd/core/select-poverty-line';
import { readKey, readNumber, readText } from '../aggregate.ts';
import { readAllocationAnswer } from '../allocation-view.ts';
import type { AllocationNames, AllocationResultView } from '../allocation-view.ts';
import type { UnitCostItem, WhatIfDefaults } from '../what-if.ts';
import { readAllocationReference, readCeilings } from './allocation-reference.ts';
import type { SubKegiatanRef } from './allocation-reference.ts';
import type { UserDirectus } from './directus-types.ts';
import { readRows, unlessForbidden } from './items.ts';
import { readPlanningSettings } from './reference.ts';
import { callEndpoint, isRefusal } from './siap-endpoint.ts';
import type { EndpointRefusal } from './siap-endpoint.ts';

export interface WhatIfPage {
  /** null when the settings name no active fiscal year (nothing can be simulated) */
  defaults: WhatIfDefaults | null;
  names: AllocationNames;
  /** agencies offered in the ceiling table, by short name */
  agencies: { id: string; short_name: string }[];
  /** the preview without any change; a refusal when Directus refused it */
  baseline: AllocationResultView | EndpointRefusal | null;
  regionCode: string | null;
  surveyRound: number | null;
}

interface PovertyLineRow {
  year: number;
  region: string;
  poverty_line: number;
  extreme_poverty_line: number;
}

async function readPovertyLines(directus: UserDirectus): Promise<PovertyLineRow[]> {
  const rows = await unlessForbidden(
    readRows(directus, 'poverty_lines', {
      fields: ['year', 'region', 'poverty_line', 'extreme_poverty_line'],
      sort: ['year', 'id'],
      limit: -1,
    }),
    [],
  );
  return rows.flatMap((row) => {
    const year = readNumber(row['year']);
    const region = readText(row['region']);
    const line = readNumber(row['poverty_line']);
    const extreme = readNumber(row['extreme_poverty_line']);
    return year === null || region === null || line === null || extreme === null
      ? []
      : [{ year, region, poverty_line: line, extreme_poverty_line: extreme }];
  });
}

/** Sub-kegiatan codes linked by active need rules (the ones an allocation can fund). */
async function readLinkedSubKegiatan(directus: UserDirectus): Promise<Set<string>> {
  const rows = await unlessForbidden(
    readRows(directus, 'indicators', {
      fields: ['sub_kegiatan'],
      filter: { _and: [{ active: { _eq: true } }, { sub_kegiatan: { _nnull: true } }] },
      limit: -1,
    }),
    [],
  );
  return new Set(rows.flatMap((row) => readKey(row['sub_kegiatan']) ?? []));
}

/** The unit-cost table: active sub-kegiatan that active rules link, by agency then code. */
export function unitCostItems(
  subs: readonly SubKegiatanRef[],
  linked: ReadonlySet<string>,
  names: AllocationNames,
): UnitCostItem[] {
  return subs
    .filter((sub) => sub.active && linked.has(sub.code) && sub.perangkat_daerah !== null)
    .map((sub) => ({
      code: sub.code,
      name: sub.name,
      perangkat_daerah: sub.perangkat_daerah ?? '',
      unit: sub.unit,
      unit_cost: sub.unit_cost,
    }))
    .sort((a, b) => {
      const agencyA = names.agencies.get(a.perangkat_daerah)?.short_name ?? a.perangkat_daerah;
      const agencyB = names.agencies.get(b.perangkat_daerah)?.short_name ?? b.perangkat_daerah;
      return agencyA.localeCompare(agencyB, 'id') || a.code.localeCompare(b.code, 'en', { numeric: true });
    });
}

/** POST /siap-pd/allocations/preview as the user: the checked answer, or Directus's refusal. */
export async function previewAllocation(
  directus: UserDirectus,
  request: AllocationRequest,
): Promise<AllocationResultView | EndpointRefusal> {
  const result = await callEndpoint(directus, {
    path: '/siap-pd/allocations/preview',
    method: 'POST',
    body: { ...request, unfunded_limit: 0 },
    timeoutMs: 120_000,
  });
  if (!result.ok) return result;
  return (
    readAllocationAnswer(result.data) ?? {
      ok: false,
      status: 502,
      message: 'Jawaban simulasi dari server data tidak terbaca. Coba lagi atau hubungi administrator.',
      extensions: null,
    }
  );
}

/**
 * What the Simulasi page starts from: the active fiscal year, the poverty lines of the settings'
 * survey round (or the latest earlier year), the year's ceilings, the unit costs of the sub-kegiatan
 * in use, and the preview without changes (the baseline every change is compared with).
 */
export async function readWhatIfPage(directus: UserDirectus): Promise<WhatIfPage> {
  const [settings, reference, lines, linked] = await Promise.all([
    readPlanningSettings(directus),
    readAllocationReference(directus),
    readPovertyLines(directus),
    readLinkedSubKegiatan(directus),
  ]);
  const year = settings.activeFiscalYear;
  const items = unitCostItems(reference.subKegiatan, linked, reference.names);
  const base = {
    names: reference.names,
    regionCode: settings.regionCode,
    surveyRound: settings.surveyRound,
  };
  if (year === null) return { ...base, defaults: null, agencies: [], baseline: null };

  const [ceilings, baseline] = await Promise.all([
    readCeilings(directus, year),
    previewAllocation(directus, { fiscal_year: year }),
  ]);
  const round = settings.surveyRound ?? year;
  const line = settings.regionCode === null ? null : selectPovertyLine(lines, round, settings.regionCode);
  const agencyIds = new Set<string>([
    ...items.map((item) => item.perangkat_daerah),
    ...ceilings.keys(),
    ...(isRefusal(baseline) ? [] : baseline.agencies.map((row) => row.perangkat_daerah)),
  ]);
  const agencies = [...agencyIds]
    .map((id) => ({ id, short_name: reference.names.agencies.get(id)?.short_name ?? id }))
    .sort((a, b) => a.short_name.localeCompare(b.short_name, 'id'));
  return {
    ...base,
    defaults: {
      fiscal_year: year,
      poverty_line: line?.poverty_line ?? null,
      extreme_poverty_line: line?.extreme_poverty_line ?? null,
      poverty_line_year: line?.year ?? null,
      ceilings: Object.fromEntries([...ceilings].map(([agency, entry]) => [agency, entry.amount])),
      unit_costs: items,
    },
    agencies,
    baseline,
  };
}
