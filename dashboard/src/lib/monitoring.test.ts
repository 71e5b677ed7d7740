import { describe, expect, it } from 'vitest';
import {
  checkEvidenceFile,
  buildMonevView,
  buildTransitionView,
  canOpenMonev,
  canReportProgress,
  offersReportForm,
  dateInZone,
  defaultReportQuarter,
  monevSearch,
  parseMonevQuery,
  parseReportForm,
  parseRupiahText,
  pickRounds,
  reportActionSearch,
  toClassifiedSurveys,
  toInterventionRecords,
  toReportRecords,
} from './monitoring.ts';
import type { MonevNames, ReportFormField } from './monitoring.ts';
import type { RoleKey } from './roles.ts';

describe('parseMonevQuery and monevSearch', () => {
  it.each([
    ['', { tahun: null, perangkat: null, lapor: null, dari: null, ke: null }],
    [
      '?tahun=2026&perangkat=disperkim&lapor=12&dari=2025&ke=2027',
      { tahun: 2026, perangkat: 'disperkim', lapor: 12, dari: 2025, ke: 2027 },
    ],
    [
      '?tahun=26&perangkat=a%20b&lapor=x',
      { tahun: null, perangkat: null, lapor: null, dari: null, ke: null },
    ],
  ])('reads %s', (search, expected) => {
    expect(parseMonevQuery(new URLSearchParams(search))).toEqual(expected);
  });

  it('keeps the filters and changes what is asked', () => {
    const query = parseMonevQuery(new URLSearchParams('?tahun=2026&perangkat=dinsos'));
    expect(monevSearch(query, { lapor: 7 })).toBe('?tahun=2026&perangkat=dinsos&lapor=7');
    expect(monevSearch({ tahun: null, perangkat: null, lapor: null, dari: null, ke: null })).toBe('');
  });

  it('posts the report form with the year and agency kept', () => {
    const query = parseMonevQuery(new URLSearchParams('?perangkat=dinsos&lapor=7'));
    expect(reportActionSearch(query, 2024)).toBe('?tahun=2024&perangkat=dinsos&/lapor');
  });
});

describe('dates and quarters', () => {
  it.each([
    ['2026-03-31T15:59:59Z', '2026-03-31'],
    ['2026-03-31T16:00:00Z', '2026-04-01'],
  ])('%s is %s in WITA', (iso, date) => {
    expect(dateInZone(new Date(iso))).toBe(date);
  });

  it.each([
    ['2026-02-10', 2026, 1],
    ['2026-04-01', 2026, 1],
    ['2026-07-01', 2026, 2],
    ['2026-11-28', 2026, 3],
    ['2027-01-05', 2026, 4],
    ['2025-12-01', 2026, 1],
  ] as const)('on %s a report for %i is most likely for quarter %i', (today, year, quarter) => {
    expect(defaultReportQuarter(today, year)).toBe(quarter);
  });
});

describe('who may open Monev and report', () => {
  it.each<[RoleKey, boolean, boolean, boolean, boolean]>([
    // role, open, report, form without an agency chosen, form with one
    ['administrator', true, true, true, true],
    ['perencana', true, true, false, true],
    ['pimpinan', true, false, false, false],
    ['perangkat_daerah', true, true, true, true],
    ['operator_desa', false, false, false, false],
    ['verifikator_kecamatan', false, false, false, false],
    ['unknown', false, false, false, false],
  ])('%s: open %s, report %s, form %s / with an agency %s', (role, open, report, form, formForAgency) => {
    expect(canOpenMonev(role)).toBe(open);
    expect(canReportProgress(role)).toBe(report);
    expect(offersReportForm(role, null)).toBe(form);
    expect(offersReportForm(role, 'dinsos')).toBe(formForAgency);
  });
});

const NAMES: MonevNames = {
  agencies: new Map([
    ['disperkim', 'Disperkim'],
    ['dinsos', 'Dinsos'],
  ]),
  subKegiatan: new Map([['1.04.03.2.03.0002', 'Rehabilitasi rumah tidak layak huni']]),
  desa: new Map([['63.11.07.2002', 'Batu Piring']]),
};

const INTERVENTIONS = toInterventionRecords([
  {
    id: 1,
    perangkat_daerah: 'disperkim',
    fiscal_year: 2026,
    status: 'in_progress',
    planned_cost: '20000000',
    realized_cost: '5000000',
    household: { id: 11, head_name: 'Ahmad' },
    desa: '63.11.07.2002',
    sub_kegiatan: '1.04.03.2.03.0002',
  },
  {
    id: 2,
    perangkat_daerah: 'dinsos',
    fiscal_year: 2026,
    status: 'planned',
    planned_cost: 1_000_000,
    household: 12,
    desa: null,
    sub_kegiatan: null,
  },
  {
    id: 3,
    perangkat_daerah: 'dinsos',
    fiscal_year: 2026,
    status: 'completed',
    planned_cost: 3_000_000,
    household: 13,
  },
  { id: 4, perangkat_daerah: 'dinsos', fiscal_year: 2025, status: 'planned', planned_cost: 9 },
  { id: null, perangkat_daerah: 'dinsos', fiscal_year: 2026 },
]);
const REPORTS = toReportRecords([
  {
    id: 21,
    intervention: 1,
    fiscal_year: 2026,
    quarter: '1',
    progress_pct: 25,
    realized_cost: '5000000',
    note: 'Material',
    date_created: '2026-04-03T01:00:00Z',
  },
  { id: 22, intervention: 3, fiscal_year: 2026, quarter: '2', progress_pct: 100, realized_cost: 2_900_000 },
  { id: 23, intervention: 2, fiscal_year: 2026, quarter: '9', progress_pct: 1 },
]);

describe('records from Directus', () => {
  it('reads interventions, expanding the household and converting money', () => {
    expect(INTERVENTIONS.map((i) => i.id)).toEqual([1, 2, 3, 4]);
    expect(INTERVENTIONS[0]).toMatchObject({
      planned_cost: 20_000_000,
      realized_cost: 5_000_000,
      household: 11,
      head_name: 'Ahmad',
    });
    expect(INTERVENTIONS[1]).toMatchObject({ household: 12, head_name: null });
  });

  it('reads reports with their quarter as a number and drops a bad quarter', () => {
    expect(REPORTS.map((r) => [r.id, r.quarter, r.realized_cost])).toEqual([
      [21, 1, 5_000_000],
      [22, 2, 2_900_000],
    ]);
  });
});

describe('buildMonevView', () => {
  const view = buildMonevView({
    fiscalYear: 2026,
    interventions: INTERVENTIONS,
    reports: REPORTS,
    today: '2026-07-10',
    names: NAMES,
  });

  it('shapes planned against realised per agency with a totals row', () => {
    expect(view.agencyRows).toEqual([
      {
        agency: 'Dinsos',
        interventions: 2,
        planned: 4_000_000,
        realized: 2_900_000,
        pct: 72.5,
        reported: 1,
        completed: 1,
      },
      {
        agency: 'Disperkim',
        interventions: 1,
        planned: 20_000_000,
        realized: 5_000_000,
        pct: 25,
        reported: 1,
        completed: 0,
      },
    ]);
    expect(view.agencyFooter).toMatchObject({ agency: 'Jumlah', planned: 24_000_000, realized: 7_900_000 });
    expect(view.quarterRows.map((row) => [row['quarter'], row['realized']])).toEqual([
      ['TW I', 5_000_000],
      ['TW II', 2_900_000],
      ['TW III', 0],
      ['TW IV', 0],
    ]);
  });

  it('lists what is overdue, most overdue first, with names', () => {
    expect(view.overdueTotal).toBe(2);
    expect(view.overdueByReason).toEqual({ no_report: 2, behind: 0, not_completed: 0 });
    expect(
      view.overdueRows.map((row) => [
        row['intervention'],
        row['head_name'],
        row['desa'],
        row['sub_kegiatan'],
        row['days'],
      ]),
    ).toEqual([
      [1, 'Ahmad', 'Batu Piring', 'Rehabilitasi rumah tidak layak huni', 10],
      [2, '-', '-', '-', 10],
    ]);
    expect(view.overdueRefs).toEqual([
      { intervention: 1, household: 11 },
      { intervention: 2, household: 12 },
    ]);
  });

  it('offers the open interventions for a report, overdue first, and lists reports newest first', () => {
    expect(view.reportOptions).toEqual([
      { value: 1, label: '#1 · Rehabilitasi rumah tidak layak huni · Ahmad · Batu Piring', overdue: true },
      { value: 2, label: '#2 · -', overdue: true },
    ]);
    expect(view.reportTotal).toBe(2);
    expect(
      view.reportRows.map((row) => [row['intervention'], row['quarter'], row['progress'], row['note']]),
    ).toEqual([
      [3, 'TW II', 100, ''],
      [1, 'TW I', 25, 'Material'],
    ]);
  });
});

describe('transition matrix', () => {
  it.each([
    [[2025], { dari: null, ke: null }, null],
    [[2025, 2026, 2027], { dari: null, ke: null }, { from: 2026, to: 2027 }],
    [[2025, 2026, 2027], { dari: 2025, ke: 2027 }, { from: 2025, to: 2027 }],
    [[2025, 2026, 2027], { dari: 2027, ke: 2025 }, { from: 2026, to: 2027 }],
    [[2025, 2027], { dari: 2024, ke: 2027 }, { from: 2025, to: 2027 }],
  ])('rounds %j asked %j -> %j', (rounds, asked, expected) => {
    expect(pickRounds(rounds, asked)).toEqual(expected);
  });

  it('builds one table per group with totals', () => {
    const surveys = toClassifiedSurveys([
      { id: 1, household: 1, round: 2025, status: 'verified', classification: 'ekstrem' },
      { id: 2, household: 1, round: 2027, status: 'verified', classification: 'miskin' },
      { id: 3, household: 2, round: 2025, status: 'submitted', classification: 'miskin' },
      { id: 4, household: 2, round: 2027, status: 'verified', classification: 'miskin' },
      { id: 5, household: 3, round: 2025, status: 'draft', classification: 'miskin' },
      { id: 6, household: 3, round: 2027, status: 'bogus', classification: 'miskin' },
    ]);
    expect(surveys).toHaveLength(5);
    const view = buildTransitionView({ surveys, from: 2025, to: 2027, intervened: new Set([1]) });
    expect(view.tables.map((t) => t.title)).toEqual([
      'Rumah tangga yang menerima intervensi',
      'Rumah tangga yang tidak menerima intervensi',
    ]);
    expect(view.tables[0]?.rows[0]).toEqual({
      from: 'Miskin ekstrem',
      ekstrem: 0,
      miskin: 1,
      tidak_miskin: 0,
      total: 1,
    });
    expect(view.tables[1]?.footer).toEqual({
      from: 'Jumlah',
      ekstrem: 0,
      miskin: 1,
      tidak_miskin: 0,
      total: 1,
    });
    expect(view.matrix.excluded).toEqual({ missing_round: 1, unclassified: 0 });
  });
});

describe('the report form', () => {
  const base: Record<ReportFormField, string> = {
    intervensi: '12',
    triwulan: '2',
    kemajuan: '60',
    realisasi: 'Rp 1.500.000',
    catatan: '  Atap terpasang ',
  };

  it('reads a valid report', () => {
    expect(parseReportForm(base)).toEqual({
      ok: true,
      value: {
        intervention: 12,
        quarter: 2,
        progress_pct: 60,
        realized_cost: 1_500_000,
        note: 'Atap terpasang',
      },
    });
    expect(parseReportForm({ ...base, realisasi: '', catatan: '' })).toMatchObject({
      ok: true,
      value: { realized_cost: null, note: null },
    });
  });

  it.each<[Partial<Record<ReportFormField, string>>, ReportFormField]>([
    [{ intervensi: '' }, 'intervensi'],
    [{ triwulan: '5' }, 'triwulan'],
    [{ kemajuan: '' }, 'kemajuan'],
    [{ kemajuan: '101' }, 'kemajuan'],
    [{ kemajuan: '12,5' }, 'kemajuan'],
    [{ realisasi: '1,5 juta' }, 'realisasi'],
    [{ realisasi: '-5000' }, 'realisasi'],
    [{ catatan: 'x'.repeat(2001) }, 'catatan'],
  ])('refuses %j in %s', (change, field) => {
    const result = parseReportForm({ ...base, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toEqual([field]);
  });

  it.each<[string, { name: string; size: number; type: string }, RegExp | null]>([
    ['a photo', { name: 'atap.jpg', size: 2_400_000, type: 'image/jpeg' }, null],
    ['a phone photo', { name: 'IMG_0001.HEIC', size: 3_100_000, type: 'image/heic' }, null],
    ['a scanned decree', { name: 'berita-acara.pdf', size: 800_000, type: 'application/pdf' }, null],
    ['exactly 10 MB', { name: 'besar.png', size: 10 * 1024 * 1024, type: 'image/png' }, null],
    [
      'over 10 MB',
      { name: 'besar.png', size: 10 * 1024 * 1024 + 1, type: 'image/png' },
      /besar\.png 10,0 MB, lebih dari batas 10 MB/,
    ],
    [
      'a spreadsheet',
      { name: 'rekap.xlsx', size: 20_000, type: 'application/vnd.ms-excel' },
      /rekap\.xlsx bukan foto/,
    ],
    ['no type', { name: 'bukti', size: 20_000, type: '' }, /bukti bukan foto/],
  ])('evidence file: %s', (_title, file, message) => {
    const result = checkEvidenceFile(file);
    if (message === null) expect(result).toBeNull();
    else expect(result).toMatch(message);
  });

  it.each([
    ['1.500.000', 1_500_000],
    ['1500000', 1_500_000],
    ['Rp1.500.000', 1_500_000],
    ['rp. 750', 750],
    ['', null],
    ['1.50', Number.NaN],
  ])('reads rupiah %s', (text, value) => {
    expect(parseRupiahText(text)).toEqual(value);
  });
});
