import { describe, expect, it } from 'vitest';
import {
  andFilters,
  areaFilter,
  classificationFilter,
  surveyAreaFilter,
  surveyStateFilter,
} from './filters.ts';

describe('andFilters', () => {
  it.each([
    [[], undefined],
    [[undefined, {}], undefined],
    [[{ a: 1 }], { a: 1 }],
    [[{ a: 1 }, undefined, { b: 2 }], { _and: [{ a: 1 }, { b: 2 }] }],
  ])('joins %j', (filters, expected) => {
    expect(andFilters(...filters)).toEqual(expected);
  });
});

describe('area filters', () => {
  it.each([
    [{}, undefined, undefined],
    [
      { kecamatan: '63.11.07' },
      { kecamatan: { _eq: '63.11.07' } },
      { desa: { kecamatan: { _eq: '63.11.07' } } },
    ],
    [
      { kecamatan: '63.11.07', desa: '63.11.07.2002' },
      { desa: { _eq: '63.11.07.2002' } },
      { desa: { _eq: '63.11.07.2002' } },
    ],
  ])('scope %j', (scope, households, surveys) => {
    expect(areaFilter(scope)).toEqual(households);
    expect(surveyAreaFilter(scope)).toEqual(surveys);
  });
});

describe('survey filters', () => {
  it.each([
    ['belum', { surveys: { _none: { status: { _in: ['submitted', 'verified'] } } } }],
    ['returned', { surveys: { _and: [{ status: { _eq: 'returned' } }, { round: { _eq: 2025 } }] } }],
  ] as const)('survey state %s', (state, expected) => {
    expect(surveyStateFilter(state, 2025)).toEqual(expected);
  });

  it.each([
    ['belum', { classification: { _null: true } }],
    ['ekstrem', { classification: { _eq: 'ekstrem' } }],
  ])('classification %s', (value, expected) => {
    expect(classificationFilter(value)).toEqual(expected);
  });
});
