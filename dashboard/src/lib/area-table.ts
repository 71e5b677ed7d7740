import type { AreaFigures, AreaSummary } from './area-summary.ts';
import type { Column, TableRow } from './table.ts';

export interface AreaTable {
  columns: Column[];
  rows: TableRow[];
  footer: TableRow;
}

function figuresRow(figures: AreaFigures): TableRow {
  return {
    households: figures.households,
    baseline: figures.baseline,
    should: figures.shouldSurvey,
    surveyed: figures.surveyed,
    verified: figures.verified,
    valid: figures.validPct === null ? null : Math.round(figures.validPct * 10) / 10,
    ekstrem_kk: figures.kk.ekstrem,
    ekstrem_jiwa: figures.jiwa.ekstrem,
    miskin_kk: figures.kk.miskin,
    miskin_jiwa: figures.jiwa.miskin,
    tidak_miskin_kk: figures.kk.tidak_miskin,
    tidak_miskin_jiwa: figures.jiwa.tidak_miskin,
    lain_kk: figures.kk.unclassified + figures.kk.belum,
  };
}

/** The figures of every area as a table (one row per area, a totals footer); survey columns only when readable. */
export function buildAreaTable(summary: AreaSummary, areaLabel: string, totalLabel = 'Jumlah'): AreaTable {
  const surveys = summary.totals.surveyed !== null;
  const columns: Column[] = [
    { key: 'name', label: areaLabel, kind: 'text' },
    { key: 'code', label: 'Kode', kind: 'code' },
    { key: 'households', label: 'Rumah tangga', kind: 'number' },
    { key: 'baseline', label: 'Data awal', kind: 'number' },
    { key: 'should', label: 'Wajib disurvei', kind: 'number' },
    ...(surveys
      ? ([
          { key: 'surveyed', label: 'Disurvei', kind: 'number' },
          { key: 'verified', label: 'Terverifikasi', kind: 'number' },
          { key: 'valid', label: 'Data valid', kind: 'percent' },
        ] as const)
      : []),
    { key: 'ekstrem_kk', label: 'Ekstrem (KK)', kind: 'number' },
    { key: 'ekstrem_jiwa', label: 'Ekstrem (jiwa)', kind: 'number' },
    { key: 'miskin_kk', label: 'Miskin (KK)', kind: 'number' },
    { key: 'miskin_jiwa', label: 'Miskin (jiwa)', kind: 'number' },
    { key: 'tidak_miskin_kk', label: 'Tidak miskin (KK)', kind: 'number' },
    { key: 'tidak_miskin_jiwa', label: 'Tidak miskin (jiwa)', kind: 'number' },
    { key: 'lain_kk', label: 'Belum diklasifikasi (KK)', kind: 'number' },
  ];
  return {
    columns,
    rows: summary.rows.map((row) => ({ name: row.name, code: row.code, ...figuresRow(row) })),
    footer: { name: totalLabel, code: null, ...figuresRow(summary.totals) },
  };
}
