// The planners' dashboard in real Chromium against a real Directus with the demo data: each role logs in,
// sees only its own scope, opens a household, exports a CSV and checks its rows, and logs out, with no
// console error on the way. Screenshots of every page go to test-results/screenshots/.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { adminApi, count } from '../integration/helpers.ts';
import {
  browserSessions,
  column,
  DEMO_DOMAIN,
  downloadCsv,
  login,
  logout,
  panduanShot,
  pathOf,
  readIdNumber,
  shot,
  totalFromResultText,
  visit,
} from './helpers.ts';

const OPERATOR_DESA = '63.11.07.2002';
const OPERATOR_KECAMATAN = '63.11.07';
const AGENCY = 'disperkim';
const BASELINE = { source: { _in: ['p3ke', 'dtsen'] } };

const withSession = browserSessions();

async function desaName(code: string): Promise<string> {
  const desa = await adminApi().get<{ name: string }>(`/items/desa/${code}?fields=name`);
  return desa.name;
}

/** The numbers of one column of the household table (th = first column). */
async function householdColumn(page: Page, header: string): Promise<string[]> {
  const headers = (await page.locator('#tabel-rumah-tangga thead th').allInnerTexts()).map((text) =>
    text.replace(/[▲▼↕]/g, '').trim(),
  );
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`kolom ${header} tidak ada: ${headers.join(', ')}`);
  return page.locator(`#tabel-rumah-tangga tbody tr > :nth-child(${index + 1})`).allInnerTexts();
}

describe('Masuk', () => {
  it('keeps an email typed before the page scripts have loaded (slow phones)', async () => {
    await withSession(undefined, async ({ page }) => {
      // Hold back the dashboard's scripts so the form is typed into before hydration, as on a slow phone.
      let release: () => void = () => undefined;
      const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/_app/immutable/**/*.js', async (route) => {
        await scriptsHeld;
        await route.continue();
      });
      await page.goto('/login', { waitUntil: 'domcontentloaded' });
      const email = `perencana@${DEMO_DOMAIN}`;
      await page.getByLabel('Email').fill(email);
      release();
      await page.waitForLoadState('networkidle');
      expect(await page.getByLabel('Email').inputValue()).toBe(email);
      await page.getByLabel('Kata sandi').fill(inject('demoPassword'));
      await Promise.all([
        page.waitForURL((url) => url.pathname !== '/login', { waitUntil: 'commit' }),
        page.getByRole('button', { name: 'Masuk' }).click(),
      ]);
      expect(pathOf(page)).toBe('/');
    });
  });
});

describe('Perencana', () => {
  it('sees the whole kabupaten, drills down, searches, opens a household, exports CSV and logs out', async () => {
    const api = adminApi();
    const households = await count(api, 'households');
    const baseline = await count(api, 'households', BASELINE);
    await withSession(undefined, async ({ page }) => {
      await login(page, 'perencana');
      expect(pathOf(page)).toBe('/');
      await expect.poll(() => page.locator('h1').innerText()).toContain('Ringkasan');
      await shot(page, 'perencana-ringkasan');
      await panduanShot(page, 'ringkasan.png');

      // Headline figures are live: they match Directus.
      const baselineCard = page.locator('.headline li', { hasText: 'Rumah tangga data awal' });
      expect(readIdNumber(await baselineCard.locator('.value').innerText())).toBe(baseline);
      const classes = page.locator('#tabel-klasifikasi tfoot td');
      expect(readIdNumber(await classes.first().innerText())).toBe(households);
      await expect.poll(() => page.locator('canvas').count()).toBeGreaterThanOrEqual(2);
      expect(await page.locator('[role="img"][aria-label^="Grafik"]').count()).toBeGreaterThanOrEqual(2);

      // Keyboard: the first Tab reaches the skip link.
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toBe(
        'Langsung ke konten',
      );

      // The per-kecamatan table sorts, filters and exports what it shows.
      const table = page.locator('#tabel-wilayah');
      await table
        .getByRole('button', { name: /Rumah tangga/ })
        .first()
        .click();
      await expect.poll(() => table.locator('th[aria-sort="ascending"]').count()).toBe(1);
      const sorted = (await table.locator('tbody tr > :nth-child(3)').allInnerTexts()).map(readIdNumber);
      expect(sorted).toEqual([...sorted].sort((a, b) => a - b));
      const csv = await downloadCsv(page, () =>
        page.locator('section', { has: table }).getByRole('button', { name: 'Unduh CSV' }).click(),
      );
      expect(csv.fileName).toMatch(/\.csv$/);
      expect(csv.rows).toHaveLength(sorted.length + 1);
      expect(csv.rows.at(-1)?.[0]).toBe('Jumlah');
      expect(Number(csv.rows.at(-1)?.[column(csv.header, 'Rumah tangga')])).toBe(households);
      await page.locator('#tabel-wilayah-saring').fill('Juai');
      await expect.poll(() => table.locator('tbody tr').count()).toBe(1);

      // Drill down: kabupaten -> kecamatan -> desa, with the map.
      await page
        .getByRole('navigation', { name: 'Menu utama' })
        .getByRole('link', { name: 'Wilayah' })
        .click();
      await page.waitForURL('**/wilayah');
      await shot(page, 'perencana-wilayah');
      await page.locator('#tabel-wilayah').getByRole('link', { name: 'Paringin Selatan' }).click();
      await page.waitForURL(`**/wilayah/${OPERATOR_KECAMATAN}`);
      await page.waitForLoadState('networkidle');
      await shot(page, 'perencana-wilayah-kecamatan');
      const name = await desaName(OPERATOR_DESA);
      await page.locator('#tabel-wilayah').getByRole('link', { name, exact: true }).click();
      await page.waitForURL(`**/wilayah/${OPERATOR_KECAMATAN}/${OPERATOR_DESA}`);
      await page.waitForLoadState('networkidle');
      await shot(page, 'perencana-wilayah-desa');
      const located = await count(api, 'households', {
        _and: [
          { desa: { _eq: OPERATOR_DESA } },
          { latitude: { _nnull: true } },
          { longitude: { _nnull: true } },
        ],
      });
      expect(await page.locator('svg[role="img"] circle.point').count()).toBe(located);

      // Rumah tangga: all households, searchable, with No. KK for a planner.
      await visit(page, '/rumah-tangga', 'perencana-rumah-tangga');
      expect(totalFromResultText(await page.locator('.result-bar p').innerText())).toBe(households);
      expect(await householdColumn(page, 'No. KK')).toHaveLength(25);
      const firstName = (await page.locator('#tabel-rumah-tangga tbody th a').first().innerText()).trim();
      await page.getByLabel(/Cari nama kepala keluarga/).fill(firstName);
      await page.getByRole('button', { name: 'Terapkan' }).click();
      await page.waitForURL(/q=/);
      const names = await page.locator('#tabel-rumah-tangga tbody th a').allInnerTexts();
      expect(names.length).toBeGreaterThan(0);
      for (const found of names) expect(found.toLowerCase()).toContain(firstName.toLowerCase());

      await page.locator('#tabel-rumah-tangga tbody th a').first().click();
      await page.waitForURL(/\/rumah-tangga\/\d+$/);
      await page.waitForLoadState('networkidle');
      await shot(page, 'perencana-rumah-tangga-detail');
      expect((await page.locator('h1').innerText()).trim()).toBe(names[0]?.trim());
      await expect.poll(() => page.locator('dt', { hasText: 'No. KK' }).count()).toBe(1);
      expect(await page.locator('#tabel-anggota, #tabel-anggota-kosong').count()).toBe(1);
      expect(await page.locator('#tabel-survei, #tabel-survei-kosong').count()).toBe(1);

      // The household export: every household of the desa, nothing else, no NIK or No. KK.
      await visit(page, `/rumah-tangga?desa=${OPERATOR_DESA}`, 'perencana-rumah-tangga-desa');
      const inDesa = await count(api, 'households', { desa: { _eq: OPERATOR_DESA } });
      const export_ = await downloadCsv(page, () => page.getByRole('link', { name: /Unduh CSV/ }).click());
      expect(export_.fileName).toBe(`rumah-tangga-${OPERATOR_DESA}.csv`);
      expect(export_.rows).toHaveLength(inDesa);
      const desaColumn = column(export_.header, 'Kode desa');
      expect(new Set(export_.rows.map((row) => row[desaColumn]))).toEqual(new Set([OPERATOR_DESA]));
      expect(export_.header.some((cell) => /NIK|No\. KK/.test(cell))).toBe(false);

      await visit(page, '/kebutuhan', 'perencana-kebutuhan');
      await panduanShot(page, 'kebutuhan.png');
      expect(await page.locator('h1').innerText()).toBe('Kebutuhan');

      // Help is one click away from every page.
      await page.getByRole('contentinfo').getByRole('link', { name: 'Panduan' }).click();
      await page.waitForURL('**/panduan/perencana');
      await shot(page, 'perencana-panduan');
      expect(await page.locator('main img').count()).toBeGreaterThan(0);

      await logout(page);
    });
  });

  it('works on a 390 px wide phone', async () => {
    await withSession({ width: 390, height: 844 }, async ({ page }) => {
      await login(page, 'perencana');
      await page.waitForLoadState('networkidle');
      await shot(page, 'perencana-ponsel-ringkasan');
      await panduanShot(page, 'ponsel.png', 844);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await visit(page, '/rumah-tangga', 'perencana-ponsel-rumah-tangga');
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await visit(page, `/wilayah/${OPERATOR_KECAMATAN}/${OPERATOR_DESA}`, 'perencana-ponsel-desa');
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await logout(page);
    });
  });
});

describe('Operator desa', () => {
  it('lands on their desa and sees only its households, with NIK', async () => {
    const api = adminApi();
    const inDesa = await count(api, 'households', { desa: { _eq: OPERATOR_DESA } });
    const name = await desaName(OPERATOR_DESA);
    const [elsewhere] = await api.get<{ id: number }[]>(
      `/items/households?filter[desa][_neq]=${OPERATOR_DESA}&fields=id&limit=1`,
    );
    expect(inDesa).toBeGreaterThan(0);
    await withSession(undefined, async ({ page }) => {
      await login(page, `operator.${OPERATOR_DESA}`);
      expect(pathOf(page)).toBe(`/wilayah/${OPERATOR_KECAMATAN}/${OPERATOR_DESA}`);
      await shot(page, 'operator-desa-saya');
      await panduanShot(page, 'wilayah-desa.png');
      expect(await page.locator('h1').innerText()).toContain(name);
      const menu = page.getByRole('navigation', { name: 'Menu utama' });
      expect(await menu.getByRole('link', { name: 'Desa saya' }).getAttribute('aria-current')).toBe('page');
      expect(await menu.getByRole('link', { name: 'Wilayah' }).count()).toBe(0);
      expect(readIdNumber(await page.locator('#tabel-klasifikasi tfoot td').first().innerText())).toBe(
        inDesa,
      );

      // The kabupaten page holds only their desa's households.
      await visit(page, '/wilayah', 'operator-wilayah');
      expect(readIdNumber(await page.locator('#tabel-klasifikasi tfoot td').first().innerText())).toBe(
        inDesa,
      );

      await page
        .getByRole('navigation', { name: 'Menu utama' })
        .getByRole('link', { name: 'Rumah tangga' })
        .click();
      await page.waitForURL('**/rumah-tangga');
      await page.waitForLoadState('networkidle');
      await shot(page, 'operator-rumah-tangga');
      expect(totalFromResultText(await page.locator('.result-bar p').innerText())).toBe(inDesa);
      expect(new Set(await householdColumn(page, 'Desa/kelurahan'))).toEqual(new Set([name]));
      expect(await page.locator('select#desa').count()).toBe(0);

      await page.locator('#tabel-rumah-tangga tbody th a').first().click();
      await page.waitForURL(/\/rumah-tangga\/\d+$/);
      await page.waitForLoadState('networkidle');
      await shot(page, 'operator-rumah-tangga-detail');
      await expect.poll(() => page.locator('dt', { hasText: 'NIK kepala keluarga' }).count()).toBe(1);

      await page.goto('/rumah-tangga');
      const csv = await downloadCsv(page, () => page.getByRole('link', { name: /Unduh CSV/ }).click());
      expect(csv.rows).toHaveLength(inDesa);
      expect(new Set(csv.rows.map((row) => row[column(csv.header, 'Kode desa')]))).toEqual(
        new Set([OPERATOR_DESA]),
      );

      // Another desa's household is not there for them (asked without a page, so no console error).
      if (elsewhere !== undefined) {
        const response = await page.request.get(`/rumah-tangga/${elsewhere.id}`);
        expect(response.status()).toBe(404);
        expect(await response.text()).toContain('bukan wewenang akun Anda');
      }

      await logout(page);
    });
  });
});

describe('Perangkat daerah', () => {
  beforeAll(async () => {
    // Needs come from the survey hooks; when this database has none for the agency yet, give it a few
    // (as the needs engine would) so its scope is not empty.
    const api = adminApi();
    if ((await count(api, 'needs', { perangkat_daerah: { _eq: AGENCY } })) > 0) return;
    const households = await api.get<{ id: number; desa: string; kecamatan: string }[]>(
      `/items/households?filter[desa][_eq]=${OPERATOR_DESA}&fields=id,desa,kecamatan&sort=id&limit=3`,
    );
    const [rule] = await api.get<{ key: string; category: string; sub_kegiatan: string }[]>(
      `/items/indicators?filter[sub_kegiatan][perangkat_daerah][_eq]=${AGENCY}&fields=key,category,sub_kegiatan&limit=1`,
    );
    if (rule === undefined) throw new Error(`tidak ada aturan kebutuhan untuk ${AGENCY}`);
    await api.post(
      '/items/needs',
      households.map((household) => ({
        household: household.id,
        indicator: rule.key,
        category: rule.category,
        sub_kegiatan: rule.sub_kegiatan,
        perangkat_daerah: AGENCY,
        desa: household.desa,
        kecamatan: household.kecamatan,
        quantity: 1,
        status: 'open',
      })),
    );
  });

  it('lands on its needs, sees only its beneficiaries without NIK, exports its needs and logs out', async () => {
    const api = adminApi();
    const activeNeeds = await count(api, 'needs', {
      _and: [{ perangkat_daerah: { _eq: AGENCY } }, { status: { _in: ['open', 'planned'] } }],
    });
    const served = await count(api, 'households', {
      needs: { _some: { perangkat_daerah: { _eq: AGENCY } } },
    });
    const agency = await api.get<{ short_name: string }>(
      `/items/perangkat_daerah/${AGENCY}?fields=short_name`,
    );
    expect(activeNeeds).toBeGreaterThan(0);
    await withSession(undefined, async ({ page }) => {
      await login(page, `pd.${AGENCY}`);
      expect(pathOf(page)).toBe('/kebutuhan');
      await shot(page, 'pd-kebutuhan');
      expect(totalFromResultText(await page.locator('.result-bar p').innerText())).toBe(activeNeeds);
      const agencies = await page.locator('#tabel-daftar-kebutuhan tbody tr > :nth-child(6)').allInnerTexts();
      expect(new Set(agencies)).toEqual(new Set([agency.short_name]));

      const csv = await downloadCsv(page, () => page.getByRole('link', { name: /Unduh CSV/ }).click());
      expect(csv.rows).toHaveLength(activeNeeds);
      expect(new Set(csv.rows.map((row) => row[column(csv.header, 'Perangkat daerah')]))).toEqual(
        new Set([agency.short_name]),
      );

      await page
        .getByRole('navigation', { name: 'Menu utama' })
        .getByRole('link', { name: 'Penerima manfaat' })
        .click();
      await page.waitForURL('**/rumah-tangga');
      await page.waitForLoadState('networkidle');
      await shot(page, 'pd-penerima-manfaat');
      expect(totalFromResultText(await page.locator('.result-bar p').innerText())).toBe(served);
      const headers = await page.locator('#tabel-rumah-tangga thead th').allInnerTexts();
      expect(headers.join('|')).not.toMatch(/No\. KK|Status survei/);

      await page.locator('#tabel-rumah-tangga tbody th a').first().click();
      await page.waitForURL(/\/rumah-tangga\/\d+$/);
      await page.waitForLoadState('networkidle');
      await shot(page, 'pd-rumah-tangga-detail');
      expect(await page.locator('main').innerText()).toContain('NIK dan No. KK tidak ditampilkan');
      expect(await page.locator('dt', { hasText: 'NIK' }).count()).toBe(0);

      await visit(page, '/', 'pd-ringkasan');
      const surveyed = page.locator('.headline li', { hasText: 'Sudah disurvei' });
      expect(await surveyed.innerText()).toContain('Tidak tersedia');
      expect(readIdNumber(await page.locator('#tabel-klasifikasi tfoot td').first().innerText())).toBe(
        served,
      );

      await logout(page);
    });
  });
});

describe('Pimpinan', () => {
  it('reads summaries and households without NIK or No. KK', async () => {
    await withSession(undefined, async ({ page }) => {
      await login(page, 'pimpinan');
      expect(pathOf(page)).toBe('/');
      await visit(page, '/rumah-tangga', 'pimpinan-rumah-tangga');
      await panduanShot(page, 'rumah-tangga.png');
      const headers = await page.locator('#tabel-rumah-tangga thead th').allInnerTexts();
      expect(headers.join('|')).not.toContain('No. KK');
      await page.locator('#tabel-rumah-tangga tbody th a').first().click();
      await page.waitForURL(/\/rumah-tangga\/\d+$/);
      await page.waitForLoadState('networkidle');
      await shot(page, 'pimpinan-rumah-tangga-detail');
      await panduanShot(page, 'rumah-tangga-detail.png');
      expect(await page.locator('dt', { hasText: 'NIK' }).count()).toBe(0);
      await logout(page);
    });
  });
});
