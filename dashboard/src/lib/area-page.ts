import type { AreaSummary } from './area-summary.ts';
import type { MapData } from './map.ts';
import type { NeedsSummary } from './needs-summary.ts';
import type { PlanningSettings } from './settings.ts';
import type { SurveyProgress } from './survey-progress.ts';

export type AreaLevel = 'kabupaten' | 'kecamatan' | 'desa';

export interface AreaRef {
  code: string;
  name: string;
}

/** Everything an area page (Ringkasan, Wilayah) shows; read by src/lib/server/area-page.ts. */
export interface AreaPageData {
  level: AreaLevel;
  settings: PlanningSettings;
  /** Rows per kecamatan (kabupaten level) or per desa (kecamatan and desa level). */
  summary: AreaSummary;
  progress: SurveyProgress | null;
  needs: NeedsSummary | null;
  map: MapData | null;
  /** The areas the rows refer to (kecamatan or desa), for names and links. */
  areas: AreaRef[];
}
