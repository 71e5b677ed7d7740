import { describe, expect, it } from 'vitest';
import type { AllocationNames } from './allocation-view.ts';
import {
  NO_AGENCY,
  effectivenessByAgency,
  importProblemRows,
  readEffectivenessReport,
  readRejectedRows,
  readTaggedImportResult,
  sharePercent,
  taggedTableRows,
  untaggedTableRows,
} from './effectiveness-view.ts';

const NAMES: AllocationNames = {
  agencies: new Map([
    ['disperkim', { name: 'Dinas Perumahan', short_name: 'Disperkim' }],
    ['bappedalitbang', { name: 'Bappedalitbang', short_name: 'Bappedalitbang' }],
    ['dinsos', { name: 'Dinas Sosial', short_name: 'Dinsos' }],
  ]),
  subKegiatan: new Map([['5.01.01.2.01.0001', { name: 'Koordinasi', unit: null }]]),
};

const tagged = (code: string, agency: string | null, amount: number, linked: boolean) => ({
  sub_kegiatan: code,
  name: '',
  perangkat_daerah: agency,
  tagged_amount: amount,
  in_catalogue: agency !== null,
  linked_rules: linked ? 1 : 0,
  serves_verified_needs: linked,
  verified_needs: linked ? 12 : 0,
  households_with_needs: linked ? 10 : 0,
  households_served: linked ? 4 : 0,
  ekstrem_households_served: linked ? 2 : 0,
  planned_cost: linked ? 80 : 0,
  cost_per_ekstrem_household: linked ? amount / 2 : null,
  linked_amount: linked ? amount : 0,
});

/** The integration test's example: Rp 2 billion linked of Rp 2.5 billion tagged (80%). */
const RAW = {
  fiscal_year: 2026,
  totals: {
    tagged_amount: '2500000000',
    linked_amount: 2_000_000_000,
    share_linked: 0.8,
    sub_kegiatan_tagged: 3,
    sub_kegiatan_serving_needs: 1,
    households_served: 4,
    ekstrem_households_served: 2,
    cost_per_ekstrem_household: 1_250_000_000,
  },
  sub_kegiatan: [
    tagged('1.04.03.2.03.0002', 'disperkim', 2_000_000_000, true),
    tagged('5.01.01.2.01.0001', 'bappedalitbang', 400_000_000, false),
    tagged('9.99.99.9.99.9999', null, 100_000_000, false),
    { name: 'tanpa kode' },
  ],
  untagged_with_needs: [
    {
      sub_kegiatan: '1.06.04.2.01.0001',
      name: 'Bantuan sosial',
      perangkat_daerah: 'dinsos',
      verified_needs: 30,
      households: 25,
    },
  ],
};

describe('readEffectivenessReport', () => {
  const report = readEffectivenessReport(RAW);

  it('reads totals (strings too), rows with a code, and untagged needs', () => {
    expect(report?.totals.tagged_amount).toBe(2_500_000_000);
    expect(report?.sub_kegiatan).toHaveLength(3);
    expect(report?.untagged_with_needs[0]?.households).toBe(25);
    expect(report === null ? null : sharePercent(report)).toBe(80);
  });

  it.each([[null], [{}], [{ fiscal_year: 2026 }], ['x']])('gives null for %j', (raw) => {
    expect(readEffectivenessReport(raw)).toBeNull();
  });

  it('has no share when nothing is tagged', () => {
    const empty = readEffectivenessReport({
      ...RAW,
      totals: { ...RAW.totals, share_linked: null },
      sub_kegiatan: [],
    });
    expect(empty === null ? 'x' : sharePercent(empty)).toBeNull();
  });

  if (report === null) throw new Error('no report');

  it('adds up tagged and linked rupiah per agency, most tagged first', () => {
    expect(effectivenessByAgency(report, NAMES)).toEqual([
      {
        perangkat_daerah: 'disperkim',
        label: 'Disperkim',
        tagged: 2_000_000_000,
        linked: 2_000_000_000,
        share_pct: 100,
        sub_kegiatan: 1,
      },
      {
        perangkat_daerah: 'bappedalitbang',
        label: 'Bappedalitbang',
        tagged: 400_000_000,
        linked: 0,
        share_pct: 0,
        sub_kegiatan: 1,
      },
      {
        perangkat_daerah: null,
        label: NO_AGENCY,
        tagged: 100_000_000,
        linked: 0,
        share_pct: 0,
        sub_kegiatan: 1,
      },
    ]);
  });

  it('gives table rows, naming a sub-kegiatan from the catalogue when the report has no name', () => {
    const rows = taggedTableRows(report, NAMES);
    expect(rows.map((row) => [row['code'], row['name'], row['agency'], row['serves']])).toEqual([
      ['1.04.03.2.03.0002', '', 'Disperkim', 'Ya'],
      ['5.01.01.2.01.0001', 'Koordinasi', 'Bappedalitbang', 'Tidak'],
      ['9.99.99.9.99.9999', '', NO_AGENCY, 'Tidak (kode di luar katalog)'],
    ]);
    expect(untaggedTableRows(report, NAMES)).toEqual([
      { code: '1.06.04.2.01.0001', name: 'Bantuan sosial', agency: 'Dinsos', needs: 30, households: 25 },
    ]);
  });
});

describe('tagged-budget import answers', () => {
  it('reads the counts, refused rows and remarks', () => {
    const result = readTaggedImportResult({
      fiscal_year: 2026,
      job: 4,
      counts: { inserted: 2, replaced: 0, rejected: 1, warnings: 1, total_amount: 2_500_000_000 },
      rejected: [{ row: 4, field: 'kode_sub_kegiatan', message: 'Kode sub-kegiatan kosong.' }],
      warnings: [{ row: 3, field: 'perangkat_daerah', message: 'Perangkat daerah tidak dikenal.' }],
    });
    expect(result).toMatchObject({
      fiscal_year: 2026,
      inserted: 2,
      rejected: 1,
      total_amount: 2_500_000_000,
    });
    if (result === null) throw new Error('no result');
    expect(importProblemRows(result)).toEqual([
      { row: 4, kind: 'Ditolak', field: 'kode_sub_kegiatan', message: 'Kode sub-kegiatan kosong.' },
      { row: 3, kind: 'Catatan', field: 'perangkat_daerah', message: 'Perangkat daerah tidak dikenal.' },
    ]);
  });

  it('reads the refused rows of a 400 answer', () => {
    expect(
      readRejectedRows({
        code: 'INVALID_PAYLOAD',
        rejected: [{ row: 1, field: 'anggaran', message: 'Kolom anggaran tidak ada.' }],
      }),
    ).toEqual([{ row: 1, field: 'anggaran', message: 'Kolom anggaran tidak ada.' }]);
    expect(readRejectedRows(null)).toEqual([]);
    expect(readTaggedImportResult({ counts: {} })).toBeNull();
  });
});
