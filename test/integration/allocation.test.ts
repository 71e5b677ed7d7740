// Allocation run, what-if preview, SIPD export and the effectiveness report through REST, as the
// real roles use them. Works in fiscal year 2031 (no other test uses it) and in two desa of one
// kecamatan, and gives back what it took at the end (a last run with zero ceilings releases it).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readUnfundedTable } from '../../core/src/read-unfunded-table.ts';
import type { DirectusApi } from '../../scripts/lib/directus-api.ts';
import { adminApi, count, DEMO_DOMAIN, directusUrl, loginAs, refusal } from './helpers.ts';

const YEAR = 2031;
const KECAMATAN = '63.11.07';
const SIPD_HEADER =
  'Kode Sub Kegiatan;Nama Sub Kegiatan;Perangkat Daerah;Sasaran (KK);Volume;Satuan;Pagu (Rp);Lokasi;Tag PKE';

type Answer = {
  fiscal_year: number;
  totals: { funded: number; unfunded: number; households_funded: number };
  agencies: {
    perangkat_daerah: string;
    ceiling: number | null;
    reserved: number;
    funded: number;
    unfunded: number;
  }[];
  lines: {
    sub_kegiatan: string;
    perangkat_daerah: string;
    households: number;
    volume: number;
    unit: string | null;
    unit_cost: number;
    total: number;
  }[];
  unfunded: {
    household: number;
    need: number;
    sub_kegiatan: string;
    perangkat_daerah: string;
    cost: number;
  }[];
  missing_unit_cost: { sub_kegiatan: string; households: number }[];
  unfunded_truncated: boolean;
  counts: { interventions: number; unfunded: number; released_interventions: number; reopened_needs: number };
};
type RunAnswer = Answer & { run: number; job: number };
type Intervention = {
  id: number;
  household: number;
  need: number | null;
  sub_kegiatan: string;
  perangkat_daerah: string;
  desa: string | null;
  status: string;
  planned_cost: number | string;
  unit_cost: number | string;
  quantity: number;
  allocation_run: number | null;
};

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

async function tokenOf(localPart: string): Promise<string> {
  const res = await fetch(`${directusUrl()}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${localPart}@${DEMO_DOMAIN}`, password: inject('demoPassword') }),
  });
  const body = (await res.json()) as { data: { access_token: string } };
  return body.data.access_token;
}

async function download(
  token: string,
  path: string,
): Promise<{ status: number; headers: Headers; text: string; bytes: Buffer }> {
  const res = await fetch(`${directusUrl()}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, text: bytes.toString('utf8'), bytes };
}

/** Parses our semicolon CSV (quotes only where needed). */
function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r') continue;
    else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  return rows;
}

async function interventionsOf(filter: Record<string, unknown>): Promise<Intervention[]> {
  return adminApi().get<Intervention[]>(
    `/items/interventions?limit=-1&sort=id&fields=id,household,need,sub_kegiatan,perangkat_daerah,desa,status,planned_cost,unit_cost,quantity,allocation_run&filter=${encodeURIComponent(
      JSON.stringify({ _and: [{ fiscal_year: { _eq: YEAR } }, filter] }),
    )}`,
  );
}

async function snapshot(): Promise<Record<string, number>> {
  const admin = adminApi();
  return {
    runs: await count(admin, 'allocation_runs'),
    interventions: await count(admin, 'interventions'),
    planned: await count(admin, 'needs', { status: { _eq: 'planned' } }),
    open: await count(admin, 'needs', { status: { _eq: 'open' } }),
    jobs: await count(admin, 'import_jobs'),
  };
}

describe('allocation, what-if and SIPD export', () => {
  let perencana: DirectusApi;
  let perencanaToken: string;
  let desa: string[] = [];
  let scope: { desa: string[] };
  const ceilingIds: number[] = [];
  let disperkimCeiling = 0;

  beforeAll(async () => {
    const admin = adminApi();
    perencana = await loginAs('perencana');
    perencanaToken = await tokenOf('perencana');

    // two desa of the kecamatan with the most open needs of verified, poor households
    const grouped = await admin.get<{ desa: string; count: number | string }[]>(
      `/items/needs?aggregate[count]=*&groupBy[]=desa&limit=-1&filter=${encodeURIComponent(
        JSON.stringify({
          _and: [
            { kecamatan: { _eq: KECAMATAN } },
            { status: { _eq: 'open' } },
            { sub_kegiatan: { perangkat_daerah: { _eq: 'disperkim' } } },
          ],
        }),
      )}`,
    );
    desa = grouped
      .sort((a, b) => Number(b.count) - Number(a.count) || a.desa.localeCompare(b.desa))
      .slice(0, 2)
      .map((row) => row.desa);

    if (desa.length < 2) {
      // the demo data has no needs yet: open some on verified, classified households as the administrator
      const households = await admin.get<{ id: number; desa: string }[]>(
        `/items/households?limit=40&sort=id&fields=id,desa&filter=${encodeURIComponent(
          JSON.stringify({
            _and: [
              { kecamatan: { _eq: KECAMATAN } },
              { classification: { _in: ['ekstrem', 'miskin'] } },
              { classified_survey: { status: { _eq: 'verified' } } },
            ],
          }),
        )}`,
      );
      const rtlh = '1.04.03.2.03.0002';
      await admin.post(
        '/items/needs',
        households.map((h) => ({
          household: h.id,
          indicator: 'floor_type_unfit',
          quantity: 1,
          sub_kegiatan: rtlh,
          perangkat_daerah: 'disperkim',
          desa: h.desa,
          kecamatan: KECAMATAN,
          category: 'perumahan',
          status: 'open',
        })),
      );
      desa = [...new Set(households.map((h) => h.desa))].slice(0, 2);
    }
    expect(desa.length).toBe(2);
    scope = { desa };

    // a binding ceiling for Disperkim: about half of what its open needs in the scope would cost
    const preview = await perencana.post<Answer>('/siap-pd/allocations/preview', {
      fiscal_year: YEAR,
      scope,
    });
    const wanted = preview.agencies.find((a) => a.perangkat_daerah === 'disperkim')?.funded ?? 0;
    expect(wanted).toBeGreaterThan(0);
    disperkimCeiling = Math.floor(wanted / 2);
    const created = await perencana.post<{ id: number }>('/items/budget_ceilings', {
      fiscal_year: YEAR,
      perangkat_daerah: 'disperkim',
      amount: disperkimCeiling,
    });
    ceilingIds.push(created.id);
  });

  afterAll(async () => {
    // give back what the test took: zero ceilings for every agency, then a run releases every planned intervention in the scope
    const admin = adminApi();
    for (const id of ceilingIds) await admin.delete(`/items/budget_ceilings/${id}`).catch(() => undefined);
    const agencies = await admin.get<{ id: string }[]>('/items/perangkat_daerah?fields=id&limit=-1');
    const zero = await admin.post<{ id: number }[]>(
      '/items/budget_ceilings',
      agencies.map((a) => ({ fiscal_year: YEAR, perangkat_daerah: a.id, amount: 0 })),
    );
    await admin.post('/siap-pd/allocations/run', { fiscal_year: YEAR, scope }).catch(() => undefined);
    for (const intervention of await interventionsOf({ status: { _eq: 'budgeted' } })) {
      await admin.patch(`/items/interventions/${intervention.id}`, { status: 'cancelled' });
      if (intervention.need !== null)
        await admin.patch(`/items/needs/${intervention.need}`, { status: 'open' });
    }
    await admin
      .delete(
        '/items/budget_ceilings',
        zero.map((row) => row.id),
      )
      .catch(() => undefined);
  });

  describe('roles', () => {
    it('only planners and administrators run an allocation; agencies and operators are refused', async () => {
      for (const who of ['pd.disperkim', 'operator.63.11.07.2002', 'pimpinan', 'verifikator.63.11.07']) {
        const api = await loginAs(who);
        expect(await refusal(api.post('/siap-pd/allocations/run', { fiscal_year: YEAR, scope }))).toBe(403);
      }
      const operator = await loginAs('operator.63.11.07.2002');
      expect(await refusal(operator.post('/siap-pd/allocations/preview', { fiscal_year: YEAR }))).toBe(403);
    });

    it('refuses a malformed request with the field named', async () => {
      expect(await refusal(perencana.post('/siap-pd/allocations/run', { fiscal_year: 'tahun depan' }))).toBe(
        400,
      );
      expect(
        await refusal(
          perencana.post('/siap-pd/allocations/run', {
            fiscal_year: YEAR,
            overrides: { ceilings: { disperkim: 1 } },
          }),
        ),
      ).toBe(400);
    });
  });

  describe('preview', () => {
    it('answers the DESIGN shape with totals that add up, and saves nothing', async () => {
      const before = await snapshot();
      const started = Date.now();
      const answer = await perencana.post<Answer>('/siap-pd/allocations/preview', {
        fiscal_year: YEAR,
        scope,
        unfunded_limit: null,
      });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(Object.keys(answer)).toEqual(
        expect.arrayContaining(['fiscal_year', 'totals', 'agencies', 'lines', 'unfunded']),
      );
      expect(answer.totals.funded).toBe(sum(answer.lines.map((line) => line.total)));
      expect(answer.totals.funded).toBe(sum(answer.agencies.map((agency) => agency.funded)));
      expect(answer.totals.unfunded).toBe(sum(answer.unfunded.map((item) => item.cost)));
      expect(answer.unfunded.length).toBe(answer.counts.unfunded);
      expect(answer.unfunded_truncated).toBe(false);
      const disperkim = answer.agencies.find((a) => a.perangkat_daerah === 'disperkim');
      expect(disperkim?.ceiling).toBe(disperkimCeiling);
      expect((disperkim?.funded ?? 0) + (disperkim?.reserved ?? 0)).toBeLessThanOrEqual(disperkimCeiling);
      expect(disperkim?.unfunded).toBeGreaterThan(0);
      for (const line of answer.lines) expect(line.total).toBe(line.unit_cost * line.volume);

      // what-if: no ceiling for Disperkim funds more, still without saving
      const whatIf = await perencana.post<Answer>('/siap-pd/allocations/preview', {
        fiscal_year: YEAR,
        scope,
        overrides: { ceilings: { disperkim: null }, classes: ['ekstrem', 'miskin'] },
      });
      expect(whatIf.totals.funded).toBeGreaterThan(answer.totals.funded);
      expect(whatIf.agencies.find((a) => a.perangkat_daerah === 'disperkim')?.unfunded).toBe(0);
      // the answer lists as many unfunded items as asked (a run stores them all)
      const short = await perencana.post<Answer>('/siap-pd/allocations/preview', {
        fiscal_year: YEAR,
        scope,
        unfunded_limit: 1,
      });
      expect(short.unfunded).toEqual(answer.unfunded.slice(0, 1));
      expect(short.unfunded_truncated).toBe(answer.counts.unfunded > 1);
      expect(short.totals).toEqual(answer.totals);
      expect(await snapshot()).toEqual(before);
    });

    it('keeps the year in memory through a pagu edit (SQLite), and reads again after a need changes', async () => {
      const sqlite = process.env['TEST_DB'] !== 'postgres';
      type Timed = Answer & { timings: { cached: boolean } };
      const look = (): Promise<Timed> =>
        perencana.post<Timed>('/siap-pd/allocations/preview', { fiscal_year: YEAR, scope });
      await look();
      expect((await look()).timings.cached).toBe(sqlite);
      // the planner edits the Disperkim pagu: the copy holds, the new pagu counts at once
      const ceilingId = ceilingIds[0] as number;
      await perencana.patch(`/items/budget_ceilings/${ceilingId}`, { amount: disperkimCeiling - 1 });
      try {
        const afterPagu = await look();
        expect(afterPagu.timings.cached).toBe(sqlite);
        expect(afterPagu.agencies.find((a) => a.perangkat_daerah === 'disperkim')?.ceiling).toBe(
          disperkimCeiling - 1,
        );
      } finally {
        await perencana.patch(`/items/budget_ceilings/${ceilingId}`, { amount: disperkimCeiling });
      }
      // a need of the scope changes: everything is read again, and the change counts
      const admin = adminApi();
      const [need] = await admin.get<{ id: number; quantity: number | null }[]>(
        `/items/needs?limit=1&sort=id&fields=id,quantity&filter=${encodeURIComponent(
          JSON.stringify({ _and: [{ desa: { _in: desa } }, { status: { _eq: 'open' } }] }),
        )}`,
      );
      expect(need).toBeDefined();
      const before = await look();
      await admin.patch(`/items/needs/${need?.id}`, { quantity: (need?.quantity ?? 1) + 1 });
      try {
        const afterNeed = await look();
        expect(afterNeed.timings.cached).toBe(false);
        expect(afterNeed.totals.funded + afterNeed.totals.unfunded).toBeGreaterThan(
          before.totals.funded + before.totals.unfunded,
        );
      } finally {
        await admin.patch(`/items/needs/${need?.id}`, { quantity: need?.quantity ?? 1 });
      }
    });

    it('a pimpinan may look at a what-if too', async () => {
      const pimpinan = await loginAs('pimpinan');
      const answer = await pimpinan.post<Answer>('/siap-pd/allocations/preview', {
        fiscal_year: YEAR,
        scope: { desa: [desa[0]] },
      });
      expect(answer.fiscal_year).toBe(YEAR);
    });
  });

  describe('run, re-run, export and finalise', () => {
    let first: RunAnswer;
    let second: RunAnswer;
    let kept: Intervention;

    it('records a draft run, its planned interventions with cost snapshots, planned needs and a job', async () => {
      const jobsBefore = await count(adminApi(), 'import_jobs', { kind: { _eq: 'allocation' } });
      first = await perencana.post<RunAnswer>('/siap-pd/allocations/run', {
        fiscal_year: YEAR,
        scope,
        unfunded_limit: null,
      });
      expect(first.counts.interventions).toBeGreaterThan(1);
      const rows = await interventionsOf({ allocation_run: { _eq: first.run } });
      expect(rows.length).toBe(first.counts.interventions);
      expect(new Set(rows.map((row) => row.status))).toEqual(new Set(['planned']));
      expect(new Set(rows.map((row) => row.desa)).size).toBeGreaterThan(0);
      for (const row of rows) {
        expect(desa).toContain(row.desa);
        expect(Number(row.planned_cost)).toBe(Number(row.unit_cost) * row.quantity);
      }
      expect(sum(rows.map((row) => Number(row.planned_cost)))).toBe(first.totals.funded);
      // one intervention per household and sub-kegiatan
      expect(new Set(rows.map((row) => `${row.household}|${row.sub_kegiatan}`)).size).toBe(rows.length);
      const needIds = rows.map((row) => row.need as number);
      expect(
        await count(adminApi(), 'needs', {
          _and: [{ id: { _in: needIds } }, { status: { _neq: 'planned' } }],
        }),
      ).toBe(0);

      const stored = await perencana.get<{
        status: string;
        totals: Answer['totals'];
        lines: Answer['lines'];
        unfunded: unknown;
      }>(`/items/allocation_runs/${first.run}`);
      expect(stored.status).toBe('draft');
      expect(stored.totals).toEqual(first.totals);
      expect(stored.lines).toEqual(first.lines);
      // the run keeps every unfunded item (the answer listed them all: unfunded_limit null)
      expect(readUnfundedTable(stored.unfunded)).toEqual(first.unfunded);
      expect(first.unfunded.length).toBe(first.counts.unfunded);
      expect(await count(adminApi(), 'import_jobs', { kind: { _eq: 'allocation' } })).toBe(jobsBefore + 1);
    });

    it('a re-run replaces only what is still planned; what went further is reserved against the ceiling', async () => {
      const rows = await interventionsOf({ allocation_run: { _eq: first.run } });
      kept = rows.find((row) => row.perangkat_daerah === 'disperkim') as Intervention;
      expect(kept).toBeDefined();
      await perencana.patch(`/items/interventions/${kept.id}`, { status: 'budgeted' });

      second = await perencana.post<RunAnswer>('/siap-pd/allocations/run', { fiscal_year: YEAR, scope });
      expect(second.counts.released_interventions).toBe(rows.length - 1);
      // the first run keeps exactly the budgeted intervention
      const left = await interventionsOf({ allocation_run: { _eq: first.run } });
      expect(left.map((row) => row.id)).toEqual([kept.id]);
      expect(left[0]?.status).toBe('budgeted');
      const disperkim = second.agencies.find((a) => a.perangkat_daerah === 'disperkim');
      expect(disperkim?.reserved).toBe(Number(kept.planned_cost));
      expect((disperkim?.reserved ?? 0) + (disperkim?.funded ?? 0)).toBeLessThanOrEqual(disperkimCeiling);
      // the household served by the budgeted intervention gets no second one of that sub-kegiatan
      const fresh = await interventionsOf({ allocation_run: { _eq: second.run } });
      expect(
        fresh.some((row) => row.household === kept.household && row.sub_kegiatan === kept.sub_kegiatan),
      ).toBe(false);
      expect(sum(fresh.map((row) => Number(row.planned_cost)))).toBe(second.totals.funded);
    });

    it('exports the SIPD lines with the agreed columns; the Pagu adds up to the plan and to the run', async () => {
      const year = await download(
        perencanaToken,
        `/siap-pd/allocations/export?fiscal_year=${YEAR}&format=csv&kind=lines`,
      );
      expect(year.status).toBe(200);
      expect(year.headers.get('content-type')).toContain('text/csv');
      const rows = parseCsv(year.text);
      expect(rows[0]?.join(';')).toBe(SIPD_HEADER);
      const pagu = sum(rows.slice(1).map((row) => Number(row[6])));
      const planned = await interventionsOf({ status: { _neq: 'cancelled' } });
      expect(pagu).toBe(sum(planned.map((row) => Number(row.planned_cost))));
      expect(pagu).toBe(second.totals.funded + Number(kept.planned_cost));
      expect(Number(year.headers.get('x-siap-total-pagu'))).toBe(pagu);
      for (const row of rows.slice(1)) {
        expect(row).toHaveLength(9);
        expect(row[0]).toMatch(/^\d+(\.\d+)+$/);
        expect(row[8]).toMatch(/^PKE/);
      }

      const ofRun = parseCsv(
        (await download(perencanaToken, `/siap-pd/allocations/export?run=${second.run}&kind=lines`)).text,
      );
      expect(sum(ofRun.slice(1).map((row) => Number(row[6])))).toBe(second.totals.funded);
      expect(sum(ofRun.slice(1).map((row) => Number(row[3])))).toBe(
        sum(second.lines.map((line) => line.households)),
      );
    });

    it('an agency exports only its own lines and beneficiaries, without NIK; operators are refused', async () => {
      const token = await tokenOf('pd.disperkim');
      const names = await adminApi().get<{ id: string; name: string }[]>(
        '/items/perangkat_daerah?fields=id,name&limit=-1',
      );
      const disperkimName = names.find((n) => n.id === 'disperkim')?.name;
      for (const asked of ['', '&perangkat_daerah=dinsos']) {
        const lines = parseCsv(
          (await download(token, `/siap-pd/allocations/export?fiscal_year=${YEAR}&kind=lines${asked}`)).text,
        );
        expect(lines.length).toBeGreaterThan(1);
        expect(new Set(lines.slice(1).map((row) => row[2]))).toEqual(new Set([disperkimName]));
      }
      const jobsBefore = await count(adminApi(), 'import_jobs', { kind: { _eq: 'export' } });
      const beneficiaries = parseCsv(
        (await download(token, `/siap-pd/allocations/export?fiscal_year=${YEAR}&kind=beneficiaries`)).text,
      );
      expect(beneficiaries[0]).not.toContain('NIK Kepala Keluarga');
      expect(beneficiaries[0]).not.toContain('No. KK');
      expect(beneficiaries.length).toBe(
        1 +
          (
            await interventionsOf({
              _and: [{ perangkat_daerah: { _eq: 'disperkim' } }, { status: { _neq: 'cancelled' } }],
            })
          ).length,
      );
      expect(new Set(beneficiaries.slice(1).map((row) => row[9]))).toEqual(new Set([disperkimName]));
      expect(await count(adminApi(), 'import_jobs', { kind: { _eq: 'export' } })).toBe(jobsBefore);

      for (const who of ['operator.63.11.07.2002', 'verifikator.63.11.07']) {
        const refused = await download(
          await tokenOf(who),
          `/siap-pd/allocations/export?fiscal_year=${YEAR}&kind=lines`,
        );
        expect(refused.status).toBe(403);
      }
    });

    it('a planner gets NIK and No. KK as 16-digit text (Excel-safe), and the export is recorded', async () => {
      const jobsBefore = await count(adminApi(), 'import_jobs', { kind: { _eq: 'export' } });
      const csv = parseCsv(
        (await download(perencanaToken, `/siap-pd/allocations/export?fiscal_year=${YEAR}&kind=beneficiaries`))
          .text,
      );
      const nik = csv[0]?.indexOf('NIK Kepala Keluarga') ?? -1;
      expect(nik).toBeGreaterThan(0);
      const withNik = csv.slice(1).filter((row) => row[nik] !== '');
      expect(withNik.length).toBeGreaterThan(0);
      // written as ="6311..." so Excel keeps all 16 digits as text
      for (const row of withNik) expect(row[nik]).toMatch(/^="\d{16}"$/);
      expect(await count(adminApi(), 'import_jobs', { kind: { _eq: 'export' } })).toBe(jobsBefore + 1);
    });

    it('writes XLSX with NIK as text cells when exceljs is installed', async () => {
      const res = await download(
        perencanaToken,
        `/siap-pd/allocations/export?fiscal_year=${YEAR}&kind=beneficiaries&format=xlsx`,
      );
      const { createRequire } = await import('node:module');
      let ExcelJS: typeof import('exceljs');
      try {
        ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
      } catch {
        expect(res.status).toBe(501); // exceljs not installed: CSV only, with a message saying so
        return;
      }
      expect(res.status).toBe(200);
      expect(res.bytes.subarray(0, 2).toString()).toBe('PK');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.bytes as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      const header = (sheet?.getRow(1).values as unknown[]).map(String);
      const column = header.indexOf('NIK Kepala Keluarga');
      expect(column).toBeGreaterThan(0);
      const values = sheet?.getColumn(column).values.slice(2) ?? [];
      const filled = values.filter((value) => value !== null && value !== undefined && value !== '');
      expect(filled.length).toBeGreaterThan(0);
      for (const value of filled) expect(value).toMatch(/^\d{16}$/);
    });

    it('a finalised run never changes, and a later run keeps its interventions', async () => {
      const oneDesa = { desa: [desa[0] as string] };
      const small = await perencana.post<RunAnswer>('/siap-pd/allocations/run', {
        fiscal_year: YEAR,
        scope: oneDesa,
      });
      expect(
        await refusal(perencana.patch(`/items/allocation_runs/${small.run}`, { status: 'ditetapkan' })),
      ).toBe(400);
      await perencana.patch(`/items/allocation_runs/${small.run}`, {
        status: 'ditetapkan',
        decree_number: '900/123/BAPPEDALITBANG/2030',
        decree_date: '2030-12-15',
      });
      const admin = adminApi();
      expect(
        await refusal(perencana.patch(`/items/allocation_runs/${small.run}`, { decree_number: 'lain' })),
      ).toBe(403);
      expect(await refusal(admin.patch(`/items/allocation_runs/${small.run}`, { status: 'draft' }))).toBe(
        403,
      );
      expect(await refusal(admin.delete(`/items/allocation_runs/${small.run}`))).toBe(403);
      const frozen = await interventionsOf({ allocation_run: { _eq: small.run } });
      if (frozen[0]) expect(await refusal(admin.delete(`/items/interventions/${frozen[0].id}`))).toBe(403);

      const again = await perencana.post<RunAnswer>('/siap-pd/allocations/run', {
        fiscal_year: YEAR,
        scope: oneDesa,
      });
      expect(again.counts.released_interventions).toBe(0);
      expect((await interventionsOf({ allocation_run: { _eq: small.run } })).length).toBe(frozen.length);
      const reserved = sum(again.agencies.map((agency) => agency.reserved));
      expect(reserved).toBeGreaterThanOrEqual(sum(frozen.map((row) => Number(row.planned_cost))));
      const exported = parseCsv(
        (await download(perencanaToken, `/siap-pd/allocations/export?run=${small.run}`)).text,
      );
      expect(sum(exported.slice(1).map((row) => Number(row[6])))).toBe(small.totals.funded);
      const stored = await perencana.get<{ status: string; decree_number: string }>(
        `/items/allocation_runs/${small.run}`,
      );
      expect(stored).toMatchObject({ status: 'ditetapkan', decree_number: '900/123/BAPPEDALITBANG/2030' });
    });
  });

  describe('effectiveness of the tagged budget', () => {
    it('imports the tagged budget of a year and reports what is linked to verified needs', async () => {
      const csv =
        'kode_sub_kegiatan;nama_sub_kegiatan;perangkat_daerah;anggaran\r\n' +
        '1.04.03.2.03.0002;Perbaikan Rumah Tidak Layak Huni;Disperkim;Rp 2.000.000.000\r\n' +
        '5.01.01.2.01.0001;Koordinasi;Bappedalitbang;500000000\r\n' +
        ';Total;;2500000000\r\n';
      const res = await fetch(`${directusUrl()}/siap-pd/tagged-budget/import?fiscal_year=${YEAR}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${perencanaToken}`, 'content-type': 'text/csv' },
        body: csv,
      });
      expect(res.status).toBe(200);
      const imported = ((await res.json()) as { data: { counts: { inserted: number; rejected: number } } })
        .data;
      expect(imported.counts).toMatchObject({ inserted: 2, rejected: 1 });

      const report = await perencana.get<{
        totals: { tagged_amount: number; linked_amount: number; share_linked: number };
        sub_kegiatan: { sub_kegiatan: string; serves_verified_needs: boolean; households_served: number }[];
      }>(`/siap-pd/effectiveness?fiscal_year=${YEAR}`);
      expect(report.totals.tagged_amount).toBe(2_500_000_000);
      const rtlh = report.sub_kegiatan.find((row) => row.sub_kegiatan === '1.04.03.2.03.0002');
      expect(rtlh?.serves_verified_needs).toBe(true);
      expect(report.totals.linked_amount).toBe(2_000_000_000);
      expect(report.totals.share_linked).toBe(0.8);

      const pd = await loginAs('pd.disperkim');
      expect(await refusal(pd.get(`/siap-pd/effectiveness?fiscal_year=${YEAR}`))).toBe(403);
      // importing again replaces the year instead of adding to it
      await fetch(`${directusUrl()}/siap-pd/tagged-budget/import?fiscal_year=${YEAR}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${perencanaToken}`, 'content-type': 'text/csv' },
        body: csv,
      });
      expect(await count(adminApi(), 'tagged_budget', { fiscal_year: { _eq: YEAR } })).toBe(2);
    });
  });
});
