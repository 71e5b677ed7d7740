import type { InterventionStatus } from '@siap-pd/core/allocation-types';
import type { TransitionMatrix } from '@siap-pd/core/build-transition-matrix';
import { buildTransitionMatrix } from '@siap-pd/core/build-transition-matrix';
import type { ClassifiedSurvey } from '@siap-pd/core/build-transition-matrix';
import { findOverdueInterventions } from '@siap-pd/core/find-overdue-interventions';
import type { OverdueIntervention, OverdueReason } from '@siap-pd/core/find-overdue-interventions';
import type { InterventionReport, MonitoredIntervention, Quarter } from '@siap-pd/core/monitoring-types';
import { summarizeMonitoring } from '@siap-pd/core/summarize-monitoring';
import type { MonitoringSummary } from '@siap-pd/core/summarize-monitoring';
import type { Classification, SurveyStatus } from '@siap-pd/core/types';
import { readKey, readNumber, readText } from './aggregate.ts';
import type { Row } from './aggregate.ts';
import type { RoleKey } from './roles.ts';
import type { TableRow } from './table.ts';

/** The time zone of the first deployment (Balangan, WITA): a quarter ends at midnight there. */
export const MONITORING_TIME_ZONE = 'Asia/Makassar';

/** At most this many overdue interventions and reports are listed on the page (the figures count all). */
export const MONEV_LIST_LIMIT = 1000;

export const QUARTER_LABELS: Record<Quarter, string> = { 1: 'TW I', 2: 'TW II', 3: 'TW III', 4: 'TW IV' };

export const OVERDUE_REASON_LABELS: Record<OverdueReason, string> = {
  no_report: 'Laporan triwulan belum masuk',
  behind: 'Kemajuan di bawah jadwal',
  not_completed: 'Belum selesai setelah TW IV',
};

export const INTERVENTION_STATUS_LABELS: Record<InterventionStatus, string> = {
  planned: 'Direncanakan',
  budgeted: 'Dianggarkan',
  in_progress: 'Berjalan',
  completed: 'Selesai',
  cancelled: 'Dibatalkan',
};

export const CLASS_LABELS: Record<'ekstrem' | 'miskin' | 'tidak_miskin', string> = {
  ekstrem: 'Miskin ekstrem',
  miskin: 'Miskin',
  tidak_miskin: 'Tidak miskin',
};

const STATUSES: ReadonlySet<string> = new Set(Object.keys(INTERVENTION_STATUS_LABELS));

// --- URL state ---------------------------------------------------------------------------------

export interface MonevQuery {
  /** fiscal year; null = the active one of planning_settings */
  tahun: number | null;
  /** agency id; null = all the user may see */
  perangkat: string | null;
  /** intervention chosen in the report form */
  lapor: number | null;
  /** survey rounds of the transition matrix; null = the two latest */
  dari: number | null;
  ke: number | null;
}

function yearParam(value: string | null): number | null {
  if (value === null || !/^\d{4}$/.test(value.trim())) return null;
  return Number(value.trim());
}

/** Reads ?tahun=&perangkat=&lapor=&dari=&ke= (anything malformed is ignored). */
export function parseMonevQuery(params: URLSearchParams): MonevQuery {
  const agency = params.get('perangkat')?.trim() ?? '';
  const report = params.get('lapor')?.trim() ?? '';
  return {
    tahun: yearParam(params.get('tahun')),
    perangkat: /^[\w.-]{1,64}$/.test(agency) ? agency : null,
    lapor: /^\d{1,12}$/.test(report) ? Number(report) : null,
    dari: yearParam(params.get('dari')),
    ke: yearParam(params.get('ke')),
  };
}

/** "?tahun=2026&perangkat=dinsos" for links that keep the page's filters. */
export function monevSearch(query: MonevQuery, changes: Partial<MonevQuery> = {}): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.tahun !== null) params.set('tahun', String(next.tahun));
  if (next.perangkat !== null) params.set('perangkat', next.perangkat);
  if (next.lapor !== null) params.set('lapor', String(next.lapor));
  if (next.dari !== null) params.set('dari', String(next.dari));
  if (next.ke !== null) params.set('ke', String(next.ke));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * Where the report form posts: the named action with the page's filters kept ("?/lapor" alone would
 * drop them, and the answer would show the active year instead of the one being reported on).
 */
export function reportActionSearch(query: MonevQuery, fiscalYear: number): string {
  return `${monevSearch({ ...query, tahun: fiscalYear, lapor: null })}&/lapor`;
}

/** The calendar date ('YYYY-MM-DD') of `now` in `timeZone`. */
export function dateInZone(now: Date, timeZone: string = MONITORING_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

// --- Records from Directus -----------------------------------------------------------------------

export interface InterventionRecord extends MonitoredIntervention {
  household: number | null;
  head_name: string | null;
  desa: string | null;
  sub_kegiatan: string | null;
  realized_cost: number | null;
}

export interface ReportRecord extends InterventionReport {
  note: string | null;
  date_created: string | null;
}

function quarterOf(value: unknown): Quarter | null {
  const number = readNumber(value);
  return number === 1 || number === 2 || number === 3 || number === 4 ? number : null;
}

/** Interventions read with INTERVENTION_FIELDS (rows without id, agency or year are dropped). */
export function toInterventionRecords(rows: readonly Row[]): InterventionRecord[] {
  return rows.flatMap((row) => {
    const id = readNumber(row['id']);
    const agency = readKey(row['perangkat_daerah']);
    const year = readNumber(row['fiscal_year']);
    if (id === null || agency === null || year === null) return [];
    const household = row['household'];
    const status = readText(row['status']);
    return [
      {
        id,
        perangkat_daerah: agency,
        fiscal_year: year,
        status: (status !== null && STATUSES.has(status) ? status : 'planned') as InterventionStatus,
        planned_cost: readNumber(row['planned_cost']),
        realized_cost: readNumber(row['realized_cost']),
        household: readNumber(readKey(household)),
        head_name:
          typeof household === 'object' && household !== null
            ? readText((household as Row)['head_name'])
            : null,
        desa: readKey(row['desa']),
        sub_kegiatan: readKey(row['sub_kegiatan']),
      },
    ];
  });
}

export const INTERVENTION_FIELDS = [
  'id',
  'perangkat_daerah',
  'fiscal_year',
  'status',
  'planned_cost',
  'realized_cost',
  'household.id',
  'household.head_name',
  'desa',
  'sub_kegiatan',
] as const;

export const REPORT_FIELDS = [
  'id',
  'intervention',
  'fiscal_year',
  'quarter',
  'progress_pct',
  'realized_cost',
  'note',
  'date_created',
] as const;

/** Reports read with REPORT_FIELDS. */
export function toReportRecords(rows: readonly Row[]): ReportRecord[] {
  return rows.flatMap((row) => {
    const id = readNumber(row['id']);
    const intervention = readNumber(readKey(row['intervention']));
    const year = readNumber(row['fiscal_year']);
    const quarter = quarterOf(row['quarter']);
    if (id === null || intervention === null || year === null || quarter === null) return [];
    return [
      {
        id,
        intervention,
        fiscal_year: year,
        quarter,
        progress_pct: readNumber(row['progress_pct']),
        realized_cost: readNumber(row['realized_cost']),
        note: readText(row['note']),
        date_created: readText(row['date_created']),
      },
    ];
  });
}

const CLASSIFICATIONS: ReadonlySet<string> = new Set(['ekstrem', 'miskin', 'tidak_miskin', 'unclassified']);
const SURVEY_STATUSES: ReadonlySet<string> = new Set(['draft', 'submitted', 'verified', 'returned']);

export const TRANSITION_SURVEY_FIELDS = [
  'id',
  'household',
  'round',
  'status',
  'classification',
  'surveyed_at',
  'date_created',
] as const;

/** Surveys read with TRANSITION_SURVEY_FIELDS. */
export function toClassifiedSurveys(rows: readonly Row[]): ClassifiedSurvey[] {
  return rows.flatMap((row) => {
    const id = readNumber(row['id']);
    const household = readNumber(readKey(row['household']));
    const round = readNumber(row['round']);
    const status = readText(row['status']);
    if (
      id === null ||
      household === null ||
      round === null ||
      status === null ||
      !SURVEY_STATUSES.has(status)
    )
      return [];
    const classification = readText(row['classification']);
    return [
      {
        id,
        household,
        round,
        status: status as SurveyStatus,
        classification:
          classification !== null && CLASSIFICATIONS.has(classification)
            ? (classification as Classification)
            : null,
        surveyed_at: readText(row['surveyed_at']),
        date_created: readText(row['date_created']),
      },
    ];
  });
}

/** Which two rounds to compare: the ones asked for when both exist, else the two latest. */
export function pickRounds(
  rounds: readonly number[],
  asked: { dari: number | null; ke: number | null },
): { from: number; to: number } | null {
  const sorted = [...new Set(rounds)].sort((a, b) => a - b);
  if (sorted.length < 2) return null;
  if (asked.dari !== null && asked.ke !== null && asked.dari < asked.ke) {
    if (sorted.includes(asked.dari) && sorted.includes(asked.ke)) return { from: asked.dari, to: asked.ke };
  }
  return { from: sorted[sorted.length - 2] as number, to: sorted[sorted.length - 1] as number };
}

// --- The page ------------------------------------------------------------------------------------

export interface MonevNames {
  agencies: ReadonlyMap<string, string>;
  subKegiatan: ReadonlyMap<string, string>;
  desa: ReadonlyMap<string, string>;
}

export interface ReportOption {
  value: number;
  label: string;
  overdue: boolean;
}

export interface MonevView {
  summary: MonitoringSummary;
  agencyRows: TableRow[];
  agencyFooter: TableRow;
  quarterRows: TableRow[];
  overdueTotal: number;
  overdueByReason: Record<OverdueReason, number>;
  /** the most overdue first, at most MONEV_LIST_LIMIT */
  overdueRows: TableRow[];
  /** intervention id and household of each overdue row (for links) */
  overdueRefs: { intervention: number; household: number | null }[];
  reportTotal: number;
  reportRows: TableRow[];
  /** interventions that can still be reported on (not completed or cancelled), overdue first */
  reportOptions: ReportOption[];
}

function interventionLabel(record: InterventionRecord | undefined, names: MonevNames): string {
  if (record === undefined) return '-';
  const sub =
    record.sub_kegiatan === null ? null : (names.subKegiatan.get(record.sub_kegiatan) ?? record.sub_kegiatan);
  return sub ?? '-';
}

function optionLabel(record: InterventionRecord, names: MonevNames): string {
  const parts = [`#${record.id}`, interventionLabel(record, names)];
  if (record.head_name !== null) parts.push(record.head_name);
  if (record.desa !== null) parts.push(names.desa.get(record.desa) ?? record.desa);
  return parts.join(' · ');
}

/** Everything the Monev page shows for one fiscal year, from the interventions and reports the user may read. */
export function buildMonevView(input: {
  fiscalYear: number;
  interventions: readonly InterventionRecord[];
  reports: readonly ReportRecord[];
  today: string;
  names: MonevNames;
}): MonevView {
  const { names } = input;
  const agencyName = (id: string): string => names.agencies.get(id) ?? id;
  const summary = summarizeMonitoring({
    fiscal_year: input.fiscalYear,
    interventions: input.interventions,
    reports: input.reports,
  });
  const ofYear = input.interventions.filter((i) => i.fiscal_year === input.fiscalYear);
  const byId = new Map(ofYear.map((record) => [record.id, record]));

  const agencyRows = summary.agencies.map((agency): TableRow => ({
    agency: agencyName(agency.perangkat_daerah),
    interventions: agency.interventions,
    planned: agency.planned_cost,
    realized: agency.realized_cost,
    pct: agency.realized_pct,
    reported: agency.reported,
    completed: agency.completed,
  }));
  const agencyFooter: TableRow = {
    agency: 'Jumlah',
    interventions: summary.totals.interventions,
    planned: summary.totals.planned_cost,
    realized: summary.totals.realized_cost,
    pct: summary.totals.realized_pct,
    reported: summary.totals.reported,
    completed: summary.totals.completed,
  };
  const quarterRows = summary.quarters.map((quarter): TableRow => ({
    quarter: QUARTER_LABELS[quarter.quarter],
    planned: quarter.planned_cost,
    realized: quarter.realized_cost,
    plannedCumulative: quarter.planned_cumulative,
    realizedCumulative: quarter.realized_cumulative,
    reported: quarter.reported,
    completed: quarter.completed,
  }));

  const overdue = findOverdueInterventions({
    interventions: ofYear,
    reports: input.reports,
    today: input.today,
  });
  const overdueByReason: Record<OverdueReason, number> = { no_report: 0, behind: 0, not_completed: 0 };
  for (const item of overdue) overdueByReason[item.reason] += 1;
  const listed = [...overdue]
    .sort((a, b) => b.days_overdue - a.days_overdue || a.intervention - b.intervention)
    .slice(0, MONEV_LIST_LIMIT);
  const overdueRows = listed.map((item: OverdueIntervention): TableRow => {
    const record = byId.get(item.intervention);
    return {
      intervention: item.intervention,
      head_name: record?.head_name ?? '-',
      desa:
        record?.desa === null || record?.desa === undefined
          ? '-'
          : (names.desa.get(record.desa) ?? record.desa),
      sub_kegiatan: interventionLabel(record, names),
      agency: agencyName(item.perangkat_daerah),
      due: QUARTER_LABELS[item.due_quarter],
      reason: OVERDUE_REASON_LABELS[item.reason],
      progress: item.progress_pct,
      days: item.days_overdue,
      planned: record?.planned_cost ?? null,
    };
  });

  const reportsOfYear = input.reports
    .filter((report) => report.fiscal_year === input.fiscalYear && byId.has(report.intervention))
    .sort((a, b) => b.id - a.id);
  const reportRows = reportsOfYear.slice(0, MONEV_LIST_LIMIT).map((report): TableRow => {
    const record = byId.get(report.intervention);
    return {
      intervention: report.intervention,
      head_name: record?.head_name ?? '-',
      sub_kegiatan: interventionLabel(record, names),
      agency: record === undefined ? '-' : agencyName(record.perangkat_daerah),
      quarter: QUARTER_LABELS[report.quarter],
      progress: report.progress_pct,
      realized: report.realized_cost,
      note: report.note ?? '',
      sent: report.date_created,
    };
  });

  const overdueIds = new Set(overdue.map((item) => item.intervention));
  const reportOptions = ofYear
    .filter((record) => record.status !== 'completed' && record.status !== 'cancelled')
    .sort((a, b) => Number(overdueIds.has(b.id)) - Number(overdueIds.has(a.id)) || a.id - b.id)
    .map((record) => ({
      value: record.id,
      label: optionLabel(record, names),
      overdue: overdueIds.has(record.id),
    }));

  return {
    summary,
    agencyRows,
    agencyFooter,
    quarterRows,
    overdueTotal: overdue.length,
    overdueByReason,
    overdueRows,
    overdueRefs: listed.map((item) => ({
      intervention: item.intervention,
      household: byId.get(item.intervention)?.household ?? null,
    })),
    reportTotal: reportsOfYear.length,
    reportRows,
    reportOptions,
  };
}

// --- Transition matrix ---------------------------------------------------------------------------

export interface TransitionView {
  matrix: TransitionMatrix;
  /** one table per group: rows = class in the first round, columns = class in the second */
  tables: { key: string; title: string; rows: TableRow[]; footer: TableRow }[];
}

const GROUP_TITLES: Record<string, string> = {
  intervened: 'Rumah tangga yang menerima intervensi',
  not_intervened: 'Rumah tangga yang tidak menerima intervensi',
};

/** The transition matrix of two rounds as tables (counts per class pair, with the share that improved). */
export function buildTransitionView(input: {
  surveys: readonly ClassifiedSurvey[];
  from: number;
  to: number;
  intervened: ReadonlySet<number>;
}): TransitionView {
  const matrix = buildTransitionMatrix({
    surveys: input.surveys,
    from_round: input.from,
    to_round: input.to,
    intervened: input.intervened,
  });
  const tables = matrix.groups.map((group) => {
    const rows = matrix.classes.map((from): TableRow => {
      const cells = group.cells[from];
      return {
        from: CLASS_LABELS[from],
        ekstrem: cells.ekstrem,
        miskin: cells.miskin,
        tidak_miskin: cells.tidak_miskin,
        total: cells.ekstrem + cells.miskin + cells.tidak_miskin,
      };
    });
    const column = (to: 'ekstrem' | 'miskin' | 'tidak_miskin'): number =>
      matrix.classes.reduce((sum, from) => sum + group.cells[from][to], 0);
    return {
      key: group.key,
      title: GROUP_TITLES[group.key] ?? group.key,
      rows,
      footer: {
        from: 'Jumlah',
        ekstrem: column('ekstrem'),
        miskin: column('miskin'),
        tidak_miskin: column('tidak_miskin'),
        total: group.households,
      },
    };
  });
  return { matrix, tables };
}

// --- The report form -----------------------------------------------------------------------------

export interface ReportInput {
  intervention: number;
  quarter: Quarter;
  progress_pct: number;
  realized_cost: number | null;
  note: string | null;
}

export type ReportFormField = 'intervensi' | 'triwulan' | 'kemajuan' | 'realisasi' | 'catatan';
/** What the form marks: its text fields and the evidence file (`bukti`). */
export type ReportFormErrors = Partial<Record<ReportFormField | 'bukti', string>>;

export type ReportFormResult =
  { ok: true; value: ReportInput } | { ok: false; errors: Partial<Record<ReportFormField, string>> };

const NOTE_MAX = 2000;

/** Evidence uploaded with a report: a photo or a scanned document (berita acara). */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
const EVIDENCE_TYPES: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
  'application/pdf',
]);
/** What the form accepts (the file picker's filter). */
export const EVIDENCE_ACCEPT = [...EVIDENCE_TYPES].join(',');

/** Checks an evidence file before it is uploaded: null when it may go, else what to do instead. */
export function checkEvidenceFile(file: { name: string; size: number; type: string }): string | null {
  if (!EVIDENCE_TYPES.has(file.type.toLowerCase())) {
    return `Berkas ${file.name} bukan foto (JPG, PNG, WebP, HEIC) atau PDF. Pilih foto kegiatan atau pindaian berita acara.`;
  }
  if (file.size > EVIDENCE_MAX_BYTES) {
    const megabytes = (file.size / (1024 * 1024)).toFixed(1).replace('.', ',');
    return `Berkas ${file.name} ${megabytes} MB, lebih dari batas 10 MB. Perkecil fotonya atau pindai ulang dengan resolusi lebih rendah.`;
  }
  return null;
}

/** "Rp 1.500.000", "1.500.000", "1500000" -> 1500000; '' -> null; anything else -> NaN. */
export function parseRupiahText(text: string): number | null {
  const trimmed = text.trim().replace(/^rp\.?\s*/i, '');
  if (trimmed === '') return null;
  if (/^\d{1,3}(\.\d{3})+$/.test(trimmed)) return Number(trimmed.replace(/\./g, ''));
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return Number.NaN;
}

/** Checks the report form; each message says what to correct. */
export function parseReportForm(form: Readonly<Record<ReportFormField, string>>): ReportFormResult {
  const errors: Partial<Record<ReportFormField, string>> = {};
  const intervention = /^\d{1,12}$/.test(form.intervensi.trim()) ? Number(form.intervensi.trim()) : null;
  if (intervention === null) errors.intervensi = 'Pilih intervensi yang dilaporkan.';
  const quarter = quarterOf(form.triwulan.trim() === '' ? null : form.triwulan.trim());
  if (quarter === null) errors.triwulan = 'Pilih triwulan I sampai IV.';
  const progressText = form.kemajuan.trim().replace(',', '.').replace(/%$/, '');
  const progress = progressText === '' ? null : Number(progressText);
  if (progress === null || !Number.isInteger(progress) || progress < 0 || progress > 100) {
    errors.kemajuan = 'Isi kemajuan sebagai bilangan bulat 0 sampai 100 (persen).';
  }
  const realized = parseRupiahText(form.realisasi);
  if (realized !== null && (!Number.isSafeInteger(realized) || realized < 0)) {
    errors.realisasi = 'Isi realisasi dalam rupiah tanpa desimal, misalnya 1.500.000, atau kosongkan.';
  }
  const note = form.catatan.trim();
  if (note.length > NOTE_MAX) errors.catatan = `Catatan paling panjang ${NOTE_MAX} karakter.`;
  if (Object.keys(errors).length > 0 || intervention === null || quarter === null || progress === null) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      intervention,
      quarter,
      progress_pct: progress,
      realized_cost: realized,
      note: note === '' ? null : note,
    },
  };
}

// --- Who may do what -----------------------------------------------------------------------------

/** Roles that open the Monev page (DESIGN "People": agencies report, planners monitor, leaders read). */
export function canOpenMonev(role: RoleKey): boolean {
  return (
    role === 'perencana' || role === 'administrator' || role === 'pimpinan' || role === 'perangkat_daerah'
  );
}

/**
 * Roles whose Directus permissions let them write quarterly reports: the agency on its own
 * interventions, a planner on any agency's behalf, the administrator (leaders only read them).
 */
export function canReportProgress(role: RoleKey): boolean {
  return role === 'perangkat_daerah' || role === 'perencana' || role === 'administrator';
}

/**
 * Whether the Monev page offers the report form: to whoever may report, but to a planner only once an
 * agency is chosen (the form lists the running interventions in view: an agency's, not the district's).
 */
export function offersReportForm(role: RoleKey, agency: string | null): boolean {
  return canReportProgress(role) && (role !== 'perencana' || agency !== null);
}

export const MONEV_FORBIDDEN =
  'Halaman Monev untuk perencana, pimpinan, perangkat daerah dan administrator. Data intervensi desa atau kecamatan Anda ada di menu Kebutuhan.';

/** The quarter a report is most likely for on `today`: the latest ended one of the year (I before any has ended). */
export function defaultReportQuarter(today: string, fiscalYear: number): Quarter {
  const year = Number(today.slice(0, 4));
  if (year > fiscalYear) return 4;
  if (year < fiscalYear) return 1;
  const ended = [`${year}-03-31`, `${year}-06-30`, `${year}-09-30`].filter(
    (end) => today.slice(0, 10) > end,
  ).length;
  return Math.max(1, ended) as Quarter;
}
