import { describe, expect, it } from 'vitest';
import {
  explainStoredClassification,
  readExplainAnswer,
  readExplainNeeds,
  toStoredClassification,
} from './explain.ts';

const STORED = {
  classification: 'ekstrem',
  classification_reason: null,
  income_per_capita: '350000',
  classification_basis: 'income',
  poverty_line_used: 620_000,
  extreme_line_used: 420_000,
  classified_at: '2025-09-01T08:00:00.000Z',
};

describe('explainStoredClassification', () => {
  it.each([
    [
      'ekstrem',
      STORED,
      [
        'Pendapatan per kapita Rp 350.000 per bulan.',
        'Di bawah garis kemiskinan ekstrem Rp 420.000, sehingga tergolong miskin ekstrem.',
        'Dihitung pada 1 Sep 2025.',
      ],
    ],
    [
      'miskin',
      { ...STORED, classification: 'miskin', income_per_capita: 500_000, classified_at: null },
      [
        'Pendapatan per kapita Rp 500.000 per bulan.',
        'Tidak di bawah garis kemiskinan ekstrem Rp 420.000 tetapi di bawah garis kemiskinan Rp 620.000, sehingga tergolong miskin.',
      ],
    ],
    [
      'tidak miskin by expenditure',
      {
        ...STORED,
        classification: 'tidak_miskin',
        classification_basis: 'expenditure',
        income_per_capita: 900_000,
        classified_at: null,
      },
      [
        'Pengeluaran per kapita Rp 900.000 per bulan.',
        'Tidak di bawah garis kemiskinan Rp 620.000, sehingga tergolong tidak miskin.',
      ],
    ],
    [
      'unclassified with a reason',
      { classification: 'unclassified', classification_reason: 'missing_income' },
      [
        'Rumah tangga ini belum dapat diklasifikasi. Total penghasilan keluarga per bulan belum diisi pada survei. Lengkapi survei lalu ajukan ulang.',
      ],
    ],
    [
      'not classified yet',
      { classification: null },
      [
        'Rumah tangga ini belum diklasifikasi: belum ada survei yang diajukan atau diverifikasi, atau perhitungan belum dijalankan.',
      ],
    ],
  ])('explains %s', (_name, row, expected) => {
    expect(explainStoredClassification(toStoredClassification(row))).toEqual(expected);
  });
});

describe('readExplainAnswer', () => {
  it.each([
    ['a text', 'Miskin karena ...', ['Miskin karena ...']],
    ['a list of texts', ['Langkah 1', 'Langkah 2'], ['Langkah 1', 'Langkah 2']],
    ['an explanation field', { explanation: 'Sebab A' }, ['Sebab A']],
    ['steps with text', { steps: [{ text: 'A' }, { label: 'B' }] }, ['A', 'B']],
    [
      'a ClassificationResult',
      {
        classification: 'miskin',
        per_capita: 500_000,
        basis: 'income',
        poverty_line_used: 620_000,
        extreme_line_used: 420_000,
      },
      [
        'Pendapatan per kapita Rp 500.000 per bulan.',
        'Tidak di bawah garis kemiskinan ekstrem Rp 420.000 tetapi di bawah garis kemiskinan Rp 620.000, sehingga tergolong miskin.',
      ],
    ],
    ['a nested result', { result: { text: 'Hasil' } }, ['Hasil']],
    [
      'core explainHousehold (its sentence)',
      { classification: 'miskin', per_capita: 1, sentence: 'Miskin: per kapita Rp 1.' },
      ['Miskin: per kapita Rp 1.'],
    ],
    ['nothing readable', { id: 4 }, []],
    ['null', null, []],
  ])('reads %s', (_name, answer, expected) => {
    expect(readExplainAnswer(answer)).toEqual(expected);
  });
});

describe('readExplainNeeds', () => {
  it('reads the sentence of each need', () => {
    expect(
      readExplainNeeds({
        sentence: 'x',
        needs: [
          { indicator: 'floor_type_unfit', label: 'Lantai tanah', sentence: 'Lantai rumah tanah.' },
          { indicator: 'toilet_not_own', sentence: 'Tidak punya jamban.' },
          { indicator: 'no_sentence' },
        ],
      }),
    ).toEqual([
      { label: 'Lantai tanah', sentence: 'Lantai rumah tanah.' },
      { label: 'toilet_not_own', sentence: 'Tidak punya jamban.' },
    ]);
  });

  it.each([[null], ['text'], [{ needs: 'x' }], [{}]])('gives nothing for %j', (data) => {
    expect(readExplainNeeds(data)).toEqual([]);
  });
});
