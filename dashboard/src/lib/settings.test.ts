import { describe, expect, it } from 'vitest';
import { toPlanningSettings } from './settings.ts';

describe('toPlanningSettings', () => {
  it('reads the singleton', () => {
    expect(
      toPlanningSettings({
        region_name: 'Kabupaten Balangan',
        region_code: '63.11',
        survey_round: 2025,
        active_fiscal_year: '2026',
        validity_target_pct: 99,
      }),
    ).toEqual({
      regionName: 'Kabupaten Balangan',
      regionCode: '63.11',
      surveyRound: 2025,
      activeFiscalYear: 2026,
      validityTargetPct: 99,
    });
  });

  it.each([
    ['unreadable', null],
    ['empty', {}],
    ['out of range', { validity_target_pct: 150, survey_round: 2025.5 }],
  ])('falls back to unknown when %s', (_name, row) => {
    expect(toPlanningSettings(row)).toMatchObject({
      regionName: 'Kabupaten',
      surveyRound: null,
      validityTargetPct: null,
    });
  });
});
