// Monev and Impor in real Chromium against a real Directus with the demo data: a planner uploads a small
// baseline file with one bad row, sees the preview, the counts and the rejected row, downloads the error
// CSV; opens Monev; an agency (pd.disperkim) reports 100% on one of its interventions and sees it saved,
// and is refused the Impor page. No console error on the way; screenshots in test-results/screenshots/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../integration/helpers.ts';
import {
  column,
  downloadCsv,
  inSession,
  launchBrowser,
  login,
  menu,
  panduanSectionShot,
  panduanShot,
  shot,
  visit,
  type Session,
} from './helpers.ts';

const AGENCY = 'disperkim';
/** a past fiscal year, so every quarter has ended and unreported interventions are overdue */
const YEAR = 2024;
const IMPORT_FILE = 'uji-monev-impor.csv';
const IMPORT_CSV =
  'id_keluarga;no_kk;nik_kepala;nama_kepala;alamat;kode_desa;desil;jumlah_anggota\r\n' +
  'UJI-E2E-1;6311011503189711;6311011208789711;Bahrun Uji;Jl. Juai RT 001;63.11.01.2003;1;4\r\n' +
  'UJI-E2E-2;6311012209199712;6311015304829712;Salmah Uji;Jl. Juai RT 002;6311012003;2;3\r\n' +
  'UJI-E2E-3;12345;6311011001909713;Baris Salah;Jl. Juai RT 003;63.11.01.2003;1;2\r\n';

type Intervention = { id: number; status: string; fiscal_year: number; perangkat_daerah: string };

let browser: Browser;
const admin = adminApi();
/** A 1x1 PNG: the smallest photo an agency could send as evidence. */
const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
/** the intervention pd.disperkim reports on, and how to give it back */
let target: Intervention | undefined;
let ranAllocation = false;
let scope: { desa: string[] } | null = null;

const query = (filter: unknown): string => encodeURIComponent(JSON.stringify(filter));

async function plannedOfAgency(year: number | null): Promise<Intervention[]> {
  const filters: unknown[] = [{ perangkat_daerah: { _eq: AGENCY } }, { status: { _eq: 'planned' } }];
  if (year !== null) filters.push({ fiscal_year: { _eq: year } });
  return admin.get<Intervention[]>(
    `/items/interventions?limit=5&sort=id&fields=id,status,fiscal_year,perangkat_daerah&filter=${query({ _and: filters })}`,
  );
}

beforeAll(async () => {
  browser = await launchBrowser();
  // an allocation of the past year in the desa where the agency has the most open needs; when another
  // test has already planned every need, one of the agency's existing planned interventions is used
  const grouped = await admin.get<{ desa: string | null; count: number | string }[]>(
    `/items/needs?aggregate[count]=*&groupBy[]=desa&limit=-1&filter=${query({
      _and: [{ status: { _eq: 'open' } }, { perangkat_daerah: { _eq: AGENCY } }],
    })}`,
  );
  const desa = grouped
    .filter((row) => row.desa !== null)
    .sort((a, b) => Number(b.count) - Number(a.count))
    .slice(0, 2)
    .map((row) => row.desa as string);
  if (desa.length > 0) {
    scope = { desa };
    await admin.post('/siap-pd/allocations/run', { fiscal_year: YEAR, scope });
    ranAllocation = true;
  }
  const [found] = ranAllocation ? await plannedOfAgency(YEAR) : [];
  const fallback = found ?? (await plannedOfAgency(null))[0];
  if (fallback === undefined)
    throw new Error(`tidak ada intervensi ${AGENCY} berstatus direncanakan untuk diuji`);
  target = fallback;
}, 170_000);

afterAll(async () => {
  await browser.close();
  // give back what the test took: the report goes, the intervention returns to planned; a run of the
  // past year with zero ceilings releases the rest of that plan
  if (target !== undefined) {
    const reports = await admin.get<{ id: number; evidence: string | null }[]>(
      `/items/intervention_reports?fields=id,evidence&limit=-1&filter=${query({ intervention: { _eq: target.id } })}`,
    );
    if (reports.length > 0)
      await admin.delete(
        '/items/intervention_reports',
        reports.map((r) => r.id),
      );
    for (const { evidence } of reports)
      if (evidence !== null) await admin.delete(`/files/${evidence}`).catch(() => undefined);
    await admin
      .patch(`/items/interventions/${target.id}`, {
        status: 'planned',
        realized_cost: null,
        completed_at: null,
      })
      .catch(() => undefined);
  }
  if (ranAllocation && scope !== null) {
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
    if (runs.length > 0)
      await admin.delete(
        '/items/allocation_runs',
        runs.map((run) => run.id),
      );
  }
}, 170_000);

function subject(): Intervention {
  if (target === undefined) throw new Error('belum ada intervensi untuk diuji');
  return target;
}

const withSession = (work: (session: Session) => Promise<void>): Promise<void> =>
  inSession(browser, undefined, work);

/** The number shown under a figure's label (<dt>label</dt><dd>number</dd>). */
async function figure(page: Page, label: string): Promise<string> {
  return (
    await page
      .locator('.figures div', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
      .locator('dd')
      .innerText()
  ).trim();
}

describe('Impor (perencana)', () => {
  it('previews, imports a file with one bad row, shows the counts and the rejected row, and downloads it', async () => {
    await withSession(async ({ page }) => {
      await login(page, 'perencana');
      expect(await menu(page)).toEqual(expect.arrayContaining(['Monev', 'Impor']));
      await visit(page, '/impor', 'perencana-impor-awal');
      expect(await page.locator('h1').innerText()).toBe('Impor data awal');
      // reconciliation progress, valid-data share and the change list are on the page
      await expect
        .poll(() => page.locator('#tabel-rekonsiliasi-kecamatan tbody tr').count())
        .toBeGreaterThan(0);
      expect(await page.getByText(/Data valid ronde/).count()).toBe(1);
      expect(await page.getByRole('link', { name: /Unduh daftar perubahan/ }).count()).toBe(1);

      await page.locator('#berkas').setInputFiles({
        name: IMPORT_FILE,
        mimeType: 'text/csv',
        buffer: Buffer.from(IMPORT_CSV, 'utf8'),
      });
      await page.getByRole('heading', { name: '2. Pratinjau' }).waitFor({ timeout: 60_000 });
      expect(await page.getByText('Pemisah titik koma (;)').count()).toBe(1);
      expect(await page.locator('#tabel-pratinjau tbody tr').count()).toBe(3);
      expect(await page.locator('#tabel-pratinjau tbody tr', { hasText: 'Ditolak' }).count()).toBe(1);
      await shot(page, 'perencana-impor-pratinjau');
      await panduanSectionShot(page, '#judul-pratinjau', 'impor-pratinjau.png');

      await page.getByRole('button', { name: /^Impor .* sebagai P3KE$/ }).click();
      await page.getByRole('heading', { name: '3. Hasil impor' }).waitFor({ timeout: 120_000 });
      expect(await figure(page, 'Baru')).toBe('2');
      expect(await figure(page, 'Ditolak')).toBe('1');
      const rejected = await page.locator('#tabel-ditolak tbody tr').allInnerTexts();
      expect(rejected).toHaveLength(1);
      expect(rejected[0]).toMatch(/^4\s/);
      await page.waitForLoadState('networkidle');
      await shot(page, 'perencana-impor-hasil');
      await panduanSectionShot(page, '#judul-hasil', 'impor-hasil.png');

      const csv = await downloadCsv(page, () =>
        page.getByRole('link', { name: 'Unduh baris ditolak (CSV)' }).click(),
      );
      expect(csv.fileName).toMatch(/ditolak\.csv$/);
      expect(csv.rows).toHaveLength(1);
      expect(csv.rows[0]?.[column(csv.header, 'no_kk')]).toBe('12345');
      expect(csv.rows[0]?.[column(csv.header, 'keterangan')]).toMatch(/KK/);

      // the job is listed with the other past jobs
      await expect
        .poll(() => page.locator('#tabel-riwayat tbody tr', { hasText: IMPORT_FILE }).count())
        .toBe(1);
    });
  });
});

describe('Monev', () => {
  it('shows a planner planned against realised, what is overdue, and that a second survey round is needed', async () => {
    await withSession(async ({ page }) => {
      await login(page, 'perencana');
      await visit(page, `/monev?tahun=${subject().fiscal_year}`, 'perencana-monev');
      expect(await page.locator('h1').innerText()).toBe('Monitoring dan evaluasi');
      await panduanShot(page, 'monev.png');
      expect(await page.locator('#tabel-perangkat tbody tr').count()).toBeGreaterThan(0);
      expect(await page.locator('.chart canvas').count()).toBe(2);
      expect(await page.locator('#tabel-terlambat tbody tr').count()).toBeGreaterThan(0);
      expect(await page.getByText(/memerlukan dua ronde survei/).count()).toBe(1);
      // planners may write an agency's reports: the form comes once an agency is chosen
      expect(await page.locator('#lapor').count()).toBe(0);
      expect(await page.locator('#lapor-pilih-perangkat').count()).toBe(1);
      await visit(
        page,
        `/monev?tahun=${subject().fiscal_year}&perangkat=${AGENCY}`,
        'perencana-monev-perangkat',
      );
      expect(await page.locator('#lapor').count()).toBe(1);
    });
  });

  it('lets an agency report progress on its own intervention, and refuses it the Impor page', async () => {
    await withSession(async ({ page }) => {
      await login(page, `pd.${AGENCY}`);
      const items = await menu(page);
      expect(items).toContain('Monev');
      expect(items).not.toContain('Impor');
      const { id, fiscal_year: year } = subject();
      await visit(page, `/monev?tahun=${year}&lapor=${id}`, 'pd-monev');
      await page.locator('#intervensi').selectOption(String(id));
      await page.locator('#triwulan').selectOption('4');
      await page.locator('#kemajuan').fill('100');
      await page.locator('#realisasi').fill('1.500.000');
      await page.locator('#catatan').fill('Uji e2e: pekerjaan selesai');
      await panduanSectionShot(page, '#lapor', 'monev-lapor.png');
      const reportsOf = (): Promise<{ id: number; evidence: string | null }[]> =>
        admin.get(
          `/items/intervention_reports?fields=id,evidence&limit=-1&filter=${query({ intervention: { _eq: id } })}`,
        );

      // a spreadsheet is no evidence: the form says so as soon as it is picked, and sends nothing
      const before = await reportsOf();
      await page.locator('#bukti').setInputFiles({
        name: 'rekap.xlsx',
        mimeType: 'application/vnd.ms-excel',
        buffer: Buffer.from('x'),
      });
      await page.getByRole('button', { name: 'Kirim laporan' }).click();
      await page.locator('#lapor .error', { hasText: 'rekap.xlsx bukan foto' }).waitFor({ timeout: 60_000 });
      expect(await reportsOf()).toEqual(before);

      // a photo goes with the report (the other fields kept their values)
      expect(await page.locator('#kemajuan').inputValue()).toBe('100');
      await page
        .locator('#bukti')
        .setInputFiles({ name: 'foto-atap.png', mimeType: 'image/png', buffer: PNG_1PX });
      await page.getByRole('button', { name: 'Kirim laporan' }).click();
      await page
        .locator('.notice', { hasText: 'tersimpan, dengan bukti foto-atap.png' })
        .waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      await shot(page, 'pd-monev-terkirim');
      await expect
        .poll(() =>
          page.locator('#tabel-laporan tbody tr', { hasText: 'Uji e2e: pekerjaan selesai' }).count(),
        )
        .toBe(1);

      const saved = await admin.get<{ status: string; realized_cost: number | string }>(
        `/items/interventions/${id}?fields=status,realized_cost`,
      );
      expect(saved.status).toBe('completed');
      expect(Number(saved.realized_cost)).toBe(1_500_000);
      const report = (await reportsOf()).find((row) => !before.some((old) => old.id === row.id));
      const evidence = await admin.get<{ filename_download: string; type: string; title: string }>(
        `/files/${report?.evidence ?? 'none'}?fields=filename_download,type,title`,
      );
      expect(evidence).toEqual({
        filename_download: 'foto-atap.png',
        type: 'image/png',
        title: `Bukti laporan TW IV intervensi #${id}`,
      });

      // asked without a page, so the refusal is no console error
      const refused = await page.request.get('/impor');
      expect(refused.status()).toBe(403);
      expect(await refused.text()).toContain('hanya untuk perencana dan administrator');
    });
  });
});
