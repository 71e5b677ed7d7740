import { describe, it, expect } from 'vitest';
import { decodeNikBirthDate } from './decode-nik-birth-date.ts';

describe('decodeNikBirthDate', () => {
  it.each<[string, string, number, { birthDate: string; sex: 'L' | 'P' } | null]>([
    ['man born 1985', '6311071708850001', 2025, { birthDate: '1985-08-17', sex: 'L' }],
    ['woman born 1985 (day + 40)', '6311075708850002', 2025, { birthDate: '1985-08-17', sex: 'P' }],
    ['child born 2019', '6311070103190003', 2025, { birthDate: '2019-03-01', sex: 'L' }],
    ['born in the reference year itself', '6311074101250004', 2025, { birthDate: '2025-01-01', sex: 'P' }],
    [
      'yy 26 with reference 2025 is 1926, not the future',
      '6311071506260001',
      2025,
      { birthDate: '1926-06-15', sex: 'L' },
    ],
    [
      'same yy 26 with reference 2026 is 2026',
      '6311071506260001',
      2026,
      { birthDate: '2026-06-15', sex: 'L' },
    ],
    ['yy 00 with reference 2025 is 2000', '6311072902000001', 2025, { birthDate: '2000-02-29', sex: 'L' }],
    ['29 Feb 00 before 2000 would be 1900, not a leap year', '6311072902000001', 1999, null],
    ['impossible date', '6311073002850001', 2025, null],
    ['surrounding spaces', ' 6311071708850001 ', 2025, { birthDate: '1985-08-17', sex: 'L' }],
    ['15 digits', '631107170885000', 2025, null],
    ['scientific notation', '6.3110E+15', 2025, null],
  ])('%s', (_name, nik, referenceYear, expected) => {
    expect(decodeNikBirthDate(nik, referenceYear)).toEqual(expected);
  });
});
