// Quarterly monitoring through REST as the real roles use it: an agency (pd.disperkim) reports on its
// own planned intervention and the intervention and its need follow (status, realised cost,
// completed_at, need addressed); a correction below 100% reopens them; another agency's intervention
// is refused. Works in fiscal year 2033 (no other test uses it) in one or two desa outside the
// allocation test's kecamatan, and gives back what it took at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectusApi } from '../../scripts/lib/directus-api.ts';
import { adminApi, loginAs, refusal } from './helpers.ts';

const YEAR = 2033;
const AGENCY = 'disperkim';
/** the allocation test works in this kecamatan */
const AVOID_KECAMATAN = '63.11.07';

type Intervention = {
  id: number;
  household: number;
  need: number | null;
  sub_kegiatan: string;
  perangkat_daerah: string;
  status: string;
  realized_cost: number | string | null;
  completed_at: string | null;
};
type Report = { id: number; fiscal_year: number; perangkat_daerah: string };

const FIELDS = 'id,household,need,sub_kegiatan,perangkat_daerah,status,realized_cost,completed_at';
const query = (filter: unknown): string => encodeURIComponent(JSON.stringify(filter));

async function topDesa(admin: DirectusApi, agencyFilter: unknown): Promise<string | null> {
  const grouped = await admin.get<{ desa: string | null; count: number | string }[]>(
    `/items/needs?aggregate[count]=*&groupBy[]=desa&limit=-1&filter=${query({
      _and: [
        { kecamatan: { _neq: AVOID_KECAMATAN } },
        { status: { _eq: 'open' } },
        { perangkat_daerah: agencyFilter },
      ],
    })}`,
  );
  const best = grouped
    .filter((row) => row.desa !== null)
    .sort((a, b) => Number(b.count) - Number(a.count) || String(a.desa).localeCompare(String(b.desa)))[0];
  return best?.desa ?? null;
}

describe('quarterly monitoring: reports keep interventions and needs in step', () => {
  const admin = adminApi();
  let agency: DirectusApi;
  let scope: { desa: string[] };
  let own: Intervention;
  let other: Intervention;
  const touched: number[] = [];

  async function intervention(id: number): Promise<Intervention> {
    return admin.get<Intervention>(`/items/interventions/${id}?fields=${FIELDS}`);
  }

  async function needStatus(id: number): Promise<string> {
    return (await admin.get<{ status: string }>(`/items/needs/${id}?fields=status`)).status;
  }

  beforeAll(async () => {
    agency = await loginAs(`pd.${AGENCY}`);
    const mine = await topDesa(admin, { _eq: AGENCY });
    const theirs = await topDesa(admin, { _neq: AGENCY });
    if (mine === null || theirs === null) {
      throw new Error('data demo tidak punya kebutuhan terbuka untuk Disperkim dan perangkat daerah lain');
    }
    scope = { desa: [...new Set([mine, theirs])] };
    await admin.post('/siap-pd/allocations/run', { fiscal_year: YEAR, scope });
    const interventions = await admin.get<Intervention[]>(
      `/items/interventions?limit=-1&sort=id&fields=${FIELDS}&filter=${query({
        _and: [{ fiscal_year: { _eq: YEAR } }, { status: { _eq: 'planned' } }],
      })}`,
    );
    const found = interventions.find((i) => i.perangkat_daerah === AGENCY && i.need !== null);
    const foreign = interventions.find((i) => i.perangkat_daerah !== AGENCY);
    if (found === undefined || foreign === undefined) {
      throw new Error(
        `alokasi ${YEAR} di ${scope.desa.join(', ')} tidak menghasilkan intervensi yang diperlukan`,
      );
    }
    own = found;
    other = foreign;
    touched.push(own.id, other.id);
  }, 120_000);

  afterAll(async () => {
    // give back what the test took: the touched interventions are cancelled (their needs reopen) and
    // deleted with their reports; a run with zero ceilings releases the rest of the year's plan
    for (const id of touched) {
      await admin.patch(`/items/interventions/${id}`, { status: 'cancelled' }).catch(() => undefined);
      await admin.delete(`/items/interventions/${id}`).catch(() => undefined);
    }
    const agencies = await admin.get<{ id: string }[]>('/items/perangkat_daerah?fields=id&limit=-1');
    const zero = await admin.post<{ id: number }[]>(
      '/items/budget_ceilings',
      agencies.map((a) => ({ fiscal_year: YEAR, perangkat_daerah: a.id, amount: 0 })),
    );
    await admin.post('/siap-pd/allocations/run', { fiscal_year: YEAR, scope }).catch(() => undefined);
    await admin.delete(
      '/items/budget_ceilings',
      zero.map((row) => row.id),
    );
    const runs = await admin.get<{ id: number }[]>(
      `/items/allocation_runs?fields=id&limit=-1&filter=${query({ fiscal_year: { _eq: YEAR } })}`,
    );
    if (runs.length > 0) {
      await admin.delete(
        '/items/allocation_runs',
        runs.map((run) => run.id),
      );
    }
  }, 120_000);

  it('a first report starts the work; the year is taken from the intervention', async () => {
    const report = await agency.post<Report>(
      '/items/intervention_reports?fields=id,fiscal_year,perangkat_daerah',
      {
        intervention: own.id,
        quarter: '1',
        progress_pct: 40,
        realized_cost: 1_000_000,
        note: 'Material datang',
      },
    );
    expect(report).toMatchObject({ fiscal_year: YEAR, perangkat_daerah: AGENCY });
    const after = await intervention(own.id);
    expect(after.status).toBe('in_progress');
    expect(Number(after.realized_cost)).toBe(1_000_000);
    expect(after.completed_at).toBeNull();
    expect(await needStatus(own.need as number)).toBe('planned');
  });

  it('100% completes the intervention and addresses its need; quarters add up', async () => {
    const before = Date.now();
    const report = await agency.post<Report>(
      '/items/intervention_reports?fields=id,fiscal_year,perangkat_daerah',
      {
        intervention: own.id,
        fiscal_year: YEAR,
        quarter: '2',
        progress_pct: 100,
        realized_cost: 2_500_000,
      },
    );
    const after = await intervention(own.id);
    expect(after.status).toBe('completed');
    expect(Number(after.realized_cost)).toBe(3_500_000);
    expect(after.completed_at).not.toBeNull();
    expect(Date.parse(after.completed_at as string)).toBeGreaterThanOrEqual(before - 60_000);
    expect(await needStatus(own.need as number)).toBe('addressed');

    // a correction below 100% reopens both; putting it back completes them again
    await agency.patch(`/items/intervention_reports/${report.id}`, {
      progress_pct: 90,
      realized_cost: 2_000_000,
    });
    const corrected = await intervention(own.id);
    expect(corrected).toMatchObject({ status: 'in_progress', completed_at: null });
    expect(Number(corrected.realized_cost)).toBe(3_000_000);
    expect(await needStatus(own.need as number)).toBe('planned');
    await agency.patch(`/items/intervention_reports/${report.id}`, { progress_pct: 100 });
    expect((await intervention(own.id)).status).toBe('completed');
    expect(await needStatus(own.need as number)).toBe('addressed');
  });

  it("refuses a report on another agency's intervention and leaves it untouched", async () => {
    expect(
      await refusal(
        agency.post('/items/intervention_reports', {
          intervention: other.id,
          quarter: '1',
          progress_pct: 100,
          realized_cost: 5,
        }),
      ),
    ).toBe(403);
    const after = await intervention(other.id);
    expect(after.status).toBe('planned');
    expect(after.realized_cost).toBeNull();
  });

  it('refuses a quarter outside 1-4 with a message naming the field', async () => {
    expect(
      await refusal(
        agency.post('/items/intervention_reports', { intervention: own.id, quarter: '5', progress_pct: 10 }),
      ),
    ).toBe(400);
  });

  it('a status set on the intervention itself moves its need too', async () => {
    await admin.patch(`/items/interventions/${own.id}`, { status: 'in_progress' });
    expect(await needStatus(own.need as number)).toBe('planned');
    expect((await intervention(own.id)).completed_at).toBeNull();
    await admin.patch(`/items/interventions/${own.id}`, { status: 'completed' });
    expect(await needStatus(own.need as number)).toBe('addressed');
    expect((await intervention(own.id)).completed_at).not.toBeNull();
  });
});
