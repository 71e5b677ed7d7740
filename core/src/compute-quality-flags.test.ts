import { describe, it, expect } from 'vitest';
import { computeQualityFlags } from './compute-quality-flags.ts';
import type { QualityInput, QualitySettings } from './compute-quality-flags.ts';
import type { QualityFlag } from './types.ts';

const SETTINGS: QualitySettings = {
  regionCode: '63.11',
  bbox: { minLat: -2.6, maxLat: -2.0, minLng: 115.3, maxLng: 115.9 },
};
const HEAD = { nik: '6311071708850001', name: 'Ahmad', relation: 'kepala' };
const WIFE = { nik: '6311075708870002', name: 'Siti', relation: 'pasangan' };
const BASE: QualityInput = {
  no_kk: '6311071203150001',
  head_nik: HEAD.nik,
  head_name: 'Ahmad',
  member_count: 2,
  latitude: -2.4,
  longitude: 115.47,
  members: [HEAD, WIFE],
  surveyed: true,
};

describe('computeQualityFlags', () => {
  it.each<
    [name: string, changes: Partial<QualityInput>, settings: Partial<QualitySettings>, flags: QualityFlag[]]
  >([
    ['a clean household', {}, {}, []],
    [
      'head NIK registered in another kabupaten',
      { head_nik: '6302071708850001', members: [{ ...HEAD, nik: '6302071708850001' }, WIFE] },
      {},
      ['nik_outside_region'],
    ],
    [
      'a member registered elsewhere',
      { members: [HEAD, { ...WIFE, nik: '3171075708870002' }] },
      {},
      ['nik_outside_region'],
    ],
    ['no region code: no NIK region check', { head_nik: '6302071708850001' }, { regionCode: '' }, []],
    ['coordinates outside the box', { latitude: -3.3, longitude: 114.6 }, {}, ['coordinates_outside_region']],
    [
      'latitude and longitude swapped',
      { latitude: 115.47, longitude: -2.4 },
      {},
      ['coordinates_outside_region'],
    ],
    ['no coordinates is not outside', { latitude: null, longitude: null }, {}, []],
    [
      'survey coordinates are used when the household has none',
      { latitude: null, longitude: null, survey_latitude: 0, survey_longitude: 0 },
      {},
      ['coordinates_outside_region'],
    ],
    [
      'no bounding box set: no coordinate check',
      { latitude: -3.3, longitude: 114.6 },
      { bbox: { minLat: null, maxLat: -2, minLng: 115.3, maxLng: 115.9 } },
      [],
    ],
    ['members listed differ from member_count', { member_count: 4 }, {}, ['member_count_mismatch']],
    [
      'an imported household lists only its head: no mismatch yet',
      { member_count: 4, members: [HEAD], surveyed: false },
      {},
      [],
    ],
    [
      'surveyed with only the head listed: mismatch',
      { member_count: 4, members: [HEAD], surveyed: true },
      {},
      ['member_count_mismatch'],
    ],
    ['no member_count: no mismatch check', { member_count: null }, {}, []],
    [
      'head NIK ending 0000',
      { head_nik: '6311071708850000', members: [{ ...HEAD, nik: '6311071708850000' }, WIFE] },
      {},
      ['nik_ends_with_0000'],
    ],
    ['No. KK ending 0000', { no_kk: '6311071203150000' }, {}, ['nik_ends_with_0000']],
    ['no KK', { no_kk: null }, {}, ['no_kk_missing']],
    ['blank KK', { no_kk: ' ' }, {}, ['no_kk_missing']],
    [
      'several findings in the model order',
      {
        no_kk: null,
        member_count: 5,
        latitude: 0,
        longitude: 0,
        head_nik: '6302071708850000',
        members: [{ ...HEAD, nik: '6302071708850000' }, WIFE],
      },
      {},
      [
        'nik_outside_region',
        'coordinates_outside_region',
        'member_count_mismatch',
        'nik_ends_with_0000',
        'no_kk_missing',
      ],
    ],
  ])('%s', (_name, changes, settings, flags) => {
    const result = computeQualityFlags({ ...BASE, ...changes }, { ...SETTINGS, ...settings });
    expect(result.flags).toEqual(flags);
    expect(result.findings.map((f) => f.flag)).toEqual(flags);
    for (const finding of result.findings) {
      expect(finding.message).not.toMatch(/\d{16}/);
    }
  });

  it('names who and where, never the whole NIK', () => {
    const { findings } = computeQualityFlags(
      { ...BASE, members: [HEAD, { ...WIFE, nik: '3171075708870002' }] },
      SETTINGS,
    );
    expect(findings[0]?.message).toContain('anggota Siti terdaftar di wilayah 317107');
  });
});
