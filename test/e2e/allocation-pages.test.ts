// Alokasi, Simulasi (what-if) and Efektivitas in real Chromium against a real Directus with the demo data:
// a planner runs an allocation, sees the per-agency chart and the lines, downloads the SIPD CSV (whose
// Pagu column adds up to the page's total), moves the poverty line in the what-if and sees the funded
// count follow, uploads a tagged budget; an agency sees only its own lines; leadership only reads.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserSessions,
  column,
  downloadCsv,
  login,
  menu,
  panduanSectionShot,
  panduanShot,
  readIdNumber,
  shot,
  visit,
} from './helpers.ts';

const PLANNER_MENU = ['Alokasi', 'Simulasi', 'Efektivitas'];
const TAGGED_CSV =
  'kode_sub_kegiatan;nama_sub_kegiatan;perangkat_daerah;anggaran\r\n' +
  '1.04.03.2.03.0002;Perbaikan Rumah Tidak Layak Huni;Disperkim;Rp 2.000.000.000\r\n' +
  '5.01.01.2.01.0001;Koordinasi;Bappedalitbang;500000000\r\n';

const withSession = browserSessions();

async function amount(page: Page, selector: string): Promise<number> {
  return readIdNumber(await page.locator(selector).innerText());
}

/** The cells of one column of a DataTable body (the first column is a th). */
async function tableColumn(page: Page, table: string, header: string): Promise<string[]> {
  const headers = (await page.locator(`#${table} thead th`).allInnerTexts()).map((text) =>
    text.replace(/[▲▼↕]/g, '').trim(),
  );
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`kolom ${header} tidak ada: ${headers.join(', ')}`);
  return page.locator(`#${table} tbody tr > :nth-child(${index + 1})`).allInnerTexts();
}

function columnSum(rows: readonly string[][], index: number): number {
  return rows.reduce((total, row) => total + Number(row[index] ?? 'NaN'), 0);
}

describe('Perencana', () => {
  it('runs an allocation, checks the SIPD export against the page, simulates a poverty line and uploads a tagged budget', async () => {
    await withSession(undefined, async ({ page }) => {
      await login(page, 'perencana');
      expect(await menu(page)).toEqual(expect.arrayContaining(PLANNER_MENU));

      await visit(page, '/alokasi', 'perencana-alokasi-awal');
      expect(await page.locator('h1').innerText()).toBe('Alokasi anggaran');
      await Promise.all([
        page.waitForURL(/[?&]alokasi=\d+/, { timeout: 170_000 }),
        page.getByRole('button', { name: 'Jalankan alokasi' }).click(),
      ]);
      await page.waitForLoadState('networkidle');
      const runId = Number(new URL(page.url()).searchParams.get('alokasi'));
      await expect.poll(() => page.locator('#judul-alokasi').innerText()).toContain(`Alokasi #${runId}`);

      // The per-agency chart (with its text alternative) and the lines.
      await expect.poll(() => page.locator('section:has(#tabel-perangkat-alokasi) canvas').count()).toBe(1);
      expect(
        await page
          .locator(`[role="img"][aria-label^="Grafik batang: Alokasi #${runId} per perangkat daerah"]`)
          .count(),
      ).toBe(1);
      expect(await page.locator('#tabel-perangkat-alokasi tbody tr').count()).toBeGreaterThan(0);
      const lineCount = await page.locator('#tabel-baris-alokasi tbody tr').count();
      expect(lineCount).toBeGreaterThan(0);
      const total = await amount(page, '#total-didanai');
      expect(total).toBeGreaterThan(0);
      expect(await amount(page, '#total-baris')).toBe(total);
      expect(await amount(page, '#rt-didanai')).toBeGreaterThan(0);
      await shot(page, 'perencana-alokasi');
      await panduanShot(page, 'alokasi.png');

      // The SIPD CSV of this run adds up to the page's total, one row per line.
      const sipd = await downloadCsv(page, () =>
        page.getByRole('link', { name: 'Baris SIPD (CSV)' }).click(),
      );
      expect(sipd.fileName).toBe(`sipd-2026-semua-baris-alokasi-${runId}.csv`);
      expect(sipd.rows).toHaveLength(lineCount);
      expect(columnSum(sipd.rows, column(sipd.header, 'Pagu (Rp)'))).toBe(total);

      // Simulasi: a lower poverty line takes households out of "miskin", so fewer are funded.
      await visit(page, '/simulasi', 'perencana-simulasi-awal');
      expect(await page.locator('h1').innerText()).toBe('Simulasi (what-if)');
      const before = await amount(page, '#sim-rt-didanai');
      expect(before).toBeGreaterThan(0);
      await page.locator('#garis-kemiskinan').fill('420000');
      await expect
        .poll(() => amount(page, '#sim-rt-didanai'), { timeout: 120_000, interval: 500 })
        .toBeLessThan(before);
      expect(await page.locator('.changes').innerText()).toContain(
        'Garis kemiskinan: Rp 544.169 → Rp 420.000',
      );
      await expect.poll(() => page.locator('#tabel-sim-banding').count()).toBe(1);
      await page.waitForLoadState('networkidle');
      await shot(page, 'perencana-simulasi');
      await panduanShot(page, 'simulasi.png');
      await page.getByRole('button', { name: 'Kembalikan ke awal' }).click();
      await expect.poll(() => amount(page, '#sim-rt-didanai')).toBe(before);

      // Efektivitas: empty until a tagged budget is uploaded, then the report and its chart.
      await visit(page, '/efektivitas', 'perencana-efektivitas-kosong');
      expect(await page.locator('h1').innerText()).toBe('Efektivitas anggaran tertandai');
      expect(await page.locator('#efektivitas-kosong').innerText()).toContain(
        'Belum ada anggaran tertandai untuk tahun 2026',
      );
      await page.locator('#berkas').setInputFiles({
        name: 'anggaran-tertandai-2026.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(TAGGED_CSV, 'utf8'),
      });
      await page.getByRole('button', { name: 'Unggah dan ganti' }).click();
      await expect
        .poll(() => page.locator('#pesan-unggah').innerText(), { timeout: 60_000 })
        .toContain('2 baris diimpor');
      await expect.poll(() => page.locator('#total-tertandai').count()).toBe(1);
      expect(await amount(page, '#total-tertandai')).toBe(2_500_000_000);
      expect(await page.locator('#tabel-efektivitas-sub tbody tr').count()).toBe(2);
      expect(
        await page.locator('[role="img"][aria-label^="Grafik batang: Anggaran tertandai"]').count(),
      ).toBe(1);
      await page.waitForLoadState('networkidle');
      await shot(page, 'perencana-efektivitas');
      await panduanShot(page, 'efektivitas.png');
    });
  });
});

describe('Perencana, with a ceiling', () => {
  it('sets a ceiling, runs again within it, compares the two runs and finalises the new one', async () => {
    await withSession(undefined, async ({ page }) => {
      await login(page, 'perencana');
      await visit(page, '/alokasi', 'perencana-alokasi-sebelum-pagu');
      // Without ?alokasi= the page shows the newest run.
      const first = Number(/#(\d+)/.exec(await page.locator('#judul-alokasi').innerText())?.[1]);
      expect(first).toBeGreaterThan(0);
      const firstTotal = await amount(page, '#total-didanai');

      await page.locator('#pagu-perangkat').selectOption('disperkim');
      await page.locator('#pagu-jumlah').fill('5.000.000.000');
      await page.getByRole('button', { name: 'Simpan pagu' }).click();
      await expect
        .poll(
          () => page.locator('[role="status"]', { hasText: 'Pagu Disperkim tahun 2026 disimpan' }).count(),
          { timeout: 30_000 },
        )
        .toBe(1);
      const ceilings = page.locator('#tabel-pagu tbody tr', { hasText: 'Disperkim' });
      await expect.poll(() => ceilings.innerText(), { timeout: 30_000 }).toContain('Rp 5.000.000.000');
      await panduanSectionShot(page, '#judul-pagu', 'alokasi-pagu.png');

      await Promise.all([
        page.waitForURL((url) => Number(url.searchParams.get('alokasi')) > first, { timeout: 170_000 }),
        page.getByRole('button', { name: 'Jalankan alokasi' }).click(),
      ]);
      await page.waitForLoadState('networkidle');
      const second = Number(new URL(page.url()).searchParams.get('alokasi'));
      const secondTotal = await amount(page, '#total-didanai');
      expect(secondTotal).toBeLessThan(firstTotal);
      const disperkim = page.locator('#tabel-perangkat-alokasi tbody tr', { hasText: 'Disperkim' });
      const cells = await disperkim.locator('td').allInnerTexts();
      // Pagu, Dicadangkan, Didanai, Tidak terdanai, Sisa pagu
      expect(readIdNumber(cells[0] ?? '')).toBe(5_000_000_000);
      expect(readIdNumber(cells[2] ?? '')).toBeLessThanOrEqual(5_000_000_000);
      expect(readIdNumber(cells[3] ?? '')).toBeGreaterThan(0);

      // Compare the two runs side by side.
      await page.locator('#banding-b').selectOption(String(first));
      await Promise.all([
        page.waitForURL(/[?&]banding=\d+/),
        page.getByRole('button', { name: 'Bandingkan' }).click(),
      ]);
      await page.waitForLoadState('networkidle');
      await expect.poll(() => page.locator('#tabel-banding-alokasi tbody tr').count()).toBeGreaterThan(0);
      expect(
        await page
          .locator('[role="img"][aria-label^="Grafik batang berdampingan: Didanai per perangkat daerah"]')
          .count(),
      ).toBe(1);
      const footer = await page.locator('#tabel-banding-alokasi tfoot td').allInnerTexts();
      // Pagu #a, Pagu #b, Didanai #a, Didanai #b, Selisih, ...
      expect(readIdNumber(footer[2] ?? '')).toBe(firstTotal);
      expect(readIdNumber(footer[3] ?? '')).toBe(secondTotal);
      await shot(page, 'perencana-alokasi-banding');
      await panduanSectionShot(page, '#judul-banding', 'alokasi-banding.png');

      // Finalise the new run with a decree.
      await page.goto(`/alokasi?tahun=2026&alokasi=${second}`);
      await page.waitForLoadState('networkidle');
      await page.getByText('Tetapkan alokasi ini').click();
      await page.locator('#decree_number').fill('900/045/BAPPEDALITBANG/2026');
      await page.locator('#decree_date').fill('2026-01-15');
      await page.getByRole('button', { name: 'Tetapkan', exact: true }).click();
      await expect
        .poll(() => page.locator('#tetapkan-pesan').innerText(), { timeout: 30_000 })
        .toContain('ditetapkan dengan keputusan');
      await expect
        .poll(() => page.locator('.status.final').innerText())
        .toContain('900/045/BAPPEDALITBANG/2026');
      expect(await page.getByText('Tetapkan alokasi ini').count()).toBe(0);
      await shot(page, 'perencana-alokasi-ditetapkan');
      await panduanShot(page, 'alokasi-ditetapkan.png');
    });
  });
});

describe('Perangkat daerah', () => {
  it('sees only its own agency in Alokasi, exports only its own lines, and has no what-if', async () => {
    await withSession({ width: 390, height: 844 }, async ({ page }) => {
      await login(page, 'pd.disperkim');
      const items = await menu(page);
      expect(items).toContain('Alokasi');
      expect(items).not.toContain('Simulasi');
      expect(items).not.toContain('Efektivitas');

      await visit(page, '/alokasi', 'pd-alokasi');
      await panduanShot(page, 'alokasi-perangkat-daerah.png', 844);
      expect(await page.getByRole('button', { name: 'Jalankan alokasi' }).count()).toBe(0);
      expect(await page.locator('form[action="?/pagu"]').count()).toBe(0);
      const agencies = await tableColumn(page, 'tabel-baris-alokasi', 'Perangkat daerah');
      expect(agencies.length).toBeGreaterThan(0);
      expect(new Set(agencies.map((text) => text.trim()))).toEqual(new Set(['Disperkim']));
      expect(
        (await page.locator('#tabel-perangkat-alokasi tbody th').allInnerTexts()).map((text) => text.trim()),
      ).toEqual(['Disperkim']);

      const total = await amount(page, '#total-didanai');
      const sipd = await downloadCsv(page, () =>
        page.getByRole('link', { name: 'Baris SIPD (CSV)' }).click(),
      );
      expect(sipd.fileName).toMatch(/^sipd-2026-disperkim-baris-alokasi-\d+\.csv$/);
      const agencyColumn = column(sipd.header, 'Perangkat Daerah');
      expect(new Set(sipd.rows.map((row) => row[agencyColumn]))).toEqual(
        new Set(['Dinas Perumahan Rakyat dan Kawasan Permukiman']),
      );
      expect(columnSum(sipd.rows, column(sipd.header, 'Pagu (Rp)'))).toBe(total);

      const beneficiaries = await downloadCsv(page, () =>
        page.getByRole('link', { name: 'Daftar penerima (CSV)' }).click(),
      );
      expect(beneficiaries.rows.length).toBeGreaterThan(0);
      expect(beneficiaries.header.some((cell) => /NIK|No\. KK/.test(cell))).toBe(false);

      // Not through the page (a 403 document would log a console error): the route itself refuses.
      expect((await page.request.get('/simulasi')).status()).toBe(403);
      expect((await page.request.get('/efektivitas')).status()).toBe(403);
    });
  });
});

describe('Pimpinan', () => {
  it('reads Alokasi and Efektivitas without the planner actions', async () => {
    await withSession(undefined, async ({ page }) => {
      await login(page, 'pimpinan');
      expect(await menu(page)).toEqual(expect.arrayContaining(PLANNER_MENU));
      await visit(page, '/alokasi', 'pimpinan-alokasi');
      expect(await page.locator('#total-didanai').count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Jalankan alokasi' }).count()).toBe(0);
      expect(await page.getByText('Tetapkan alokasi ini').count()).toBe(0);
      expect(await page.locator('form[action="?/pagu"]').count()).toBe(0);
      await visit(page, '/efektivitas', 'pimpinan-efektivitas');
      expect(await page.locator('#total-tertandai').count()).toBe(1);
      expect(await page.locator('#berkas').count()).toBe(0);
    });
  });
});
