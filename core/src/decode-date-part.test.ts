import { describe, it, expect } from 'vitest';
import { decodeDatePart } from './decode-date-part.ts';
import type { DatePart } from './decode-date-part.ts';
import type { IdentityKind } from './types.ts';

describe('decodeDatePart', () => {
  it.each<[string, string, IdentityKind, DatePart | null]>([
    [
      'man born 17 Aug 1985',
      '170885',
      'nik',
      { day: 17, month: 8, yy: 85, sex: 'L', possibleYears: [1985, 2085] },
    ],
    [
      'woman: day + 40',
      '570885',
      'nik',
      { day: 17, month: 8, yy: 85, sex: 'P', possibleYears: [1985, 2085] },
    ],
    [
      'woman on the 1st (41)',
      '410190',
      'nik',
      { day: 1, month: 1, yy: 90, sex: 'P', possibleYears: [1990, 2090] },
    ],
    [
      'woman on the 31st (71)',
      '710190',
      'nik',
      { day: 31, month: 1, yy: 90, sex: 'P', possibleYears: [1990, 2090] },
    ],
    [
      'man on the 31st',
      '310190',
      'nik',
      { day: 31, month: 1, yy: 90, sex: 'L', possibleYears: [1990, 2090] },
    ],
    ['day 00', '000190', 'nik', null],
    ['day 32 (neither man nor woman)', '320190', 'nik', null],
    ['day 40', '400190', 'nik', null],
    ['day 72', '720190', 'nik', null],
    ['month 00', '150090', 'nik', null],
    ['month 13', '151390', 'nik', null],
    ['30 February', '300290', 'nik', null],
    ['woman 30 February (70)', '700290', 'nik', null],
    ['31 April', '310490', 'nik', null],
    ['30 April', '300490', 'nik', { day: 30, month: 4, yy: 90, sex: 'L', possibleYears: [1990, 2090] }],
    [
      '29 Feb 00: only 2000 was a leap year',
      '290200',
      'nik',
      { day: 29, month: 2, yy: 0, sex: 'L', possibleYears: [2000] },
    ],
    [
      '29 Feb 04: leap in both centuries',
      '690204',
      'nik',
      { day: 29, month: 2, yy: 4, sex: 'P', possibleYears: [1904, 2004] },
    ],
    ['29 Feb 01: leap in neither', '290201', 'nik', null],
    [
      'KK issue date',
      '120318',
      'no_kk',
      { day: 12, month: 3, yy: 18, sex: null, possibleYears: [1918, 2018] },
    ],
    ['KK has no +40: day 52 is impossible', '520318', 'no_kk', null],
    ['KK day 41 is impossible', '410318', 'no_kk', null],
    ['not six digits', '12031', 'nik', null],
    ['letters', '12a318', 'nik', null],
  ])('%s', (_name, part, kind, expected) => {
    expect(decodeDatePart(part, kind)).toEqual(expected);
  });
});
