/**
 * The whole product on one machine: the real builder CLI writes a lakehouse, Vite builds the app,
 * the bundled static server serves both from one origin, and headless Chromium opens the page.
 * Checks that the numbers the browser computes with DuckDB-WASM match native DuckDB, that Parquet is
 * read with Range requests, and prints the cold timings.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isManifest, summaryKpiKeys, tablePaths, type Manifest } from '#schema/manifest.ts';
import { startStaticServer, type ServedEntry, type StaticServer } from '#static-server';
import { BUILDER_CLI, runCli } from '#support/run-cli.ts';
import { tableFiles } from '../helpers/lakehouse.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { launchChromium, recordKpiPaints } from '#support/chromium.ts';
import { nativeCount, nativeKpis } from './native-kpis.ts';

// 400 items x 1 year is ~146k fact rows in three row groups: big enough that reading one item
// by ranges is visibly cheaper than the file (40 items fit in one 16 KiB DuckDB-WASM page).
const LAKEHOUSE = ['--items', '400', '--from', '2024-01-01', '--to', '2024-12-31', '--seed', '11'];
const PROBE_PATH = '/probe/fact_demand_daily.parquet';

const nearlyEqual = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let server: StaticServer;
let browser: BrowserContext;
let page: Page;
let manifest: Manifest;
let dataDir = '';
const served: ServedEntry[] = [];
/** What the first, cold page load fetched, up to the moment every panel had its DuckDB answer. */
let firstLoad: ServedEntry[] = [];
/** ms from navigation start to the first KPI painted from each source, on that cold load. */
let coldPaints: Record<string, number> = {};
const foreignRequests: string[] = [];

const goldPaths = (table: 'fact_demand_daily' | 'dim_item') => tableFiles(dataDir, manifest, table);
const bytesServed = (entries: ServedEntry[], path: string) =>
  entries.filter((e) => e.path === path).reduce((sum, e) => sum + e.bytes, 0);

beforeAll(async () => {
  temp = await makeTempDir('nova-e2e');
  dataDir = join(temp.dir, 'data');
  const cli = await runCli(BUILDER_CLI, ['run', '--source', 'mock', '--out', dataDir, ...LAKEHOUSE]);
  if (cli.code !== 0) throw new Error(`builder failed (${cli.code}): ${cli.stderr}`);
  const parsed: unknown = JSON.parse(await readFile(join(dataDir, 'gold/manifest.json'), 'utf8'));
  if (!isManifest(parsed)) throw new Error('builder wrote an invalid manifest');
  manifest = parsed;
  // A copy under a URL nobody has read yet, to measure one cold single-item query.
  await mkdir(join(dataDir, 'probe'));
  const [factFile, ...more] = goldPaths('fact_demand_daily');
  if (!factFile || more.length > 0) throw new Error('the probe expects a fact of one file');
  await copyFile(factFile, join(dataDir, PROBE_PATH));

  const webDir = join(temp.dir, 'web');
  await build({
    configFile: resolve('web/vite.config.ts'),
    build: { outDir: webDir, emptyOutDir: true },
    logLevel: 'warn',
  });
  server = await startStaticServer({ roots: [webDir, dataDir], port: 0, onResponse: (e) => served.push(e) });
  browser = await launchChromium(join(temp.dir, 'profile'));
  page = browser.pages()[0] ?? (await browser.newPage());
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) {
      foreignRequests.push(request.url());
    }
  });
  await page.addInitScript(recordKpiPaints);
  await page.goto(`${server.url}index.html`);
  await page.waitForSelector('[data-kpi][data-source=duckdb]', { timeout: 60_000 });
  await page.waitForSelector('[data-chart="demand-trend"] svg path.line', { timeout: 30_000 });
  await page.waitForSelector('[data-table="top-items"] tbody tr', { timeout: 30_000 });
  firstLoad = [...served];
  coldPaints = await page.evaluate(
    () => (window as unknown as { __kpiPaints: Record<string, number> }).__kpiPaints,
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await temp?.cleanup();
});

describe('dashboard in headless Chromium', () => {
  it('shows every KPI computed by DuckDB-WASM, equal to native DuckDB and to the manifest', async () => {
    const native = await nativeKpis({ fact: goldPaths('fact_demand_daily'), items: goldPaths('dim_item') });
    for (const key of summaryKpiKeys) {
      const card = page.locator(`[data-kpi="${key}"]`);
      await expect(card.getAttribute('data-source')).resolves.toBe('duckdb');
      const shown = Number(await card.getAttribute('data-value'));
      expect(nearlyEqual(shown, native[key]), `${key}: page ${shown}, native ${native[key]}`).toBe(true);
      // The builder rounds the BRL value to cents; the units are exact.
      expect(Math.abs(manifest.summary[key] - native[key]), key).toBeLessThan(0.01);
    }
    await expect(page.textContent('.freshness')).resolves.toContain('31/12/2024');
    // Actuals that end in 2024 are long past the freshness threshold.
    const staleDays = Number(await page.locator('[data-stale-days]').getAttribute('data-stale-days'));
    expect(staleDays).toBe(Math.floor((Date.now() - Date.parse('2024-12-31T00:00:00Z')) / 86_400_000));
  });

  it('answers nova.sql in the console like native DuckDB', async () => {
    const rows = await page.evaluate(() => window.nova.sql('select count(*) as n from fact_demand_daily'));
    expect(rows).toEqual([{ n: await nativeCount(goldPaths('fact_demand_daily')) }]);
  });

  it('draws the demand trend and lists the top items', async () => {
    const path = page.locator('[data-chart="demand-trend"] svg path.line');
    expect(await path.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    await expect(page.locator('[data-table="top-items"] tbody tr').count()).resolves.toBe(10);
  });

  it('keeps grain and category in the URL, so a reload shows the same view', async () => {
    await page.getByRole('button', { name: 'Daily' }).click();
    await page.locator('select').selectOption('battery');
    await page.waitForFunction(() => window.location.hash === '#category=battery&grain=day');
    await page.reload();
    await expect(page.getByRole('button', { name: 'Daily' }).getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    await expect(page.locator('select').inputValue()).resolves.toBe('battery');
    const categories = page.locator('[data-table="top-items"] tbody td:nth-child(3)');
    await categories.first().waitFor({ timeout: 30_000 });
    expect(new Set(await categories.allTextContents())).toEqual(new Set(['battery']));
  });

  it('loads nothing from any origin but its own', () => {
    expect(foreignRequests).toEqual([]);
  });

  it('reads Parquet with Range requests', async () => {
    const factPaths = new Set(tablePaths(manifest.tables.fact_demand_daily).map((p) => `/${p}`));
    const factGets = firstLoad.filter((e) => factPaths.has(e.path) && e.method === 'GET');
    expect(factGets.length).toBeGreaterThan(0);
    expect(factGets.every((e) => e.status === 206)).toBe(true);
    expect(firstLoad.some((e) => factPaths.has(e.path) && e.method === 'HEAD' && e.status === 206)).toBe(
      true,
    );

    const before = served.length;
    const [first] = await page.evaluate(() => window.nova.sql('select min(item_id) as id from dim_item'));
    const sql = `select count(*) as n, sum(demand) as units from read_parquet('${server.url}${PROBE_PATH.slice(1)}') where item_id = ?`;
    await page.evaluate(([query, id]) => window.nova.sql(query, [id]), [sql, String(first?.id)] as const);
    const probe = served.slice(before);
    const probeBytes = bytesServed(probe, PROBE_PATH);
    const size = manifest.tables.fact_demand_daily.bytes;
    expect(probe.some((e) => e.path === PROBE_PATH && e.status === 206)).toBe(true);
    expect(probeBytes).toBeLessThan(size);
    console.info(
      `fact_demand_daily: ${size} B, ${manifest.tables.fact_demand_daily.rows} rows; ` +
        `cold page load fetched ${factGets.reduce((sum, e) => sum + e.bytes, 0)} B in ${factGets.length} range GETs; ` +
        `one item (${String(first?.id)}) fetched ${probeBytes} B (${((100 * probeBytes) / size).toFixed(0)} %)`,
    );
  });

  it('records the cold timings', () => {
    expect(coldPaints.manifest).toBeLessThan(coldPaints.duckdb ?? Infinity);
    console.info(
      `cold start: KPIs from manifest at ${coldPaints.manifest?.toFixed(0)} ms, ` +
        `first DuckDB result at ${coldPaints.duckdb?.toFixed(0)} ms after navigation`,
    );
  });
});
