// Browser helpers of the end-to-end tests: Debian's Chromium driven by playwright-core, one context per
// user, console errors collected, screenshots saved under test-results/screenshots/ (gitignored).
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { repoRoot } from '../../scripts/lib/paths.ts';

export const BROWSER_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const SCREENSHOT_DIR = path.join(repoRoot, 'test-results', 'screenshots');
const PANDUAN_DIR = path.join(repoRoot, 'dashboard', 'static', 'panduan');
/** SIAP_UPDATE_PANDUAN=1 also writes the Panduan's screenshots into dashboard/static/panduan/. */
export const UPDATE_PANDUAN = process.env['SIAP_UPDATE_PANDUAN'] === '1';
export const PANDUAN_MAX_BYTES = 150 * 1024;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromiumPath'), headless: true, args: BROWSER_ARGS });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far (each test expects none). */
  errors: string[];
  close(): Promise<void>;
}

export async function openSession(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
): Promise<Session> {
  const context = await browser.newContext({
    viewport,
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
    acceptDownloads: true,
    baseURL: inject('dashboardUrl'),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console (${page.url()}): ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror (${page.url()}): ${error.message}`));
  return { context, page, errors, close: () => context.close() };
}

export interface Viewport {
  width: number;
  height: number;
}

/** Runs one test's work in a fresh session, expects no console or page errors, and always closes the session. */
export async function inSession(
  browser: Browser,
  viewport: Viewport | undefined,
  work: (session: Session) => Promise<void>,
): Promise<void> {
  const session = await openSession(browser, viewport);
  try {
    await work(session);
    expect(session.errors).toEqual([]);
  } finally {
    await session.close();
  }
}

/**
 * One Chromium for the calling test file (launched before its tests, closed after them) and the function
 * that runs a test's work in a fresh session of it (see inSession).
 */
export function browserSessions(): (
  viewport: Viewport | undefined,
  work: (session: Session) => Promise<void>,
) => Promise<void> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return (viewport, work) => {
    if (browser === undefined) throw new Error('Chromium belum berjalan');
    return inSession(browser, viewport, work);
  };
}

/** The labels of the main menu, in order. */
export async function menu(page: Page): Promise<string[]> {
  const links = page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link');
  return (await links.allInnerTexts()).map((text) => text.trim());
}

/** The path of the page's current URL (without query or hash). */
export function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

export const DEMO_DOMAIN = 'siap-pd.example.org';

/** Logs in through the login form and waits until the dashboard has sent the user on. */
export async function login(page: Page, localPart: string): Promise<void> {
  // Wait for the page's scripts (hydration) before typing, as a person would see the form respond.
  await page.goto('/login', { waitUntil: 'networkidle' });
  const email = `${localPart}@${DEMO_DOMAIN}`;
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(inject('demoPassword'));
  const typed = await page.getByLabel('Email').inputValue();
  if (typed !== email) throw new Error(`kolom Email berisi "${typed}" setelah diisi (hidrasi menimpanya?)`);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/login', { timeout: 120_000, waitUntil: 'commit' }),
    page.getByRole('button', { name: 'Masuk' }).click(),
  ]);
  await page.waitForLoadState('networkidle', { timeout: 60_000 });
}

/** Logs out with the header's button and checks the login page is back and the session is gone. */
export async function logout(page: Page): Promise<void> {
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/login'),
    page.getByRole('button', { name: 'Keluar' }).click(),
  ]);
  await page.goto('/');
  if (new URL(page.url()).pathname !== '/login') throw new Error(`setelah keluar, / membuka ${page.url()}`);
}

/** Opens a path, waits for the network to settle (charts drawn), and saves a screenshot of the page. */
export async function visit(page: Page, pathname: string, screenshot: string): Promise<void> {
  const response = await page.goto(pathname);
  if (response === null || response.status() >= 400) {
    throw new Error(`${pathname} menjawab ${response?.status() ?? 'tanpa respons'}`);
  }
  await page.waitForLoadState('networkidle');
  await shot(page, screenshot);
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * With SIAP_UPDATE_PANDUAN=1: saves the visible part of the page (the top `height` pixels) as a Panduan
 * screenshot, checks it stays under 150 KB, and keeps a copy with the other screenshots.
 */
export async function panduanShot(page: Page, file: string, height = 760): Promise<void> {
  if (!UPDATE_PANDUAN) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  const target = path.join(SCREENSHOT_DIR, `panduan-${file}`);
  await page.screenshot({
    path: target,
    clip: { x: 0, y: 0, width: viewport.width, height },
    animations: 'disabled',
  });
  const size = statSync(target).size;
  if (size >= PANDUAN_MAX_BYTES) throw new Error(`gambar panduan ${file} terlalu besar: ${size} byte`);
  mkdirSync(PANDUAN_DIR, { recursive: true });
  copyFileSync(target, path.join(PANDUAN_DIR, file));
}

/**
 * With SIAP_UPDATE_PANDUAN=1: scrolls the element `selector` to the top of the window, takes a Panduan
 * screenshot of what is then visible (panduanShot), and scrolls back to the top of the page.
 */
export async function panduanSectionShot(
  page: Page,
  selector: string,
  file: string,
  height = 760,
): Promise<void> {
  if (!UPDATE_PANDUAN) return;
  await page.locator(selector).waitFor();
  // a string is evaluated as an expression (the tests have no DOM types)
  await page.evaluate(
    `document.querySelector(${JSON.stringify(selector)}).scrollIntoView({ block: 'start' })`,
  );
  await panduanShot(page, file, height);
  await page.evaluate('window.scrollTo(0, 0)');
}

/** Clicks what starts a download, waits for the download event and returns the CSV rows (BOM and header kept apart). */
export async function downloadCsv(
  page: Page,
  start: () => Promise<void>,
): Promise<{ fileName: string; header: string[]; rows: string[][]; raw: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), start()]);
  const file = await download.path();
  const raw = readFileSync(file, 'utf8');
  if (!raw.startsWith('\uFEFF')) throw new Error('CSV tanpa BOM');
  const parsed = Papa.parse<string[]>(raw.slice(1), { delimiter: ';', skipEmptyLines: true });
  if (parsed.errors.length > 0)
    throw new Error(`CSV tidak terbaca: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  const [header = [], ...rows] = parsed.data;
  return { fileName: download.suggestedFilename(), header, rows, raw };
}

/** "1.234" -> 1234 (Indonesian grouping). */
export function readIdNumber(text: string): number {
  const digits = text.replace(/[^\d,-]/g, '').replace(',', '.');
  return Number(digits);
}

/** The number in "Menampilkan 1–25 dari 1.234 rumah tangga." */
export function totalFromResultText(text: string): number {
  const match = /dari ([\d.]+)/.exec(text);
  if (match?.[1] === undefined) throw new Error(`tidak ada jumlah di "${text}"`);
  return readIdNumber(match[1]);
}

/** Column index of a header cell, failing loudly when it is missing. */
export function column(header: readonly string[], name: string): number {
  const index = header.indexOf(name);
  if (index < 0) throw new Error(`kolom ${name} tidak ada di ${header.join(';')}`);
  return index;
}
