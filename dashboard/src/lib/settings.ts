import { readNumber, readText } from './aggregate.ts';
import type { Row } from './aggregate.ts';

/** The planning_settings singleton as the dashboard uses it. */
export interface PlanningSettings {
  regionName: string;
  regionCode: string | null;
  /** The active survey round (a year); null when not set, then survey figures count every round. */
  surveyRound: number | null;
  activeFiscalYear: number | null;
  /** Target of valid data in percent (DESIGN.md: the seed reached 99%). */
  validityTargetPct: number | null;
}

export const DEFAULT_REGION_NAME = 'Kabupaten';

/** Reads the settings row; anything missing or unreadable falls back to "unknown" rather than a guess. */
export function toPlanningSettings(row: Row | null): PlanningSettings {
  const round = readNumber(row?.['survey_round']);
  const fiscalYear = readNumber(row?.['active_fiscal_year']);
  const target = readNumber(row?.['validity_target_pct']);
  return {
    regionName: readText(row?.['region_name']) ?? DEFAULT_REGION_NAME,
    regionCode: readText(row?.['region_code']),
    surveyRound: round !== null && Number.isInteger(round) ? round : null,
    activeFiscalYear: fiscalYear !== null && Number.isInteger(fiscalYear) ? fiscalYear : null,
    validityTargetPct: target !== null && target >= 0 && target <= 100 ? target : null,
  };
}
