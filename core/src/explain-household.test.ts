import { describe, it, expect } from 'vitest';
import { explainHousehold } from './explain-household.ts';
import type { ExplainHouseholdInput } from './explain-household.ts';
import type { Indicator } from './types.ts';

const rule = (key: string, over: Partial<Indicator>): Indicator => ({
  key,
  label: key,
  category: 'perumahan',
  field: null,
  operator: null,
  value: null,
  condition: null,
  quantity_field: null,
  applies_to: ['ekstrem', 'miskin'],
  sub_kegiatan: '1.04.03.2.03.0002',
  active: true,
  ...over,
});

const INDICATORS: Indicator[] = [
  rule('floor_type_unfit', {
    label: 'Lantai tidak layak',
    condition: {
      _and: [{ floor_type: { _in: ['tanah', 'bambu'] } }, { house_ownership: { _eq: 'milik_sendiri' } }],
    },
  }),
  rule('children_out_of_school', {
    label: 'Anak tidak sekolah',
    field: 'children_out_of_school',
    operator: 'gt',
    value: 0,
    quantity_field: 'children_out_of_school',
  }),
];

const ANSWERS = {
  monthly_income: 1_000_000,
  member_count: 4,
  floor_type: 'tanah',
  house_ownership: 'milik_sendiri',
  children_out_of_school: 2,
};

const household = (
  over: Partial<ExplainHouseholdInput['household']> = {},
): ExplainHouseholdInput['household'] => ({
  classification: 'ekstrem',
  classification_reason: null,
  income_per_capita: 250_000,
  classification_basis: 'income',
  poverty_line_used: '544169',
  extreme_line_used: 391_000,
  classified_survey: 7,
  classified_at: '2025-11-01T00:00:00.000Z',
  ...over,
});

const need = (id: number, indicator: string, status: 'open' | 'planned' | 'resolved', quantity = 1) => ({
  id,
  indicator,
  status,
  quantity,
  category: 'perumahan',
  sub_kegiatan: '1.04.03.2.03.0002',
  perangkat_daerah: 'disperkim',
  no_longer_detected: false,
});

const input = (over: Partial<ExplainHouseholdInput> = {}): ExplainHouseholdInput => ({
  household: household(),
  survey: { id: 7, round: 2025, status: 'verified', answers: ANSWERS },
  region: '63.11',
  lines: [{ year: 2025, region: '63.11', poverty_line: 544_169, extreme_poverty_line: 391_000 }],
  indicators: INDICATORS,
  needs: [
    need(1, 'floor_type_unfit', 'open'),
    need(2, 'children_out_of_school', 'planned', 2),
    need(3, 'x', 'resolved'),
  ],
  ...over,
});

describe('explainHousehold', () => {
  it.each<[string, Partial<ExplainHouseholdInput>, RegExp]>([
    [
      'extreme poor: values, computation, survey and line year',
      {},
      /^Miskin ekstrem: pendapatan per kapita Rp 250\.000 per bulan \(Rp 1\.000\.000 dibagi 4 anggota keluarga\) menurut survei ronde 2025 berada di bawah garis kemiskinan ekstrem tahun 2025 Rp 391\.000\.$/,
    ],
    [
      'poor',
      { household: household({ classification: 'miskin', income_per_capita: 450_000 }) },
      /^Miskin: pendapatan per kapita Rp 450\.000 .* di bawah garis kemiskinan tahun 2025 Rp 544\.169, tetapi tidak di bawah garis kemiskinan ekstrem/,
    ],
    [
      'not poor, expenditure basis',
      {
        household: household({
          classification: 'tidak_miskin',
          classification_basis: 'expenditure',
          income_per_capita: 700_000,
        }),
      },
      /^Tidak miskin: pengeluaran per kapita Rp 700\.000 per bulan menurut survei ronde 2025 tidak berada di bawah/,
    ],
    [
      'survey not readable: no computation shown',
      { survey: { id: 7, round: null, status: null, answers: null } },
      /^Miskin ekstrem: pendapatan per kapita Rp 250\.000 per bulan menurut survei yang dihitung berada/,
    ],
    [
      'unclassified: the reason in words',
      { household: household({ classification: 'unclassified', classification_reason: 'missing_income' }) },
      /^Belum dapat diklasifikasi menurut survei ronde 2025: Total penghasilan keluarga per bulan belum diisi/,
    ],
    [
      'no counted survey',
      { household: household({ classification: null }), survey: null },
      /belum ada survei yang diajukan/,
    ],
  ])('%s', (_name, over, sentence) => {
    expect(explainHousehold(input(over)).sentence).toMatch(sentence);
  });

  it('explains each held need with the rule and the answers it read', () => {
    const result = explainHousehold(input());
    expect(result.line_year).toBe(2025);
    expect(result.poverty_line).toBe(544_169);
    expect(result.needs.map((n) => n.id)).toEqual([1, 2]);
    const [floor, school] = result.needs;
    expect(floor?.answers).toEqual([
      { field: 'floor_type', value: 'tanah' },
      { field: 'house_ownership', value: 'milik_sendiri' },
    ]);
    expect(floor?.fires_now).toBe(true);
    expect(floor?.sentence).toMatch(
      /^Aturan "Lantai tidak layak" terpenuhi oleh jawaban survei floor_type = tanah, house_ownership = milik_sendiri/,
    );
    expect(school?.sentence).toMatch(/children_out_of_school lebih dari 0/);
    expect(school?.sentence).toMatch(/Volume 2 dari isian children_out_of_school\./);
  });

  it.each<[string, Partial<ExplainHouseholdInput>, boolean | null, RegExp]>([
    [
      'survey not readable',
      { survey: { id: 7, round: null, status: null, answers: null } },
      null,
      /tidak dapat ditampilkan dengan hak akses Anda/,
    ],
    [
      'a need whose rule no longer fires',
      { survey: { id: 7, round: 2025, status: 'verified', answers: { ...ANSWERS, floor_type: 'keramik' } } },
      false,
      /tidak lagi terpenuhi/,
    ],
    ['a need whose rule was deleted', { indicators: [] }, null, /sudah tidak ada/],
  ])('need: %s', (_name, over, fires, sentence) => {
    const [floor] = explainHousehold(input(over)).needs;
    expect(floor?.fires_now).toBe(fires);
    expect(floor?.sentence).toMatch(sentence);
  });
});
