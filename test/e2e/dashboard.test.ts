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
import {
  isManifest,
  summaryKpiKeys,
  tablePaths,
  type Manifest,
  type SummaryKpiKey,
} from '#schema/manifest.ts';
import { startStaticServer, type ServedEntry, type StaticServer } from '#static-server';
import { BUILDER_CLI, runCli } from '#support/run-cli.ts';
import { tableFiles } from '../helpers/lakehouse.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { launchChromium, recordKpiPaints } from '#support/chromium.ts';
import { accuracyCopy } from '../../web/src/lib/copy/accuracy.ts';
import { connectsAsked, countConnects } from './helpers/count-connects.ts';
import { waitForSettled } from './helpers/page-settled.ts';
import { elementsWiderThanParent, pageScrollsSideways } from './layout-checks.ts';
import { nativeCount, nativeKpis, nativeTopItems, type KpiFilter } from './native-kpis.ts';

// 400 items x 1 year is ~146k fact rows in three row groups: big enough that reading one item
// by ranges is visibly cheaper than the file (40 items fit in one 16 KiB DuckDB-WASM page).
const LAKEHOUSE = ['--items', '400', '--from', '2024-01-01', '--to', '2024-12-31', '--seed', '11'];
const PROBE_PATH = '/probe/fact_demand_daily.parquet';

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
/** DuckDB connections the cold load asked for, once every panel had its answer. */
let coldConnects = 0;
const foreignRequests: string[] = [];

const goldPaths = (table: 'fact_demand_daily' | 'dim_item') => tableFiles(dataDir, manifest, table);
const nativeFor = (filter: KpiFilter = {}) =>
  nativeKpis({ fact: goldPaths('fact_demand_daily'), items: goldPaths('dim_item') }, filter);
const nativeTop = (filter: KpiFilter) =>
  nativeTopItems({ fact: goldPaths('fact_demand_daily'), items: goldPaths('dim_item') }, filter, 10);
const shownTop = () => page.locator('[data-table="top-items"] tbody td:first-child').allTextContents();

/** Opens a view by its hash (no reload) and waits until every KPI card shows DuckDB's answer to it. */
async function openView(hash: string, expected: Record<SummaryKpiKey, number>): Promise<void> {
  await page.goto(`${server.url}index.html${hash}`);
  await page.waitForFunction(
    (want) =>
      Object.entries(want).every(([key, value]) => {
        const card = document.querySelector(`[data-kpi="${key}"]`);
        const shown = Number(card?.getAttribute('data-value'));
        return card?.getAttribute('data-source') === 'duckdb' && Math.abs(shown - value) < 0.01;
      }),
    expected,
    { timeout: 60_000 },
  );
  // The KPI cards answer first (their queries read the smallest tables); the panels follow.
  await waitForSettled(page, 60_000);
}
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
  // The fact's first file (item_key follows item_id, so it holds the item the probe asks for).
  const [factFile] = goldPaths('fact_demand_daily');
  if (!factFile) throw new Error('the probe expects a fact with files');
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
  await page.addInitScript(countConnects);
  await page.goto(`${server.url}index.html`);
  await page.waitForSelector('[data-kpi][data-source=duckdb]', { timeout: 60_000 });
  await page.waitForSelector('[data-chart="demand-trend"] svg path.line', { timeout: 30_000 });
  await page.waitForSelector('[data-table="top-items"] tbody tr', { timeout: 30_000 });
  firstLoad = [...served];
  coldPaints = await page.evaluate(
    () => (window as unknown as { __kpiPaints: Record<string, number> }).__kpiPaints,
  );
  await waitForSettled(page, 60_000);
  coldConnects = await connectsAsked(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await temp?.cleanup();
});

describe('dashboard in headless Chromium', () => {
  it('shows every KPI computed by DuckDB-WASM, equal to native DuckDB and to the manifest', async () => {
    const native = await nativeFor();
    for (const key of summaryKpiKeys) {
      const card = page.locator(`[data-kpi="${key}"]`);
      await expect(card.getAttribute('data-source')).resolves.toBe('duckdb');
      const shown = Number(await card.getAttribute('data-value'));
      // Both round BRL to cents; native sums the unrounded products.
      expect(Math.abs(shown - native[key]), `${key}: page ${shown}, native ${native[key]}`).toBeLessThan(
        0.01,
      );
      expect(Math.abs(manifest.summary[key] - native[key]), key).toBeLessThan(0.01);
    }
    await expect(page.textContent('.freshness')).resolves.toContain('31/12/2024');
    await expect(page.locator('[data-kpi="actuals_through"]').getAttribute('data-value')).resolves.toBe(
      '2024-12-31',
    );
    // Actuals that end in 2024 are long past the freshness threshold.
    const staleDays = Number(await page.locator('[data-stale-days]').getAttribute('data-stale-days'));
    expect(staleDays).toBe(Math.floor((Date.now() - Date.parse('2024-12-31T00:00:00Z')) / 86_400_000));
  });

  it('says plainly that forecasts are not computed yet, instead of showing zero risk', async () => {
    for (const key of ['stockout_risk_items', 'median_mase']) {
      const card = page.locator(`[data-kpi="${key}"]`);
      await card.locator('[data-state="empty"]').waitFor({ timeout: 30_000 });
      await expect(card.getAttribute('data-value')).resolves.toBeNull();
    }
    await expect(page.locator('[data-kpi="stockout_risk_items"]').textContent()).resolves.toContain(
      'previsões ainda não calculadas',
    );
    await expect(
      page.locator('[data-chart="demand-trend"]').getAttribute('data-forecast-periods'),
    ).resolves.toBe('0');
  });

  it('follows the category and date filters in every KPI, equal to native DuckDB', async () => {
    const cases: { hash: string; filter: KpiFilter }[] = [
      { hash: '#category=battery', filter: { category: 'battery' } },
      {
        hash: '#from=2024-03-01&to=2024-05-31&category=cable',
        filter: { category: 'cable', from: '2024-03-01', to: '2024-05-31' },
      },
      // A Thursday: the range runs to the end of its week, and the page says so.
      { hash: '#to=2024-02-15', filter: { to: '2024-02-18' } },
    ];
    for (const { hash, filter } of cases) {
      const native = await nativeFor(filter);
      expect(native.demand_value_brl, hash).toBeLessThan((await nativeFor()).demand_value_brl);
      await openView(hash, native);
      for (const key of summaryKpiKeys) {
        const shown = Number(await page.locator(`[data-kpi="${key}"]`).getAttribute('data-value'));
        expect(
          Math.abs(shown - native[key]),
          `${hash} ${key}: page ${shown}, native ${native[key]}`,
        ).toBeLessThan(0.01);
      }
    }
    await openView('#to=2024-02-15', await nativeFor({ to: '2024-02-18' }));
    await expect(page.locator('[data-note="whole-periods"]').textContent()).resolves.toContain('18/02/2024');
    await expect(page.locator('[data-kpi="demand_value_brl"]').textContent()).resolves.toContain(
      'de 01/01/2024 a 18/02/2024',
    );
    // Cable is counted in metres: its own units card, labelled; never in an all-category total.
    await openView('#category=cable', await nativeFor({ category: 'cable' }));
    await expect(page.locator('[data-kpi="demand_units"] h3').textContent()).resolves.toContain('(m)');
    await openView('', await nativeFor());
    await expect(page.locator('[data-kpi="demand_units"]').count()).resolves.toBe(0);
  });

  it('falls back to all categories, and says so, for a category the lakehouse does not have', async () => {
    await openView('#category=flux-capacitor', await nativeFor());
    await expect(page.locator('[data-notice="unknown-category"]').textContent()).resolves.toContain(
      'flux-capacitor',
    );
    await expect(page.locator('[data-filter="category"]').inputValue()).resolves.toBe('');
    const categories = page.locator('[data-table="top-items"] tbody td:nth-child(3)');
    await categories.first().waitFor({ timeout: 30_000 });
    expect(new Set(await categories.allTextContents()).size).toBeGreaterThan(1);
  });

  it('leaves out the partial weeks at the edges of the range', async () => {
    // A range from a Wednesday widens to its Monday (2024-01-01, the first actual day); the actuals
    // end on Tuesday 2024-12-31, so only the last week is partial.
    await openView('#from=2024-01-03', await nativeFor({ from: '2024-01-01' }));
    const from = '2024-01-01';
    const chart = page.locator('[data-chart="demand-trend"]');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-chart="demand-trend"]')?.getAttribute('data-partial-dropped') === '1',
      undefined,
      { timeout: 30_000 },
    );
    let fullWeeks = 0;
    for (
      let monday = Date.parse('2024-01-01T00:00:00Z');
      monday <= Date.parse('2024-12-31T00:00:00Z');
      monday += 7 * 86_400_000
    ) {
      if (
        monday >= Date.parse(`${from}T00:00:00Z`) &&
        monday + 6 * 86_400_000 <= Date.parse('2024-12-31T00:00:00Z')
      )
        fullWeeks += 1;
    }
    const d = (await chart.locator('svg path.line').first().getAttribute('d')) ?? '';
    expect(d.split('L').length).toBe(fullWeeks);
    await expect(page.locator('[data-note="partial"]').isVisible()).resolves.toBe(true);

    // By month, a range from Wednesday 2024-03-06 starts on Monday 03-04: March is partial.
    await openView('#grain=month&from=2024-03-06', await nativeFor({ from: '2024-03-04' }));
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-chart="demand-trend"] svg path.line')?.getAttribute('d') ?? '').split(
          'L',
        ).length === 9,
      undefined,
      { timeout: 30_000 },
    );
    await expect(chart.getAttribute('data-partial-dropped')).resolves.toBe('1');
  });

  it('shows the last 90 days by default in the daily view', async () => {
    await openView('#grain=day', await nativeFor());
    await page.locator('[data-note="daily-window"]').waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-chart="demand-trend"] svg path.line')?.getAttribute('d') ?? '').split(
          'L',
        ).length === 90,
      undefined,
      { timeout: 30_000 },
    );
  });

  it('shows a tooltip with the period and its value on hover', async () => {
    await openView('', await nativeFor());
    const chart = page.locator('[data-chart="demand-trend"]');
    await chart.locator('svg path.line').first().waitFor({ timeout: 30_000 });
    const box = await chart.boundingBox();
    if (!box) throw new Error('the trend chart has no box');
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
    const tip = page.locator('[data-tooltip]');
    await tip.waitFor({ timeout: 10_000 });
    await expect(tip.textContent()).resolves.toMatch(/Semana de \d{2}\/\d{2}\/2024.*R\$/s);
    await page.mouse.move(0, 0);
    await expect(tip.count()).resolves.toBe(0);
  });

  it.each([
    { name: 'desktop', width: 1400, height: 900 },
    { name: 'phone', width: 390, height: 844 },
    { name: 'narrow', width: 360, height: 740 },
  ])(
    'fits a $name screen ($width px): no sideways scroll, nothing wider than its container',
    async (size) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      try {
        // The unfiltered view holds the largest numbers; the range note adds a line of text.
        for (const [hash, filter] of [
          ['', {}],
          ['#category=battery&from=2024-02-10', { category: 'battery', from: '2024-02-05' }],
        ] as const) {
          await openView(hash, await nativeFor(filter));
          await page.locator('[data-table="top-items"] tbody tr').first().waitFor({ timeout: 30_000 });
          await page.locator('[data-chart="category-mix"]').waitFor({ timeout: 30_000 });
          const { scrollWidth, clientWidth } = await pageScrollsSideways(page);
          expect(
            scrollWidth,
            `${hash}: page is ${scrollWidth} px wide in a ${clientWidth} px window`,
          ).toBeLessThanOrEqual(clientWidth);
          expect(await elementsWiderThanParent(page), hash).toEqual([]);
          // An id such as NC-BAT-0042 is read as one token: wrapped mid-code it reads as two.
          const wrappedIds = await page
            .locator('[data-table="top-items"] tbody td:first-child')
            .evaluateAll((cells) =>
              cells
                .filter((cell) => {
                  const range = document.createRange();
                  range.selectNodeContents(cell);
                  const lineTops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
                  return lineTops.size > 1;
                })
                .map((cell) => cell.textContent),
            );
          expect(wrappedIds, hash).toEqual([]);
        }
        await page.screenshot({ path: `test-results/overview-${size.name}.png`, fullPage: true });
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    },
  );

  it('answers nova.sql in the console like native DuckDB', async () => {
    const rows = await page.evaluate(() => window.nova.sql('select count(*) as n from fact_demand_daily'));
    expect(rows).toEqual([{ n: await nativeCount(goldPaths('fact_demand_daily')) }]);
  });

  it('runs every panel query of the cold load on one shared DuckDB connection', async () => {
    // One to create the views, one that all the panels' queries share (instead of one per query).
    expect(coldConnects).toBe(2);
  });

  it('fetches the code of a page other than the overview only when it is opened', async () => {
    const isPageChunk = (path: string) =>
      /^\/assets\/(Item|Accuracy|Quality|Explorer)-[\w-]+\.js$/.test(path);
    expect(firstLoad.map((entry) => entry.path).filter(isPageChunk)).toEqual([]);
    const mark = served.length;
    await page.goto(`${server.url}index.html#page=accuracy`);
    await page.getByRole('heading', { level: 2, name: accuracyCopy.heading }).waitFor({ timeout: 30_000 });
    await waitForSettled(page, 60_000);
    const fetched = served.slice(mark).map((entry) => entry.path);
    expect(fetched.filter(isPageChunk)).toEqual([expect.stringMatching(/^\/assets\/Accuracy-/)]);
    await page.goto(`${server.url}index.html`);
    await page.waitForSelector('[data-chart="demand-trend"] svg path.line', { timeout: 30_000 });
  });

  it('gives concurrent prepared statements on one connection each its own answer', async () => {
    const answers = await page.evaluate(() =>
      Promise.all([
        window.nova.sql('select count(*) as n from dim_item'),
        ...[1, 2, 3, 4, 5].map((n) => window.nova.sql('select cast(? as integer) * 10 as v', [n])),
      ]),
    );
    expect(answers).toEqual([
      [{ n: manifest.tables.dim_item.rows }],
      ...[1, 2, 3, 4, 5].map((n) => [{ v: n * 10 }]),
    ]);
  });

  it('draws the demand trend and lists the top items', async () => {
    const path = page.locator('[data-chart="demand-trend"] svg path.line').first();
    expect(await path.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    await expect(page.locator('[data-table="top-items"] tbody tr').count()).resolves.toBe(10);
  });

  it('lists the top items native DuckDB finds in the daily fact, ranked by value across units', async () => {
    // The page reads the weekly or monthly fact; a range from a Wednesday to a Wednesday covers
    // the whole weeks around it (Monday 03-04 to Sunday 04-21).
    const cases = [
      { hash: '', filter: {} },
      { hash: '#from=2024-03-06&to=2024-04-17', filter: { from: '2024-03-04', to: '2024-04-21' } },
      { hash: '#category=cable', filter: { category: 'cable' } },
    ];
    for (const { hash, filter } of cases) {
      await openView(hash, await nativeFor(filter));
      const want = await nativeTop(filter);
      await page.waitForFunction(
        (ids) =>
          [...document.querySelectorAll('[data-table="top-items"] tbody td:first-child')]
            .map((td) => td.textContent?.trim())
            .join(',') === ids.join(','),
        want,
        { timeout: 30_000 },
      );
      expect(
        (await shownTop()).map((id) => id.trim()),
        hash,
      ).toEqual(want);
    }
    // All categories mix metres and pieces: ranked by value; one category in metres: by units.
    await openView('', await nativeFor());
    await expect(page.locator('[data-ranked-by]').getAttribute('data-ranked-by')).resolves.toBe('value');
    const units = await page
      .locator('[data-table="top-items"] tbody td[data-unit]')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-unit')));
    // Ranked by units, cheap metres of cable filled the whole list.
    expect(units.every((unit) => unit === 'm')).toBe(false);
  });

  it('keeps grain and category in the URL, so a reload shows the same view', async () => {
    await openView('', await nativeFor());
    await page.getByRole('button', { name: 'Diária' }).click();
    await page.locator('[data-filter="category"]').selectOption('battery');
    await page.waitForFunction(() => window.location.hash === '#category=battery&grain=day');
    await page.reload();
    await expect(page.getByRole('button', { name: 'Diária' }).getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    await expect(page.locator('[data-filter="category"]').inputValue()).resolves.toBe('battery');
    const categories = page.locator('[data-table="top-items"] tbody td:nth-child(3)');
    await categories.first().waitFor({ timeout: 30_000 });
    expect(new Set(await categories.allTextContents())).toEqual(new Set(['battery']));
    const link = await page.locator('[data-table="top-items"] tbody td a').first().getAttribute('href');
    expect(link).toMatch(/^#page=item&item=[^&]+&category=battery&grain=day$/);
  });

  it('speaks one language, pt-BR, in the shell and on the page', async () => {
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('pt-BR');
    await expect(page.locator('nav a').first().textContent()).resolves.toBe('Visão geral');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/\b(Units|Items|Daily|Weekly|Loading|Category)\b/);
  });

  it('labels the trend axes in pt-BR number and month formats', async () => {
    await openView('', await nativeFor());
    const ticks = (axis: 'x' | 'y') =>
      page.locator(`[data-chart="demand-trend"] .${axis}-axis .tick text`).allTextContents();
    const yTicks = await ticks('y');
    expect(yTicks.length).toBeGreaterThan(1);
    // "12,5 mil", "R$ 3,4 mi", "92.670": never "12.5k" or "92,670".
    for (const tick of yTicks) expect(tick).toMatch(/^(R\$ )?−?\d{1,3}(\.\d{3})*(,\d+)?( (mil|mi|bi))?$/);
    const xTicks = await ticks('x');
    expect(xTicks.length).toBeGreaterThan(1);
    // "fev 2024", "05/02", "2024": never "Feb 2024" or "2/5".
    for (const tick of xTicks) {
      expect(tick).toMatch(
        /^((jan|fev|mar|abr|mai|jun|jul|ago|set|out|nov|dez) \d{4}|\d{2}\/\d{2}(\/\d{4})?|\d{4})$/,
      );
    }
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
    const size = manifest.tables.fact_demand_daily.files[0]?.bytes ?? 0;
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
