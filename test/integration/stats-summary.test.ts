// GET /siap-pd/stats/summary through REST as the real roles: the counts follow each caller's own
// permissions, add up to what the items endpoint counts, and agree with the surveys of the round.
import { describe, expect, it } from 'vitest';
import { adminApi, anonymousApi, count, loginAs, refusal } from './helpers.ts';

type Summary = {
  level: 'kecamatan' | 'desa';
  groups: Array<{
    area: string | null;
    classification: string | null;
    survey_status: string | null;
    households: number;
    people: number;
  }>;
  totals: { households: number; people: number };
};

const DESA = '63.11.07.2002';
const KECAMATAN = '63.11.07';

describe('GET /siap-pd/stats/summary', () => {
  it('gives a planner the whole kabupaten per kecamatan, class and survey status', async () => {
    const perencana = await loginAs('perencana');
    const summary = await perencana.get<Summary>('/siap-pd/stats/summary');
    expect(summary.level).toBe('kecamatan');
    const admin = adminApi();
    expect(summary.totals.households).toBe(await count(admin, 'households'));
    const members = await admin.get<{ sum: { member_count: number | string } }[]>(
      '/items/households?aggregate[sum]=member_count',
    );
    expect(summary.totals.people).toBe(Number(members[0]?.sum.member_count));
    expect(new Set(summary.groups.map((group) => group.area)).size).toBe(8);

    const ekstrem = summary.groups
      .filter((group) => group.classification === 'ekstrem')
      .reduce((sum, group) => sum + group.households, 0);
    expect(ekstrem).toBe(await count(admin, 'households', { classification: { _eq: 'ekstrem' } }));
    const verified = summary.groups
      .filter((group) => group.survey_status === 'verified')
      .reduce((sum, group) => sum + group.households, 0);
    const withVerifiedSurvey = await admin.get<{ countDistinct: { household: number | string } }[]>(
      '/items/surveys?aggregate[countDistinct]=household&filter[status][_eq]=verified&filter[round][_eq]=2025',
    );
    expect(verified).toBe(Number(withVerifiedSurvey[0]?.countDistinct.household));
  });

  it('gives the desa of one kecamatan, and an operator only its own desa', async () => {
    const perencana = await loginAs('perencana');
    const perDesa = await perencana.get<Summary>(`/siap-pd/stats/summary?kecamatan=${KECAMATAN}`);
    expect(perDesa.level).toBe('desa');
    expect(perDesa.totals.households).toBe(
      await count(adminApi(), 'households', { kecamatan: { _eq: KECAMATAN } }),
    );
    expect(new Set(perDesa.groups.map((group) => group.area)).size).toBeGreaterThan(1);

    const operator = await loginAs(`operator.${DESA}`);
    const own = await operator.get<Summary>('/siap-pd/stats/summary');
    expect(own.totals.households).toBe(await count(adminApi(), 'households', { desa: { _eq: DESA } }));
    expect(own.totals.households).toBeGreaterThan(0);
    const ownPerDesa = await operator.get<Summary>(`/siap-pd/stats/summary?kecamatan=${KECAMATAN}`);
    expect(new Set(ownPerDesa.groups.map((group) => group.area))).toEqual(new Set([DESA]));
  });

  it('refuses the public and a malformed kecamatan code', async () => {
    expect(await refusal(anonymousApi().get('/siap-pd/stats/summary'))).toBe(403);
    const perencana = await loginAs('perencana');
    expect(await refusal(perencana.get('/siap-pd/stats/summary?kecamatan=Juai'))).toBe(400);
  });
});
