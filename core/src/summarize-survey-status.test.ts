import { describe, expect, it } from 'vitest';
import { summarizeSurveyStatus, type SurveyStatusRef } from './summarize-survey-status.ts';

const s = (id: number, status: SurveyStatusRef['status'], round = 2025): SurveyStatusRef => ({
  id,
  round,
  status,
});

describe('summarizeSurveyStatus', () => {
  it.each([
    ['no survey', [], 2025, null],
    ['only a draft', [s(1, 'draft')], 2025, 'draft'],
    ['a returned survey', [s(1, 'returned')], 2025, 'returned'],
    ['returned, then a new draft', [s(1, 'returned'), s(2, 'draft')], 2025, 'draft'],
    ['submitted beats a later draft', [s(1, 'submitted'), s(2, 'draft')], 2025, 'submitted'],
    ['verified beats a later submitted one', [s(1, 'verified'), s(2, 'submitted')], 2025, 'verified'],
    ['verified beats a later returned one', [s(1, 'verified'), s(2, 'returned')], 2025, 'verified'],
    ['another round does not count', [s(1, 'verified', 2024)], 2025, null],
    ['another round beside a draft', [s(1, 'verified', 2024), s(2, 'draft')], 2025, 'draft'],
    ['no round: every round counts', [s(1, 'verified', 2024), s(2, 'draft')], null, 'verified'],
    ['highest id is the latest, whatever the order', [s(5, 'draft'), s(3, 'returned')], 2025, 'draft'],
  ] as const)('%s', (_label, surveys, round, expected) => {
    expect(summarizeSurveyStatus(surveys, round)).toBe(expected);
  });
});
