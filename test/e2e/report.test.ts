import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers/run.js';

/**
 * The report page in a real browser: Debian's chromium, driven by playwright-core (.ci/run
 * installs chromium when it is missing). Screenshots go to test-results/.
 */
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) console.warn(`skipping the browser test of report.html: ${CHROMIUM} is not installed (apt-get install chromium)`);

describe.skipIf(!haveChromium)('report.html in headless Chromium', () => {
  const out = path.join(tempDir('presslens-report-'), 'out');
  const shots = path.join(ROOT, 'test-results');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let browser: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let page: any;
  const errors: string[] = [];

  beforeAll(async () => {
    expect(cli(['extract', 'corpus', '--out', out, '--quiet']).code).toBe(0);
    fs.mkdirSync(shots, { recursive: true });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e: Error) => errors.push(e.message));
    page.on('request', (r: { url(): string }) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) errors.push(`network request: ${r.url()}`);
    });
    await page.goto(`file://${path.join(out, 'report.html')}`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no script error and no network request', async () => {
    await page.screenshot({ path: path.join(shots, 'report-overview.png'), fullPage: false });
    expect(errors).toEqual([]);
  });

  it('shows the figures the exported files hold', async () => {
    const value = async (key: string) => Number(await page.getAttribute(`.card[data-key="${key}"]`, 'data-value'));
    const csv = (file: string) => parse(fs.readFileSync(path.join(out, file), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    const entities = csv('entities.csv');
    expect(await value('documents')).toBe(csv('documents.csv').length);
    expect(await value('mentions')).toBe(csv('mentions.csv').length);
    expect(await value('people')).toBe(entities.filter((e) => e.type === 'PERSON').length);
    expect(await value('organizations')).toBe(entities.filter((e) => e.type === 'ORGANIZATION').length);
    expect(await value('locations')).toBe(entities.filter((e) => e.type === 'LOCATION').length);
    expect(await value('problems')).toBe(csv('problems.csv').length);
    const topPerson = await page.textContent('#top ol[data-type="PERSON"] li');
    const best = entities.filter((e) => e.type === 'PERSON').sort((a, b) => +b.documents - +a.documents || +b.mentions - +a.mentions || (a.entity_id < b.entity_id ? -1 : 1))[0];
    expect(topPerson).toContain(best.name);
  });

  it('renders the themes chart and the network', async () => {
    expect(await page.locator('#chart canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('#chart .u-legend .u-series').count()).toBeGreaterThan(10);
    expect(await page.locator('#graph circle').count()).toBeGreaterThan(20);
    expect(await page.locator('#graph line').count()).toBeGreaterThan(10);
    await page.locator('#themes').screenshot({ path: path.join(shots, 'report-themes.png') });
    await page.locator('#network').screenshot({ path: path.join(shots, 'report-network.png') });
  });

  it('opens a document from an entity search, with its mentions highlighted and theme evidence underlined', async () => {
    await page.fill('#search', 'DiCarlo');
    await page.waitForSelector('#results li[data-doc]');
    await page.click('#results li[data-doc]');
    await page.waitForSelector('#document:not([hidden])');
    expect(await page.textContent('#doc-title')).toBe('NATO-UN relations can be developed further');
    const people = await page.locator('#doc-text mark.PERSON').allTextContents();
    expect(people).toEqual(expect.arrayContaining(['Rosemary A. DiCarlo', 'DiCarlo', 'Mike Gapes']));
    expect(await page.locator('#doc-text mark.ORGANIZATION').count()).toBeGreaterThan(10);
    expect(await page.locator('#doc-text .evidence').count()).toBeGreaterThan(2);
    await page.locator('#document').screenshot({ path: path.join(shots, 'report-document.png') });
  });
});
