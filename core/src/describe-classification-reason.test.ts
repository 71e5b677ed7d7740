import { describe, it, expect } from 'vitest';
import { describeClassificationReason } from './describe-classification-reason.ts';

describe('describeClassificationReason', () => {
  it.each<[string, RegExp]>([
    ['no_poverty_line', /garis kemiskinan/i],
    ['missing_member_count', /jumlah anggota keluarga belum diisi/i],
    ['invalid_member_count', /minimal 1/i],
    ['missing_income', /penghasilan .*belum diisi/i],
    ['missing_expenditure', /pengeluaran .*belum diisi/i],
    ['invalid_amount', /bukan angka/i],
    ['negative_amount', /negatif/i],
  ])('%s', (reason, expected) => {
    expect(describeClassificationReason(reason)).toMatch(expected);
  });

  it.each<[string, string | null | undefined, string]>([
    ['classified (null)', null, ''],
    ['undefined', undefined, ''],
    ['empty', '', ''],
    ['unknown code is shown, not hidden', 'new_reason', 'Belum dapat diklasifikasikan (new_reason).'],
    ['inherited object key is not a reason', 'toString', 'Belum dapat diklasifikasikan (toString).'],
  ])('%s', (_name, reason, expected) => {
    expect(describeClassificationReason(reason)).toBe(expected);
  });
});
