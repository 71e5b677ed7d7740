import { describe, it, expect } from 'vitest';
import {
  readDemoUnitCosts,
  readDesa,
  readIndicators,
  readKecamatan,
  readPerangkatDaerah,
  readPovertyLines,
  readSubKegiatan,
} from './read-reference.ts';

const kecamatan = readKecamatan();
const desa = readDesa();
const agencies = readPerangkatDaerah();
const subKegiatan = readSubKegiatan();
const povertyLines = readPovertyLines();
const indicators = readIndicators();
const demoCosts = readDemoUnitCosts();

function duplicates(values: string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

describe('readKecamatan / readDesa', () => {
  it('reads 8 kecamatan and 157 desa (154 desa + 3 kelurahan)', () => {
    expect(kecamatan).toHaveLength(8);
    expect(desa).toHaveLength(157);
    expect(desa.filter((d) => d.kind === 'desa')).toHaveLength(154);
    expect(desa.filter((d) => d.kind === 'kelurahan').map((d) => d.code)).toEqual([
      '63.11.06.1019',
      '63.11.06.1023',
      '63.11.07.1001',
    ]);
  });

  it.each([
    ['63.11.01', 'Juai'],
    ['63.11.07', 'Paringin Selatan'],
    ['63.11.08', 'Tebing Tinggi'],
  ])('kecamatan %s is %s', (code, name) => {
    expect(kecamatan).toContainEqual({ code, name });
  });

  it.each([
    ['63.11.01.2006', { code: '63.11.01.2006', name: 'Galumbang', kecamatan: '63.11.01', kind: 'desa' }],
    ['63.11.07.2006', { code: '63.11.07.2006', name: 'Galumbang', kecamatan: '63.11.07', kind: 'desa' }],
    [
      '63.11.07.1001',
      { code: '63.11.07.1001', name: 'Batu Piring', kecamatan: '63.11.07', kind: 'kelurahan' },
    ],
    ['63.11.08.2004', { code: '63.11.08.2004', name: "Ju'uh", kecamatan: '63.11.08', kind: 'desa' }],
  ])('desa %s', (code, expected) => {
    expect(desa.find((d) => d.code === code)).toEqual(expected);
  });

  it("every desa's kecamatan exists and codes are unique", () => {
    const codes = new Set(kecamatan.map((k) => k.code));
    expect(desa.filter((d) => !codes.has(d.kecamatan))).toEqual([]);
    expect(desa.filter((d) => !d.code.startsWith(`${d.kecamatan}.`))).toEqual([]);
    expect(duplicates(desa.map((d) => d.code))).toEqual([]);
    expect(duplicates(kecamatan.map((k) => k.code))).toEqual([]);
  });
});

describe('readPerangkatDaerah', () => {
  it('maps nama/singkatan to name/short_name', () => {
    expect(agencies).toContainEqual({
      id: 'dinsos',
      name: 'Dinas Sosial',
      short_name: 'Dinsos',
      urusan: '1.06',
    });
    expect(agencies.find((a) => a.id === 'diskopukm')?.short_name).toBe('Diskop UKM');
    expect(duplicates(agencies.map((a) => a.id))).toEqual([]);
  });
});

describe('readSubKegiatan', () => {
  it('reads 45 sub-kegiatan with unique codes, all active and not demo', () => {
    expect(subKegiatan).toHaveLength(45);
    expect(duplicates(subKegiatan.map((s) => s.code))).toEqual([]);
    expect(subKegiatan.every((s) => s.active && !s.unit_cost_is_demo)).toBe(true);
  });

  it('every sub-kegiatan agency exists in perangkat_daerah', () => {
    const ids = new Set(agencies.map((a) => a.id));
    expect(subKegiatan.filter((s) => !ids.has(s.perangkat_daerah))).toEqual([]);
  });

  it.each([
    ['1.04.03.2.03.0002', 'unit', 20000000, 'disperkim', 'kurangi_kantong_kemiskinan', 'high'],
    ['1.02.02.2.02.0026', 'jiwa', 504000, 'dinkes', 'kurangi_beban', 'high'],
    ['1.01.02.2.01.0021', null, null, 'disdik', 'kurangi_beban', 'low'],
  ])('%s: unit %s, cost %s, agency %s, %s, %s', (code, unit, cost, agency, strategy, confidence) => {
    const row = subKegiatan.find((s) => s.code === code);
    expect(row).toMatchObject({
      unit,
      unit_cost: cost,
      perangkat_daerah: agency,
      strategy,
      confidence,
    });
  });

  it('has 6 sourced unit costs, each with its basis', () => {
    const costed = subKegiatan.filter((s) => s.unit_cost !== null);
    expect(costed).toHaveLength(6);
    expect(costed.every((s) => s.unit !== null && s.unit_cost_basis !== null)).toBe(true);
  });
});

describe('readPovertyLines', () => {
  it('reads the 2025 Balangan lines with source and confidence', () => {
    expect(povertyLines).toHaveLength(1);
    expect(povertyLines[0]).toMatchObject({
      year: 2025,
      region: '63.11',
      poverty_line: 544169,
      extreme_poverty_line: 391000,
    });
    expect(povertyLines[0]?.source).toContain('BPS');
    expect(povertyLines[0]?.source).toContain('keyakinan: medium');
  });
});

describe('readIndicators', () => {
  const subCodes = new Set(subKegiatan.map((s) => s.code));

  it('has unique keys and every linked sub_kegiatan exists', () => {
    expect(duplicates(indicators.map((i) => i.key))).toEqual([]);
    expect(indicators.filter((i) => i.sub_kegiatan !== null && !subCodes.has(i.sub_kegiatan))).toEqual([]);
  });

  it('all rules are active, apply to ekstrem and miskin, and have an Indonesian label', () => {
    expect(indicators.every((i) => i.active && i.label.length > 0)).toBe(true);
    expect(indicators.every((i) => JSON.stringify(i.applies_to) === '["ekstrem","miskin"]')).toBe(true);
  });

  it('skips lighting and keeps members_without_nik without a sub-kegiatan', () => {
    expect(indicators.find((i) => i.field === 'lighting')).toBeUndefined();
    expect(indicators.find((i) => i.key === 'members_without_nik')).toMatchObject({
      category: 'adminduk',
      sub_kegiatan: null,
      quantity_field: 'members_without_nik',
    });
  });

  it.each([
    ['floor_area_per_capita', 'lt', 8, null, '1.04.03.2.03.0002', 'perumahan'],
    ['wall_type', 'in', ['bambu', 'rumbia', 'kayu_murah'], null, '1.04.03.2.03.0002', 'perumahan'],
    ['roof_type', 'eq', 'rumbia_daun', null, '1.04.03.2.03.0002', 'perumahan'],
    ['toilet', 'in', ['bersama', 'umum', 'tidak_ada'], null, '1.03.05.2.01.0039', 'sanitasi'],
    [
      'drinking_water',
      'in',
      ['sumur_tak_terlindung', 'mata_air_tak_terlindung', 'air_permukaan', 'air_hujan'],
      null,
      '1.03.03.2.01.0026',
      'air_minum',
    ],
    ['meals_per_day', 'lte', 2, null, '2.09.04.2.02.0004', 'pangan'],
    ['can_afford_clinic', 'is_false', null, null, '1.02.02.2.02.0026', 'kesehatan'],
    ['members_without_jkn', 'gt', 0, 'members_without_jkn', '1.02.02.2.02.0026', 'kesehatan'],
    ['children_out_of_school', 'gt', 0, 'children_out_of_school', '1.01.02.2.01.0046', 'pendidikan'],
    ['unemployed_adults', 'gt', 0, 'unemployed_adults', '2.07.03.2.01.0001', 'pekerjaan'],
    ['has_micro_business', 'is_true', null, null, '2.17.07.2.01.0002', 'usaha'],
    ['disabled_members', 'gt', 0, 'disabled_members', '1.06.04.2.01.0003', 'disabilitas'],
    ['elderly_alone', 'is_true', null, null, '1.06.04.2.01.0001', 'lansia'],
    ['stunting_risk', 'is_true', null, null, '2.14.04.2.02.0006', 'stunting'],
  ])('rule on %s: %s %j (quantity %s) -> %s, %s', (field, operator, value, quantity, code, category) => {
    const rule = indicators.find((i) => i.field === field);
    expect(rule).toMatchObject({
      operator,
      value,
      condition: null,
      quantity_field: quantity,
      sub_kegiatan: code,
      category,
    });
  });

  it('the floor_type rule is a compound condition requiring an own house', () => {
    expect(indicators.find((i) => i.field === 'floor_type')?.condition).toEqual({
      _and: [
        { floor_type: { _in: ['tanah', 'bambu', 'kayu_murah'] } },
        { house_ownership: { _eq: 'milik_sendiri' } },
      ],
    });
  });
});

describe('readDemoUnitCosts', () => {
  it('covers exactly the sub-kegiatan with neither unit nor unit cost, with positive costs and a basis', () => {
    const missing = subKegiatan.filter((s) => s.unit === null && s.unit_cost === null).map((s) => s.code);
    expect(demoCosts.map((d) => d.code).sort()).toEqual([...missing].sort());
    expect(duplicates(demoCosts.map((d) => d.code))).toEqual([]);
    expect(demoCosts.every((d) => d.unit_cost > 0 && d.unit_cost_is_demo)).toBe(true);
    expect(demoCosts.every((d) => d.unit_cost_basis.startsWith('demo:'))).toBe(true);
  });

  it('with demo costs, every rule-linked sub-kegiatan has a cost, spanning at least 8 agencies', () => {
    const cost = new Map<string, number | null>(subKegiatan.map((s) => [s.code, s.unit_cost]));
    for (const d of demoCosts) cost.set(d.code, d.unit_cost);
    const linked = indicators.flatMap((i) => (i.sub_kegiatan === null ? [] : [i.sub_kegiatan]));
    expect(linked.filter((code) => cost.get(code) === null)).toEqual([]);
    const agencyOf = new Map(subKegiatan.map((s) => [s.code, s.perangkat_daerah]));
    expect(new Set(linked.map((code) => agencyOf.get(code))).size).toBeGreaterThanOrEqual(8);
  });
});
