import { describe, expect, it } from 'vitest';
import {
  classificationFacts,
  householdFacts,
  interventionTable,
  memberTable,
  needTable,
  surveyTable,
} from './household-view.ts';

const HOUSEHOLD = {
  id: 10,
  no_kk: '6311071012243389',
  head_nik: '6311075505800001',
  head_name: 'Siti Aminah',
  address: 'Jl. Pahlawan',
  rt_rw: '001/002',
  member_count: 4,
  source: 'p3ke',
  baseline_disposition: 'found',
  p3ke_decile: 1,
  latitude: -2.334461,
  longitude: 115.471122,
  quality_flags: ['nik_ends_with_0000'],
  classification: 'miskin',
  income_per_capita: 500_000,
  classification_basis: 'income',
  poverty_line_used: 620_000,
  extreme_line_used: 420_000,
  classified_at: '2025-09-01T08:00:00Z',
};

describe('householdFacts', () => {
  it('shows NIK and No. KK only when they were read', () => {
    const withPersonal = householdFacts(HOUSEHOLD, true, 'Baruh Bahinu Luar', 'Paringin Selatan');
    const without = householdFacts(HOUSEHOLD, false, 'Baruh Bahinu Luar', 'Paringin Selatan');
    expect(withPersonal.slice(0, 2)).toEqual([
      { label: 'No. KK', value: '6311071012243389' },
      { label: 'NIK kepala keluarga', value: '6311075505800001' },
    ]);
    expect(without.some((fact) => fact.label.includes('NIK') || fact.label.includes('KK'))).toBe(false);
  });

  it('labels stored values in Bahasa Indonesia', () => {
    const facts = Object.fromEntries(
      householdFacts(HOUSEHOLD, false, 'Desa', 'Kec').map((fact) => [fact.label, fact.value]),
    );
    expect(facts).toMatchObject({
      'Jumlah anggota keluarga': '4 jiwa',
      'Sumber data': 'P3KE',
      'Hasil verifikasi lapangan': 'Ditemukan',
      Desil: '1',
      Koordinat: '-2.33446, 115.47112',
      'Temuan kualitas data': 'NIK berakhiran 0000 (terpotong Excel)',
    });
  });
});

describe('classificationFacts', () => {
  it('lists the stored classification fields with rupiah', () => {
    expect(classificationFacts(HOUSEHOLD)).toEqual([
      { label: 'Klasifikasi', value: 'Miskin' },
      { label: 'Per kapita per bulan', value: 'Rp 500.000' },
      { label: 'Dasar klasifikasi', value: 'Pendapatan' },
      { label: 'Garis kemiskinan dipakai', value: 'Rp 620.000' },
      { label: 'Garis kemiskinan ekstrem dipakai', value: 'Rp 420.000' },
      { label: 'Waktu klasifikasi', value: '1 Sep 2025' },
    ]);
  });
});

describe('tables of a household', () => {
  it('has a NIK column for members only when NIK was read', () => {
    const member = {
      name: 'Siti',
      nik: '6311075505800001',
      relation: 'kepala',
      sex: 'P',
      working: false,
      disability: '["fisik"]',
    };
    expect(memberTable([member], true).columns.map((column) => column.key)).toContain('nik');
    const without = memberTable([member], false);
    expect(without.columns.map((column) => column.key)).not.toContain('nik');
    expect(without.rows[0]).toMatchObject({
      relation: 'Kepala keluarga',
      sex: 'Perempuan',
      working: 'Tidak',
      disability: 'Fisik',
    });
    expect(without.rows[0]).not.toHaveProperty('nik');
  });

  it('labels survey statuses and classes', () => {
    const table = surveyTable([
      {
        round: 2025,
        status: 'returned',
        classification: 'ekstrem',
        monthly_income: '800000',
        return_note: 'Foto kurang',
      },
    ]);
    expect(table.rows[0]).toMatchObject({
      round: 2025,
      status: 'Dikembalikan',
      classification: 'Miskin ekstrem',
      monthly_income: 800000,
    });
  });

  it('shows needs with rule, sub-kegiatan and agency', () => {
    const table = needTable([
      {
        category: 'perumahan',
        indicator: { key: 'floor_type_unfit', label: 'Lantai tanah' },
        sub_kegiatan: { code: '1.04.03.2.03.0002', name: 'Perbaikan RTLH' },
        perangkat_daerah: { id: 'disperkim', short_name: 'Disperkim' },
        quantity: 1,
        status: 'open',
        no_longer_detected: true,
      },
    ]);
    expect(table.rows[0]).toEqual({
      category: 'Perumahan',
      indicator: 'Lantai tanah',
      sub_kegiatan: '1.04.03.2.03.0002 Perbaikan RTLH',
      perangkat_daerah: 'Disperkim',
      quantity: 1,
      status: 'Terbuka (tidak terdeteksi lagi)',
    });
  });

  it('shows interventions with rupiah amounts as numbers', () => {
    const table = interventionTable([
      {
        fiscal_year: 2026,
        sub_kegiatan: { code: 'X', name: 'Y' },
        perangkat_daerah: 'dinsos',
        planned_cost: '20000000',
        status: 'in_progress',
      },
    ]);
    expect(table.rows[0]).toMatchObject({
      fiscal_year: 2026,
      planned_cost: 20_000_000,
      perangkat_daerah: 'dinsos',
      status: 'Berjalan',
    });
    expect(table.columns.find((column) => column.key === 'planned_cost')?.kind).toBe('rupiah');
  });
});
