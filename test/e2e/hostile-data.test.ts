/**
 * The app facing data it must not trust, in headless Chromium on the built app:
 * - a lakehouse built by the real builder from the bad-input corpus, whose item names, sites and
 *   item codes hold HTML and SQL: every page shows them as text (no element made from them, no
 *   script run);
 * - data hosts that are down, answer 404 or 500, send garbage or a manifest of a newer schema,
 *   and a `?data=` that is no URL: each an error state naming the URL tried, never a blank page.
 */
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '#schema/manifest.ts';
import { startStaticServer, type StaticServer } from '#static-server';
import { launchChromium } from '#support/chromium.ts';
import { BUILDER_CLI, runCli } from '#support/run-cli.ts';
import { CORPUS, buildBaseLake } from '../corpus/corpus-lake.ts';
import { readManifest } from '../helpers/lakehouse.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { waitForSettled } from './helpers/page-settled.ts';
import { buildWebApp } from './helpers/web-app.ts';

const XSS = '<img src=x onerror=alert(1)>';
const SQL = "'; DROP TABLE x; --";
const MAPPING = 'builder/samples/erp-export/mapping.json';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let site: StaticServer;
let badHost: Server;
let badPort: number;
let closedPort: number;
let browser: BrowserContext;
const dialogs: string[] = [];
const pageErrors: string[] = [];

async function builder(args: string[]): Promise<void> {
  const run = await runCli(BUILDER_CLI, args);
  if (run.code !== 0) throw new Error(`builder failed (${run.code}): ${run.stderr}`);
}

/** The corpus's hostile item master and HTML-laden movements, in quantities that top the overview. */
async function buildHostileLake(dir: string, work: string): Promise<void> {
  await buildBaseLake(dir);
  const file = ['--out', dir, '--source', 'file', '--mapping', MAPPING];
  await builder(['run', ...file, '--input', join(CORPUS, 'html-strings.csv')]);
  const movements = join(work, 'hostile-movements.csv');
  await writeFile(
    movements,
    'Nº Documento;Data Movimento;Código Material;Quantidade;Centro/Site\n' +
      'HOS-1;20/03/2025;XSS-IMG;90000;BA-1\nHOS-2;21/03/2025;SQL-DROP;80000;BA-1\n',
  );
  await builder([
    'run',
    ...file,
    '--input',
    movements,
    '--item-master',
    join(CORPUS, 'items-hostile-names.csv'),
  ]);
}

/** A data host that misbehaves by path, with CORS so the browser reads what it sends. */
function startBadHost(): Promise<Server> {
  const newer = JSON.stringify({ schema_version: SCHEMA_VERSION + 1, build_id: 'from-the-future' });
  const answers: Record<string, { status: number; body: string }> = {
    '/missing/gold/manifest.json': { status: 404, body: 'Not Found' },
    '/broken/gold/manifest.json': { status: 500, body: 'Internal Server Error' },
    '/garbage/gold/manifest.json': { status: 200, body: '<html><body>not a manifest</body></html>' },
    '/truncated/gold/manifest.json': { status: 200, body: '{"schema_version": 3, "build_id": "x", "tab' },
    '/newer/gold/manifest.json': { status: 200, body: newer },
  };
  const server = createServer((req, res) => {
    const answer = answers[req.url ?? ''] ?? { status: 404, body: '' };
    res.writeHead(answer.status, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/plain' });
    res.end(answer.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

beforeAll(async () => {
  temp = await makeTempDir('nova-hostile');
  const data = join(temp.dir, 'data');
  const web = join(temp.dir, 'web');
  await Promise.all([buildHostileLake(data, temp.dir), buildWebApp(web)]);
  site = await startStaticServer({ roots: [web, data], port: 0 });
  badHost = await startBadHost();
  const address = badHost.address();
  badPort = typeof address === 'object' && address ? address.port : 0;
  closedPort = await freePort();
  browser = await launchChromium(join(temp.dir, 'profile'));
  browser.on('page', (page) => {
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await new Promise<void>((resolve) => (badHost ? badHost.close(() => resolve()) : resolve()));
  await temp?.cleanup();
});

/** No element anywhere in the page was made from the hostile text. */
async function expectNoInjectedElements(page: Page): Promise<void> {
  const injected = await page.evaluate(() => ({
    images: [...document.querySelectorAll('img')].filter((img) => img.getAttribute('src') === 'x').length,
    handlers: document.querySelectorAll('[onerror]').length,
    scripts: [...document.scripts].filter((script) => script.textContent?.includes('alert(1)')).length,
    bold: document.querySelectorAll('main b').length,
  }));
  expect(injected).toEqual({ images: 0, handlers: 0, scripts: 0, bold: 0 });
}

describe('hostile text in the data', () => {
  it('the overview shows HTML and SQL in item names as text', async () => {
    const manifest = await readManifest(join(temp.dir, 'data'));
    expect(manifest.summary.item_count).toBeGreaterThan(0);
    const page = await browser.newPage();
    await page.goto(`${site.url}index.html`);
    const names = page.locator('[data-table="top-items"] tbody td:nth-child(2)');
    await names.first().waitFor({ timeout: 90_000 });
    await waitForSettled(page);
    const shown = await names.allTextContents();
    expect(shown).toContain(XSS);
    expect(shown).toContain(SQL);
    await expectNoInjectedElements(page);
    await page.close();
  });

  it('the quality page shows rejected rows with HTML in their item code as text', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}index.html#page=quality&rule=UNKNOWN_ITEM`);
    const table = page.locator('[data-table="rejected-examples"]');
    await table.waitFor({ timeout: 90_000 });
    await waitForSettled(page);
    await expect(table.textContent()).resolves.toContain('<SCRIPT>ALERT(1)</SCRIPT>');
    await expectNoInjectedElements(page);
    await page.close();
  });

  it('no dialog opened and no script error was raised by the data', () => {
    expect(dialogs).toEqual([]);
    expect(pageErrors.filter((message) => /alert|DROP TABLE/.test(message))).toEqual([]);
  });
});

describe('a data host that fails', () => {
  const cases = [
    {
      name: 'is down',
      data: () => `http://127.0.0.1:${closedPort}/lake/`,
      message: /could not reach .*down/,
    },
    { name: 'answers 404', data: () => `http://127.0.0.1:${badPort}/missing/`, message: /HTTP 404/ },
    {
      name: 'answers 500',
      data: () => `http://127.0.0.1:${badPort}/broken/`,
      message: /HTTP 500 \(the data host failed\)/,
    },
    {
      name: 'sends HTML',
      data: () => `http://127.0.0.1:${badPort}/garbage/`,
      message: /not valid JSON \(it starts with "<html>/,
    },
    {
      name: 'sends cut-off JSON',
      data: () => `http://127.0.0.1:${badPort}/truncated/`,
      message: /not valid JSON/,
    },
    {
      name: 'sends a manifest of a newer schema',
      data: () => `http://127.0.0.1:${badPort}/newer/`,
      message: new RegExp(`schema_version ${SCHEMA_VERSION + 1} is newer than this app reads`),
    },
  ];

  it.each(cases)('$name: an error state with the URL tried', async ({ data, message }) => {
    const page = await browser.newPage();
    const base = data();
    await page.goto(`${site.url}index.html?data=${encodeURIComponent(base)}`);
    const error = page.locator('main [data-state="error"]');
    await error.waitFor({ timeout: 60_000 });
    await expect(page.locator('[data-error-message]').textContent()).resolves.toMatch(message);
    await expect(page.locator('[data-error-url]').textContent()).resolves.toBe(`${base}gold/manifest.json`);
    await expect(page.locator('nav a').count()).resolves.toBeGreaterThan(0);
    await page.close();
  });

  it('a ?data= that is no URL: an error state, not a blank page', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}index.html?data=${encodeURIComponent('http://[')}`);
    await page.locator('main [data-state="error"]').waitFor({ timeout: 60_000 });
    await expect(page.locator('[data-error-message]').textContent()).resolves.toMatch(/is not a URL/);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/Nova Corrente/);
    await page.close();
  });
});
