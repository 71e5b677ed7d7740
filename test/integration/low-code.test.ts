// The administrator changes the survey and the need rules through REST, with no code and no
// restart: a new survey field, a rule on it, the rule switched off, and the field removed again.
import { afterAll, describe, expect, it } from 'vitest';
import { needsOf, removeHousehold, waitForJobs } from './classification-support.ts';
import { adminApi } from './helpers.ts';

const FIELD = 'roof_leaking';
const RULE = 'roof_leaking';
const SUB_KEGIATAN = '1.04.03.2.03.0002';
const DESA = '63.11.03.2005';

const cleanup: number[] = [];
afterAll(async () => {
  const admin = adminApi();
  for (const household of cleanup) await removeHousehold(household);
  // rules that produced needs cannot be deleted (needs keep their history): leave it switched off
  await admin.patch(`/items/indicators/${RULE}`, { active: false }).catch(() => undefined);
  await admin.delete(`/fields/surveys/${FIELD}`).catch(() => undefined);
  await waitForJobs();
});

describe('low-code need rules', () => {
  it('a new survey field and a rule on it give needs at once; switching the rule off closes them', async () => {
    const admin = adminApi();
    await admin.post('/fields/surveys', {
      field: FIELD,
      type: 'boolean',
      meta: {
        interface: 'boolean',
        special: ['cast-boolean'],
        group: 'rumah',
        translations: [
          { language: 'id-ID', translation: 'Atap bocor' },
          { language: 'en-US', translation: 'Roof leaking' },
        ],
      },
      schema: { is_nullable: true },
    });
    await admin.post('/items/indicators', {
      key: RULE,
      label: 'Atap bocor',
      category: 'perumahan',
      field: FIELD,
      operator: 'is_true',
      applies_to: ['ekstrem', 'miskin'],
      sub_kegiatan: SUB_KEGIATAN,
      weight: 1,
      active: true,
    });
    await waitForJobs();
    const agency = (
      await admin.get<{ perangkat_daerah: string }>(
        `/items/sub_kegiatan/${SUB_KEGIATAN}?fields=perangkat_daerah`,
      )
    ).perangkat_daerah;

    const created = await admin.post<{ id: number }>('/items/households?fields=id', {
      head_name: 'Uji Atap Bocor',
      desa: DESA,
      member_count: 3,
    });
    cleanup.push(created.id);
    const survey = await admin.post<{ id: number }>('/items/surveys?fields=id', {
      household: created.id,
      round: 2025,
      status: 'submitted',
      monthly_income: 900_000,
      member_count: 3,
      [FIELD]: true,
    });

    const [need] = await needsOf(admin, created.id);
    expect(need).toMatchObject({
      indicator: RULE,
      status: 'open',
      quantity: 1,
      category: 'perumahan',
      sub_kegiatan: SUB_KEGIATAN,
      perangkat_daerah: agency,
      survey: survey.id,
      desa: DESA,
      kecamatan: '63.11.03',
    });

    // switched off: the bulk re-run closes the need (resolved, not deleted)
    await admin.patch(`/items/indicators/${RULE}`, { active: false });
    await waitForJobs();
    expect(await needsOf(admin, created.id)).toMatchObject([{ id: need?.id, status: 'resolved' }]);

    // switched on again: the same need reopens
    await admin.patch(`/items/indicators/${RULE}`, { active: true });
    await waitForJobs();
    expect(await needsOf(admin, created.id)).toMatchObject([{ id: need?.id, status: 'open' }]);
  });

  it('a rule on a field that no longer exists does not crash anything and stops firing', async () => {
    const admin = adminApi();
    const [household] = cleanup;
    if (household === undefined) throw new Error('the first test did not create its household');
    await admin.delete(`/fields/surveys/${FIELD}`);
    await waitForJobs();
    expect((await needsOf(admin, household)).map((need) => need.status)).toEqual(['resolved']);

    // saving a survey still works, and so does a full re-run, which names the broken rule
    const [survey] = await admin.get<{ id: number }[]>(
      `/items/surveys?filter[household][_eq]=${household}&fields=id`,
    );
    await admin.patch(`/items/surveys/${survey?.id}`, { monthly_income: 600_000 });
    expect(
      await admin.get<{ classification: string }>(`/items/households/${household}?fields=classification`),
    ).toEqual({
      classification: 'ekstrem',
    });
    const result = await admin.post<{ warnings: string[]; households: number }>('/siap-pd/reclassify', {});
    expect(result.households).toBeGreaterThan(0);
    expect(result.warnings.some((warning) => warning.includes(`"${FIELD}"`))).toBe(true);
    const [job] = await admin.get<{ message: string; status: string }[]>(
      '/items/import_jobs?sort=-id&limit=1&fields=message,status',
    );
    expect(job?.status).toBe('done');
    expect(job?.message).toContain(FIELD);
  });
});
