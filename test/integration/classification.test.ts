// Classification and needs engine through REST, as the real roles use it: the demo data as the
// seed left it, an operator's save, a verifier's return, the explanation, the bulk re-run and a
// poverty-line change.
import { afterAll, describe, expect, it } from 'vitest';
import { DirectusError, type DirectusApi } from '../../scripts/lib/directus-api.ts';
import { needsOf, removeHousehold, waitForJobs } from './classification-support.ts';
import { adminApi, anonymousApi, count, loginAs, refusal } from './helpers.ts';

const DESA = '63.11.07.2002';
const KECAMATAN = '63.11.07';
const OTHER_DESA = '63.11.01.2001';

type Household = {
  id: number;
  classification: string | null;
  classification_reason: string | null;
  income_per_capita: number | string | null;
  classification_basis: string | null;
  poverty_line_used: number | string | null;
  extreme_line_used: number | string | null;
  classified_survey: number | null;
  classified_at: string | null;
  need_count: number | null;
  survey_status: string | null;
};
const HOUSEHOLD_FIELDS =
  'id,classification,classification_reason,income_per_capita,classification_basis,poverty_line_used,extreme_line_used,classified_survey,classified_at,need_count,survey_status';

type Explanation = {
  household: { id: number; head_name: string | null; desa: string | null };
  classification: string | null;
  sentence: string;
  survey: { id: number; round: number | null } | null;
  per_capita: number | null;
  extreme_line: number | null;
  needs: Array<{
    id: number;
    indicator: string;
    status: string;
    answers: Array<{ field: string; value: unknown }> | null;
    fires_now: boolean | null;
    sentence: string;
  }>;
};

type ReclassifyResult = {
  job: number;
  kind: string;
  households: number;
  changed: number;
  needs_opened: number;
  needs_resolved: number;
  duration_ms: number;
};

const cleanup: number[] = [];
afterAll(async () => {
  for (const household of cleanup) await removeHousehold(household);
  await waitForJobs();
});

/** true when allowed, else the refusal status */
async function readable(request: Promise<unknown>): Promise<true | number> {
  try {
    await request;
    return true;
  } catch (error) {
    if (error instanceof DirectusError) return error.status;
    throw error;
  }
}

/** PostgreSQL returns bigInteger (rupiah) as text: read them as numbers */
function rupiah<T extends Record<string, unknown> | undefined>(row: T): T {
  if (row === undefined) return row;
  const copy: Record<string, unknown> = { ...row };
  for (const key of ['income_per_capita', 'poverty_line_used', 'extreme_line_used']) {
    if (typeof copy[key] === 'string') copy[key] = Number(copy[key]);
  }
  return copy as T;
}

async function household(api: DirectusApi, id: number): Promise<Household> {
  return rupiah(await api.get<Household>(`/items/households/${id}?fields=${HOUSEHOLD_FIELDS}`));
}

async function classes(): Promise<Record<string, number>> {
  const rows = await adminApi().get<{ classification: string | null; count: { id: number | string } }[]>(
    '/items/households?aggregate[count]=id&groupBy[]=classification&limit=-1',
  );
  return Object.fromEntries(rows.map((row) => [String(row.classification), Number(row.count.id)]));
}

describe('the demo data, loaded through REST with the hooks firing', () => {
  it('is classified, with the explanation columns and needs', async () => {
    const admin = adminApi();
    const byClass = await classes();
    expect(byClass['ekstrem']).toBeGreaterThan(0);
    expect(byClass['miskin']).toBeGreaterThan(0);
    expect(byClass['tidak_miskin']).toBeGreaterThan(0);

    // every household with a counted survey (submitted or verified, active round 2025) is classified
    const counted = await admin.get<{ countDistinct: { household: number | string } }[]>(
      '/items/surveys?aggregate[countDistinct]=household&filter[status][_in]=submitted,verified&filter[round][_lte]=2025',
    );
    expect(await count(admin, 'households', { classified_survey: { _nnull: true } })).toBe(
      Number(counted[0]?.countDistinct.household),
    );
    expect(
      await count(admin, 'households', {
        _and: [{ classified_survey: { _nnull: true } }, { classification: { _null: true } }],
      }),
    ).toBe(0);
    // survey_status (what the Ringkasan counts) agrees with the surveys of the round
    for (const statuses of [['verified'], ['submitted', 'verified']]) {
      const withSurvey = await admin.get<{ countDistinct: { household: number | string } }[]>(
        `/items/surveys?aggregate[countDistinct]=household&filter[status][_in]=${statuses.join(',')}&filter[round][_eq]=2025`,
      );
      expect(await count(admin, 'households', { survey_status: { _in: statuses } })).toBe(
        Number(withSurvey[0]?.countDistinct.household),
      );
    }
    // ... and so is each counted survey row itself
    expect(
      await count(admin, 'surveys', {
        _and: [{ status: { _in: ['submitted', 'verified'] } }, { classification: { _null: true } }],
      }),
    ).toBe(0);

    const [sample] = await admin.get<Household[]>(
      `/items/households?filter[classification][_eq]=ekstrem&filter[need_count][_gt]=0&limit=1&fields=${HOUSEHOLD_FIELDS}`,
    );
    expect(rupiah(sample)).toMatchObject({
      classification_basis: 'income',
      poverty_line_used: 544169,
      extreme_line_used: 391000,
    });
    expect(Number(sample?.income_per_capita)).toBeLessThan(391000);
    expect(sample?.classified_at).toBeTruthy();

    expect(await count(admin, 'needs', { status: { _eq: 'open' } })).toBeGreaterThan(1000);
    expect(
      await count(admin, 'needs', {
        _or: [
          { category: { _null: true } },
          { desa: { _null: true } },
          { kecamatan: { _null: true } },
          { survey: { _null: true } },
          { _and: [{ sub_kegiatan: { _nnull: true } }, { perangkat_daerah: { _null: true } }] },
        ],
      }),
    ).toBe(0);
    // needs follow the class: a household that is not poor holds no open need (seeded rules apply to ekstrem, miskin)
    expect(
      await count(admin, 'needs', {
        _and: [{ status: { _eq: 'open' } }, { household: { classification: { _eq: 'tidak_miskin' } } }],
      }),
    ).toBe(0);
  });

  it('needs nothing from a bulk re-run: the hooks already computed what the bulk path computes', async () => {
    await waitForJobs();
    const perencana = await loginAs('perencana');
    const result = await perencana.post<ReclassifyResult>('/siap-pd/reclassify', {});
    expect(result.kind).toBe('reclassify');
    expect(result.households).toBe(await count(adminApi(), 'households'));
    expect(result).toMatchObject({ changed: 0, needs_opened: 0, needs_resolved: 0 });
    const job = await adminApi().get<{
      kind: string;
      status: string;
      user: string;
      counts: Record<string, number>;
    }>(`/items/import_jobs/${result.job}`);
    const me = await perencana.get<{ id: string }>('/users/me?fields=id');
    expect(job).toMatchObject({ kind: 'reclassify', status: 'done', user: me.id });
    expect(job.counts['households']).toBe(result.households);
  });
});

describe('saving a survey', () => {
  it('shows the class and the needs on save; returned surveys stop counting; a new answer moves the class', async () => {
    const operator = await loginAs(`operator.${DESA}`);
    const created = await operator.post<{ id: number }>('/items/households?fields=id', {
      head_name: 'Uji Klasifikasi',
      address: 'Jl. Uji 1',
      member_count: 4,
    });
    cleanup.push(created.id);

    const draft = await operator.post<{ id: number; classification: string; income_per_capita: number }>(
      '/items/surveys?fields=id,classification,income_per_capita',
      {
        household: created.id,
        round: 2025,
        status: 'draft',
        monthly_income: 800_000,
        member_count: 4,
        floor_type: 'tanah',
        house_ownership: 'milik_sendiri',
        toilet: 'tidak_ada',
        children_out_of_school: 2,
        can_afford_clinic: false,
      },
    );
    // the survey row carries its own result at once, even as a draft ...
    expect(rupiah(draft)).toMatchObject({ classification: 'ekstrem', income_per_capita: 200_000 });
    // ... but a draft does not count for the household
    expect(await household(operator, created.id)).toMatchObject({
      classification: null,
      need_count: 0,
      survey_status: 'draft',
    });

    const submitted = await operator.patch<{ household: Household }>(
      `/items/surveys/${draft.id}?fields=household.${HOUSEHOLD_FIELDS.split(',').join(',household.')}`,
      { status: 'submitted' },
    );
    expect(rupiah(submitted.household)).toMatchObject({
      classification: 'ekstrem',
      classification_reason: null,
      income_per_capita: 200_000,
      classification_basis: 'income',
      poverty_line_used: 544169,
      extreme_line_used: 391000,
      classified_survey: draft.id,
      need_count: 4,
      survey_status: 'submitted',
    });
    const open = await needsOf(operator, created.id);
    expect(open.map((need) => need.indicator).sort()).toEqual([
      'children_out_of_school',
      'clinic_unaffordable',
      'floor_type_unfit',
      'toilet_not_own',
    ]);
    const school = open.find((need) => need.indicator === 'children_out_of_school');
    expect(school).toMatchObject({
      status: 'open',
      quantity: 2,
      category: 'pendidikan',
      sub_kegiatan: '1.01.02.2.01.0046',
      desa: DESA,
      kecamatan: KECAMATAN,
      survey: draft.id,
      no_longer_detected: false,
    });
    expect(school?.perangkat_daerah).toBeTruthy();

    // the verifier returns it: it no longer counts, the household goes back to unclassified, open needs resolve
    const verifikator = await loginAs(`verifikator.${KECAMATAN}`);
    await verifikator.patch(`/items/surveys/${draft.id}`, {
      status: 'returned',
      return_note: 'Penghasilan perlu dicek ulang',
    });
    expect(await household(adminApi(), created.id)).toMatchObject({
      classification: null,
      classified_survey: null,
      need_count: 0,
      survey_status: 'returned',
    });
    expect((await needsOf(adminApi(), created.id)).map((need) => need.status)).toEqual([
      'resolved',
      'resolved',
      'resolved',
      'resolved',
    ]);

    // corrected and submitted again: not poor, so the needs stay resolved (the rules apply to ekstrem and miskin)
    await operator.patch(`/items/surveys/${draft.id}`, { status: 'submitted', monthly_income: 4_000_000 });
    expect(await household(operator, created.id)).toMatchObject({
      classification: 'tidak_miskin',
      income_per_capita: 1_000_000,
      need_count: 0,
      survey_status: 'submitted',
    });
    expect(new Set((await needsOf(adminApi(), created.id)).map((need) => need.status))).toEqual(
      new Set(['resolved']),
    );

    // the income corrected back (by the administrator: a submitted survey is closed to the operator)
    // and verified: the same needs reopen, none is duplicated
    await adminApi().patch(`/items/surveys/${draft.id}`, { monthly_income: 800_000 });
    await verifikator.patch(`/items/surveys/${draft.id}`, { status: 'verified' });
    expect(await household(operator, created.id)).toMatchObject({ survey_status: 'verified' });
    const reopened = await needsOf(adminApi(), created.id);
    expect(reopened.map((need) => need.status)).toEqual(['open', 'open', 'open', 'open']);
    expect(reopened.map((need) => need.id).sort()).toEqual(open.map((need) => need.id).sort());
  });

  it('keeps a planned need when it is no longer detected, flagged instead of dropped', async () => {
    const admin = adminApi();
    const created = await admin.post<{ id: number }>('/items/households?fields=id', {
      head_name: 'Uji Rencana',
      desa: DESA,
      member_count: 2,
    });
    cleanup.push(created.id);
    const survey = await admin.post<{ id: number }>('/items/surveys?fields=id', {
      household: created.id,
      round: 2025,
      status: 'verified',
      monthly_income: 300_000,
      member_count: 2,
      toilet: 'umum',
      wall_type: 'bambu',
    });
    const [toilet, wall] = await needsOf(admin, created.id);
    expect([toilet?.indicator, wall?.indicator].sort()).toEqual(['toilet_not_own', 'wall_type_unfit']);
    const planned = toilet?.indicator === 'toilet_not_own' ? toilet : wall;
    await admin.patch(`/items/needs/${planned?.id}`, { status: 'planned' });

    await admin.patch(`/items/surveys/${survey.id}`, { toilet: 'sendiri', wall_type: 'tembok_plester' });
    const after = await needsOf(admin, created.id);
    expect(after.find((need) => need.id === planned?.id)).toMatchObject({
      status: 'planned',
      no_longer_detected: true,
    });
    expect(after.find((need) => need.id !== planned?.id)).toMatchObject({
      status: 'resolved',
      no_longer_detected: false,
    });
    expect(await household(admin, created.id)).toMatchObject({ classification: 'ekstrem', need_count: 0 });
  });
});

describe('moving a survey to another household', () => {
  it('re-evaluates both households', async () => {
    const admin = adminApi();
    const [from, to] = await Promise.all(
      ['Uji Asal', 'Uji Tujuan'].map((head_name) =>
        admin.post<{ id: number }>('/items/households?fields=id', { head_name, desa: DESA, member_count: 2 }),
      ),
    );
    if (from === undefined || to === undefined) throw new Error('households not created');
    cleanup.push(from.id, to.id);
    const survey = await admin.post<{ id: number }>('/items/surveys?fields=id', {
      household: from.id,
      round: 2025,
      status: 'verified',
      monthly_income: 300_000,
      member_count: 2,
      toilet: 'umum',
    });
    expect(await household(admin, from.id)).toMatchObject({ classification: 'ekstrem', need_count: 1 });

    await admin.patch(`/items/surveys/${survey.id}`, { household: to.id });
    expect(await household(admin, from.id)).toMatchObject({ classification: null, need_count: 0 });
    expect(await household(admin, to.id)).toMatchObject({
      classification: 'ekstrem',
      classified_survey: survey.id,
      need_count: 1,
    });
    expect((await needsOf(admin, from.id)).map((need) => need.status)).toEqual(['resolved']);
    expect((await needsOf(admin, to.id)).map((need) => need.status)).toEqual(['open']);
  });
});

describe('GET /siap-pd/households/:id/explain', () => {
  it('explains the class and each need with the caller’s own permissions', async () => {
    const admin = adminApi();
    const [target] = await admin.get<
      { id: number; desa: string; needs: { perangkat_daerah: string | null }[] }[]
    >(
      '/items/households?filter[classification][_eq]=ekstrem&filter[need_count][_gt]=1&filter[is_demo][_eq]=true' +
        '&fields=id,desa,needs.perangkat_daerah,needs.status&deep[needs][_filter][status][_eq]=open&sort=id&limit=1',
    );
    if (target === undefined) throw new Error('demo data has no extreme-poor household with needs');

    const operator = await loginAs(`operator.${target.desa}`);
    const own = await operator.get<Explanation>(`/siap-pd/households/${target.id}/explain`);
    expect(own.classification).toBe('ekstrem');
    expect(own.sentence).toMatch(
      /^Miskin ekstrem: pendapatan per kapita Rp [\d.]+ per bulan \(Rp [\d.]+ dibagi \d+ anggota keluarga\) menurut survei ronde 2025 berada di bawah garis kemiskinan ekstrem tahun 2025 Rp 391\.000\.$/,
    );
    expect(own.survey?.round).toBe(2025);
    expect(own.needs.length).toBeGreaterThan(0);
    for (const need of own.needs) {
      expect(need.fires_now).toBe(true);
      expect(need.answers?.length).toBeGreaterThan(0);
      expect(need.sentence).toMatch(/^Aturan ".+" terpenuhi oleh jawaban survei /);
    }

    // another desa's operator is refused without learning anything
    const stranger = await loginAs(`operator.${target.desa === OTHER_DESA ? DESA : OTHER_DESA}`);
    const refused = await stranger.get(`/siap-pd/households/${target.id}/explain`).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DirectusError);
    expect((refused as DirectusError).status).toBe(403);
    expect((refused as DirectusError).message).toContain('tidak termasuk data yang boleh Anda lihat');
    expect(await refusal(anonymousApi().get(`/siap-pd/households/${target.id}/explain`))).toBe(403);

    // an agency serving one of its needs sees its own needs and never a NIK
    const agency = target.needs.find((need) => need.perangkat_daerah !== null)?.perangkat_daerah;
    if (!agency) throw new Error('the household has no need linked to an agency');
    const pd = await loginAs(`pd.${agency}`);
    const seen = await pd.get<Explanation>(`/siap-pd/households/${target.id}/explain`);
    const head = await admin.get<{ head_nik: string | null; no_kk: string | null }>(
      `/items/households/${target.id}?fields=head_nik,no_kk`,
    );
    const text = JSON.stringify(seen);
    expect(text).not.toMatch(/head_nik|no_kk|"nik"/);
    if (head.head_nik) expect(text).not.toContain(head.head_nik);
    if (head.no_kk) expect(text).not.toContain(head.no_kk);
    expect(seen.classification).toBe('ekstrem');
    expect(seen.needs.length).toBeGreaterThan(0);
    expect(seen.needs.length).toBeLessThanOrEqual(own.needs.length);
    const agencyNeeds = await pd.get<{ id: number }[]>(
      `/items/needs?filter[household][_eq]=${target.id}&filter[status][_eq]=open&fields=id&limit=-1`,
    );
    expect(seen.needs.map((need) => need.id).sort()).toEqual(agencyNeeds.map((need) => need.id).sort());
    // ... and exactly what Directus lets it read about other households
    const [unserved] = await admin.get<{ id: number }[]>(
      `/items/households?filter[needs][_none][perangkat_daerah][_eq]=${agency}&fields=id&limit=1`,
    );
    if (unserved !== undefined) {
      expect(await readable(pd.get(`/siap-pd/households/${unserved.id}/explain`))).toBe(
        await readable(pd.get(`/items/households/${unserved.id}?fields=id`)),
      );
    }
  });
});

describe('POST /siap-pd/reclassify', () => {
  it('is for planners and administrators only', async () => {
    for (const user of ['pimpinan', `operator.${DESA}`, `verifikator.${KECAMATAN}`, 'pd.disperkim']) {
      const api = await loginAs(user);
      expect(await refusal(api.post('/siap-pd/reclassify', {}))).toBe(403);
    }
    expect(await refusal(anonymousApi().post('/siap-pd/reclassify', {}))).toBe(403);
    const result = await adminApi().post<ReclassifyResult>('/siap-pd/reclassify', { needs: 'changed' });
    expect(result).toMatchObject({ kind: 'reclassify', changed: 0 });
    expect(result.households).toBeGreaterThan(1000);
  });
});

describe('a poverty-line change', () => {
  it('moves households between classes in one bulk job, and back', async () => {
    await waitForJobs();
    const perencana = await loginAs('perencana');
    const [line] = await perencana.get<{ id: number; extreme_poverty_line: number | string }[]>(
      '/items/poverty_lines?filter[year][_eq]=2025&filter[region][_eq]=63.11&fields=id,extreme_poverty_line',
    );
    if (line === undefined) throw new Error('no 2025 poverty line');
    const original = Number(line.extreme_poverty_line);
    const raised = original + 60_000;
    const movers = await count(adminApi(), 'households', {
      _and: [{ classification: { _eq: 'miskin' } }, { income_per_capita: { _lt: raised } }],
    });
    expect(movers).toBeGreaterThan(0);
    const [mover] = await adminApi().get<{ id: number }[]>(
      `/items/households?filter[classification][_eq]=miskin&filter[income_per_capita][_lt]=${raised}&fields=id&limit=1`,
    );
    const before = await classes();
    await waitForJobs();
    const [newest] = await adminApi().get<{ id: number }[]>('/items/import_jobs?sort=-id&limit=1&fields=id');
    const lastJob = newest?.id ?? 0;

    try {
      await perencana.patch(`/items/poverty_lines/${line.id}`, { extreme_poverty_line: raised });
      const status = await waitForJobs();
      const after = await classes();
      expect(after['ekstrem']).toBe((before['ekstrem'] ?? 0) + movers);
      expect(after['miskin']).toBe((before['miskin'] ?? 0) - movers);
      expect(after['tidak_miskin']).toBe(before['tidak_miskin']);
      expect(await household(adminApi(), mover?.id ?? 0)).toMatchObject({
        classification: 'ekstrem',
        extreme_line_used: raised,
      });
      const explained = await perencana.get<Explanation>(`/siap-pd/households/${mover?.id}/explain`);
      const rupiah = String(raised).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
      expect(explained.sentence).toContain(`garis kemiskinan ekstrem tahun 2025 Rp ${rupiah}`);

      // one import_jobs record for the whole re-run, by the planner who changed the line
      const jobs = await adminApi().get<
        {
          id: number;
          kind: string;
          source: string;
          status: string;
          user: string;
          counts: Record<string, number>;
        }[]
      >(`/items/import_jobs?filter[id][_gt]=${lastJob}&sort=id&fields=id,kind,source,status,user,counts`);
      const me = await perencana.get<{ id: string }>('/users/me?fields=id');
      expect(jobs).toHaveLength(1);
      expect(jobs[0]).toMatchObject({
        kind: 'reclassify',
        source: 'poverty_lines',
        status: 'done',
        user: me.id,
      });
      expect(jobs[0]?.counts['changed']).toBe(movers);
      expect(status.last?.job).toBe(jobs[0]?.id);
    } finally {
      await perencana.patch(`/items/poverty_lines/${line.id}`, { extreme_poverty_line: original });
      await waitForJobs();
    }
    expect(await classes()).toEqual(before);
  });
});
