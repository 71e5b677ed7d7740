import { describe, it, expect } from 'vitest';
import { checkIdentityNumber } from './check-identity-number.ts';
import type { CheckIdentityOptions } from './check-identity-number.ts';
import type { IdentityKind } from './types.ts';

const BALANGAN: CheckIdentityOptions = { regionPrefix: '6311' };

type Row = [
  name: string,
  raw: unknown,
  kind: IdentityKind,
  options: CheckIdentityOptions,
  value: string | null,
  errors: string[],
  warnings: string[],
];

describe('checkIdentityNumber', () => {
  it.each<Row>([
    ['valid NIK of a man', '6311071708850001', 'nik', BALANGAN, '6311071708850001', [], []],
    ['valid NIK of a woman (day + 40)', '6311075708850002', 'nik', BALANGAN, '6311075708850002', [], []],
    ['woman born on the 31st (71)', '6311077112900002', 'nik', BALANGAN, '6311077112900002', [], []],
    ['surrounding spaces are trimmed', '  6311071708850001\n', 'nik', BALANGAN, '6311071708850001', [], []],
    ['number input that is still exact', 6311071708850001, 'nik', BALANGAN, '6311071708850001', [], []],
    ['empty text is not an error here', '', 'nik', BALANGAN, null, [], []],
    ['blank text', '   ', 'no_kk', BALANGAN, null, [], []],
    ['null', null, 'no_kk', BALANGAN, null, [], []],
    ['undefined', undefined, 'nik', BALANGAN, null, [], []],
    ['scientific notation 6.3110E+15', '6.3110E+15', 'nik', BALANGAN, null, ['scientific_notation'], []],
    ['scientific notation with comma', '6,311E+15', 'no_kk', BALANGAN, null, ['scientific_notation'], []],
    [
      'scientific notation lower case, no sign',
      '6.311071e15',
      'nik',
      BALANGAN,
      null,
      ['scientific_notation'],
      [],
    ],
    ['15 digits (last digit dropped)', '631107170885000', 'nik', BALANGAN, null, ['wrong_length'], []],
    ['12 digits', '631107170885', 'no_kk', BALANGAN, null, ['wrong_length'], []],
    ['17 digits', '63110717088500011', 'nik', BALANGAN, null, ['wrong_length'], []],
    ['spaces inside', '6311 0717 0885 0001', 'nik', BALANGAN, null, ['not_digits'], []],
    [
      'Excel text apostrophe is not silently removed',
      "'6311071708850001",
      'nik',
      BALANGAN,
      null,
      ['not_digits'],
      [],
    ],
    ['letter O instead of zero', '63110717O8850001', 'nik', BALANGAN, null, ['not_digits'], []],
    ['boolean', true, 'nik', BALANGAN, null, ['not_digits'], []],
    ['decimal number', 1.5, 'nik', BALANGAN, null, ['not_digits'], []],
    ['number beyond 2^53', Number('9611071708850001'), 'nik', {}, null, ['imprecise_number'], []],
    ['province 00', '0011071708850001', 'nik', {}, null, ['invalid_province'], []],
    ['province 10', '1011071708850001', 'nik', {}, null, ['invalid_province'], []],
    ['province 11 (lowest)', '1171011708850001', 'nik', {}, '1171011708850001', [], []],
    ['province 96 (highest)', '9601011708850001', 'nik', {}, '9601011708850001', [], []],
    ['province 97', '9701011708850001', 'nik', {}, null, ['invalid_province'], []],
    ['30 February', '6311073002850001', 'nik', BALANGAN, null, ['impossible_date'], []],
    ['30 February of a woman (70)', '6311077002850001', 'nik', BALANGAN, null, ['impossible_date'], []],
    ['31 April', '6311073104850001', 'nik', BALANGAN, null, ['impossible_date'], []],
    ['month 13', '6311071713850001', 'nik', BALANGAN, null, ['impossible_date'], []],
    ['day 00', '6311070008850001', 'nik', BALANGAN, null, ['impossible_date'], []],
    ['day 35 (neither man nor woman)', '6311073508850001', 'nik', BALANGAN, null, ['impossible_date'], []],
    ['day 72', '6311077208850001', 'nik', BALANGAN, null, ['impossible_date'], []],
    [
      '29 Feb 00 is valid (2000 was a leap year)',
      '6311072902000001',
      'nik',
      BALANGAN,
      '6311072902000001',
      [],
      [],
    ],
    ['29 Feb 01 is impossible', '6311072902010001', 'nik', BALANGAN, null, ['impossible_date'], []],
    ['valid No. KK (issue date 12-03-18)', '6311071203180003', 'no_kk', BALANGAN, '6311071203180003', [], []],
    [
      'No. KK has no +40: day 52 is impossible',
      '6311075203180003',
      'no_kk',
      BALANGAN,
      null,
      ['impossible_date'],
      [],
    ],
    [
      'the same digits are a valid NIK of a woman',
      '6311075203180003',
      'nik',
      BALANGAN,
      '6311075203180003',
      [],
      [],
    ],
    [
      'NIK from outside the region: warning only',
      '6301071708850001',
      'nik',
      BALANGAN,
      '6301071708850001',
      [],
      ['outside_region'],
    ],
    [
      'region prefix written with a dot',
      '6301071708850001',
      'nik',
      { regionPrefix: '63.11' },
      '6301071708850001',
      [],
      ['outside_region'],
    ],
    [
      'region prefix given as 63.11 and NIK inside',
      '6311071708850001',
      'nik',
      { regionPrefix: '63.11' },
      '6311071708850001',
      [],
      [],
    ],
    ['no region prefix: no region warning', '6301071708850001', 'nik', {}, '6301071708850001', [], []],
    ['NIK ending with 0000', '6311071708850000', 'nik', BALANGAN, '6311071708850000', [], ['ends_with_0000']],
    [
      'No. KK ending with 0000',
      '6311071203180000',
      'no_kk',
      BALANGAN,
      '6311071203180000',
      [],
      ['ends_with_0000'],
    ],
    [
      'outside region and ending with 0000',
      '6371071708850000',
      'nik',
      BALANGAN,
      '6371071708850000',
      [],
      ['outside_region', 'ends_with_0000'],
    ],
    [
      'what Excel leaves of 6.311E+15',
      '6311000000000000',
      'nik',
      BALANGAN,
      null,
      ['impossible_date'],
      ['ends_with_0000'],
    ],
    [
      'bad province and bad date together',
      '0511073002850001',
      'nik',
      {},
      null,
      ['invalid_province', 'impossible_date'],
      [],
    ],
  ])('%s', (_name, raw, kind, options, value, errors, warnings) => {
    const result = checkIdentityNumber(raw, kind, options);
    expect(result.value).toBe(value);
    expect(result.errors.map((issue) => issue.code)).toEqual(errors);
    expect(result.warnings.map((issue) => issue.code)).toEqual(warnings);
  });

  it('works without options', () => {
    expect(checkIdentityNumber('6301071708850001', 'nik')).toEqual({
      value: '6301071708850001',
      errors: [],
      warnings: [],
    });
  });

  it.each<[IdentityKind, unknown, string]>([
    ['nik', '6.3110E+15', 'NIK'],
    ['no_kk', '6.3110E+15', 'No. KK'],
    ['nik', '631107170885000', 'NIK'],
    ['no_kk', '6311075203180003', 'No. KK'],
    ['nik', '63110717O8850001', 'NIK'],
  ])('%s message for %s names the field and says what to do', (kind, raw, label) => {
    const [error] = checkIdentityNumber(raw, kind).errors;
    expect(error?.message).toContain(label);
    expect(error?.message).toMatch(/ketik ulang/i);
  });

  it('the scientific notation message quotes what was typed', () => {
    const [error] = checkIdentityNumber(' 6.3110E+15 ', 'nik').errors;
    expect(error?.message).toContain('6.3110E+15');
  });

  it('the outside-region warning names both codes', () => {
    const [warning] = checkIdentityNumber('6301071708850001', 'nik', BALANGAN).warnings;
    expect(warning?.message).toContain('6301');
    expect(warning?.message).toContain('6311');
  });
});
