/**
 * The item and forecast accuracy pages in headless Chromium over a lakehouse the real builder made
 * (one item renamed to an HTML payload) and the real forecasting job (`npm run forecast`) then
 * forecast. Every number checked is computed again by native DuckDB on the same files.
 * Covers the typeahead by keyboard, the URL round trip with back/forward, names rendered as text,
 * the empty state before the first forecast, and saves a screenshot of each page.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tablePaths, type Manifest } from '#schema/manifest.ts';
import type { GoldTableId } from '#schema/tables.ts';
import { startStaticServer, type StaticServer } from '#static-server';
import { launchChromium } from '#support/chromium.ts';
import { BUILDER_CLI, FORECAST_CLI, QUICK_FORECAST_ARGS, runCli } from '#support/run-cli.ts';
import { readManifest } from '../helpers/lakehouse.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import * as native from './helpers/native-forecast.ts';
import { renameItem } from './helpers/rename-item.ts';
import { waitForSettled } from './helpers/page-settled.ts';
import { buildWebApp } from './helpers/web-app.ts';

const LAKEHOUSE = ['--items', '80', '--from', '2024-01-01', '--to', '2024-12-31', '--seed', '17'];
const XSS_NAME = '<img src=x onerror=alert(1)>';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let server: StaticServer;
let browser: BrowserContext;
let page: Page;
let files: native.LakehouseFiles;
let xssItemId = '';
const dialogs: string[] = [];

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

async function builder(out: string): Promise<Manifest> {
  const cli = await runCli(BUILDER_CLI, ['run', '--source', 'mock', '--out', out, ...LAKEHOUSE]);
  if (cli.code !== 0) throw new Error(`builder failed (${cli.code}): ${cli.stderr}`);
  return readManifest(out);
}

beforeAll(async () => {
  temp = await makeTempDir('nova-item-e2e');
  const dataDir = join(temp.dir, 'data');
  const built = await builder(dataDir);
  const [firstItem] = await native.nativeItemIds({
    items: tablePaths(built.tables.dim_item).map((p) => join(dataDir, p)),
    fact: [],
    forecasts: [],
    metrics: [],
  });
  xssItemId = firstItem?.item_id ?? '';
  await renameItem(dataDir, built, xssItemId, XSS_NAME);
  const forecast = await runCli(FORECAST_CLI, ['--out', dataDir, ...QUICK_FORECAST_ARGS]);
  if (forecast.code !== 0) throw new Error(`forecast failed (${forecast.code}): ${forecast.stderr}`);
  const manifest = await readManifest(dataDir);
  const paths = (table: GoldTableId) => tablePaths(manifest.tables[table]).map((p) => join(dataDir, p));
  files = {
    items: paths('dim_item'),
    fact: paths('fact_demand_daily'),
    forecasts: paths('fact_forecasts'),
    metrics: paths('fact_metrics'),
  };
  // The same lakehouse before any forecast, beside it, for the empty state.
  await builder(join(dataDir, 'before-ml'));
  const webDir = join(temp.dir, 'web');
  await buildWebApp(webDir);
  server = await startStaticServer({ roots: [webDir, dataDir], port: 0 });
  browser = await launchChromium(join(temp.dir, 'profile'));
  page = browser.pages()[0] ?? (await browser.newPage());
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await mkdir('test-results', { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await temp?.cleanup();
});

const combobox = () => page.getByRole('combobox', { name: 'Buscar item' });
const shownItem = () => page.locator('h2[data-item]').getAttribute('data-item');

async function openItemPage(hash = '#page=item'): Promise<void> {
  await page.goto(`${server.url}index.html${hash}`);
  await waitForSettled(page);
}

/** Moves the chart's keyboard cursor with `key` and returns the tooltip's period and values. */
async function tooltipAt(key: 'Home' | 'End') {
  await page.locator('[data-chart="item-forecast"] [role="slider"]').focus();
  await page.keyboard.press(key);
  const card = page.locator('[data-chart="item-forecast"] [data-tooltip]');
  await card.waitFor();
  const value = async (series: string) => {
    const cell = card.locator(`[data-series="${series}"]`);
    return (await cell.count()) > 0 ? Number(await cell.getAttribute('data-value')) : undefined;
  };
  const band = card.locator('[data-series="band"]');
  return {
    period: await card.locator('[data-period]').getAttribute('data-period'),
    actual: await value('actual'),
    forecast: await value('forecast'),
    lower: (await band.count()) > 0 ? Number(await band.getAttribute('data-lower')) : undefined,
    upper: (await band.count()) > 0 ? Number(await band.getAttribute('data-upper')) : undefined,
  };
}

describe('item page', () => {
  it('finds items by keyboard: arrows move, Enter opens, Escape closes then clears', async () => {
    await openItemPage();
    const ids = (await native.nativeItemIds(files)).map((r) => r.item_id);
    const prefix = (ids[5] ?? '').slice(0, 7); // e.g. "NC-BAT-": several items share it
    const expected = ids.filter((id) => id.startsWith(prefix)).slice(0, 12);
    expect(expected.length).toBeGreaterThan(2);

    await combobox().focus();
    await page.keyboard.type(prefix.toLowerCase());
    await expect(combobox().getAttribute('aria-expanded')).resolves.toBe('true');
    const options = page.getByRole('option');
    await page.waitForFunction(
      (n) => document.querySelectorAll('[role="option"]').length === n,
      expected.length,
    );
    expect(await options.locator('.id').allTextContents()).toEqual(expected);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    const activeId = await combobox().getAttribute('aria-activedescendant');
    await expect(page.locator(`[id="${activeId}"] .id`).textContent()).resolves.toBe(expected[1]);
    await expect(page.locator(`[id="${activeId}"]`).getAttribute('aria-selected')).resolves.toBe('true');

    await page.keyboard.press('Escape');
    await expect(combobox().getAttribute('aria-expanded')).resolves.toBe('false');
    await page.keyboard.press('Escape');
    await expect(combobox().inputValue()).resolves.toBe('');

    await page.keyboard.type(prefix);
    await page.waitForFunction(
      (n) => document.querySelectorAll('[role="option"]').length === n,
      expected.length,
    );
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => window.location.hash === `#page=item&item=${id}`, expected[1]);
    await waitForSettled(page);
    await expect(shownItem()).resolves.toBe(expected[1]);
  });

  it('shows the attributes, backtest and policy of the item as native DuckDB computes them', async () => {
    const itemId = (await native.nativeWorst(files, 1))[0]?.item_id ?? '';
    await openItemPage(`#page=item&item=${encodeURIComponent(itemId)}`);
    const [item] = await native.nativeItem(files, itemId);
    await expect(page.locator('h2[data-item] .name').textContent()).resolves.toBe(item?.name);
    await expect(page.locator('[data-attribute="supplier"] dd').textContent()).resolves.toBe(item?.supplier);

    const metrics = await native.nativeMetrics(files, itemId);
    const rows = page.locator('[data-table="backtest"] tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-model')))).toEqual(
      metrics.map((m) => m.model),
    );
    const shownMase = await page
      .locator('[data-table="backtest"] [data-metric="mase"]')
      .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
    shownMase.forEach((mase, i) => expect(close(mase, metrics[i]?.mase ?? NaN)).toBe(true));
    const chosen = metrics.find((m) => m.is_selected);
    await expect(
      page.locator('[data-table="backtest"] tr.highlight').getAttribute('data-model'),
    ).resolves.toBe(chosen?.model);
    // The chosen model is the one with the lowest MASE, and the page says so.
    expect(chosen?.model).toBe(metrics[0]?.model);
    await expect(page.locator('[data-why]').textContent()).resolves.toContain(chosen?.model ?? '?');

    const policy = async (key: string) =>
      Number(await page.locator(`[data-policy="${key}"]`).getAttribute('data-value'));
    expect(close(await policy('safety_stock'), chosen?.safety_stock ?? NaN)).toBe(true);
    expect(close(await policy('reorder_point'), chosen?.reorder_point ?? NaN)).toBe(true);
    // Both thresholds are drawn as labelled lines on the chart.
    await expect(page.locator('[data-chart="item-forecast"] [data-rule]').count()).resolves.toBe(2);
    await expect(page.locator('[data-rule="Ponto de pedido"] text').textContent()).resolves.toBe(
      'Ponto de pedido',
    );
  });

  it('draws the weekly forecast with its band, equal to native sums of the selected model', async () => {
    const itemId = (await native.nativeWorst(files, 3))[2]?.item_id ?? '';
    await openItemPage(`#page=item&item=${encodeURIComponent(itemId)}&itemGrain=week`);
    const weeks = await native.nativeWeeklyForecast(files, itemId);
    const last = weeks.at(-1);
    const shown = await tooltipAt('End');
    expect(shown.period).toBe(last?.period);
    expect(close(shown.forecast ?? NaN, last?.yhat ?? NaN)).toBe(true);
    expect(close(shown.lower ?? NaN, last?.lower ?? NaN)).toBe(true);
    expect(close(shown.upper ?? NaN, last?.upper ?? NaN)).toBe(true);
    await expect(page.locator('[data-chart="item-forecast"] path.line').count()).resolves.toBe(2);
  });

  it('switches item in place: the same chart draws the new item with its own forecast', async () => {
    const [a, b] = (await native.nativeWorst(files, 2)).map((row) => row.item_id);
    await openItemPage(`#page=item&item=${encodeURIComponent(a ?? '')}&itemGrain=week`);
    const chart = await page.locator('[data-chart="item-forecast"] path.line').first().elementHandle();
    await page.evaluate((id) => {
      window.location.hash = `#page=item&item=${encodeURIComponent(id)}&itemGrain=week`;
    }, b ?? '');
    await page.waitForSelector(`[data-chart="item-forecast"][data-item="${b}"] svg path.line`);
    // The chart's section says it is busy until the new item's forecast has answered too.
    const section = page.locator('section[aria-labelledby="item-chart-heading"]');
    await expect(section.getAttribute('aria-busy')).resolves.toMatch(/^(true|false)$/);
    await waitForSettled(page);
    await expect(section.getAttribute('aria-busy')).resolves.toBe('false');
    // Updated, not built again: building and measuring a new chart is most of a switch's work.
    await expect(chart?.evaluate((line) => line.isConnected)).resolves.toBe(true);
    const last = (await native.nativeWeeklyForecast(files, b ?? '')).at(-1);
    const shown = await tooltipAt('End');
    expect(shown.period).toBe(last?.period);
    expect(close(shown.forecast ?? NaN, last?.yhat ?? NaN)).toBe(true);
    expect(close(shown.upper ?? NaN, last?.upper ?? NaN)).toBe(true);
  });

  it('switches grain in the URL without a history entry; monthly actuals match the daily fact', async () => {
    const itemId = (await native.nativeItemIds(files))[3]?.item_id ?? '';
    await openItemPage(`#page=item&item=${encodeURIComponent(itemId)}`);
    const historyLength = await page.evaluate(() => window.history.length);
    await page.getByRole('button', { name: 'Mês' }).click();
    await page.waitForFunction(() => window.location.hash.endsWith('&itemGrain=month'));
    await waitForSettled(page);
    await expect(page.evaluate(() => window.history.length)).resolves.toBe(historyLength);
    const months = await native.nativeMonthlyDemand(files, itemId);
    const first = await tooltipAt('Home');
    expect(first.period).toBe(months[0]?.period);
    expect(close(first.actual ?? NaN, months[0]?.units ?? NaN)).toBe(true);
    await page.reload();
    await waitForSettled(page);
    await expect(page.getByRole('button', { name: 'Mês' }).getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
  });

  it('reproduces the view from its link, and back/forward move between items', async () => {
    const [a, b] = (await native.nativeItemIds(files)).slice(10, 12).map((r) => r.item_id);
    await openItemPage(`#page=item&item=${a}`);
    await expect(shownItem()).resolves.toBe(a);
    await combobox().fill(b ?? '');
    await page.waitForFunction((id) => document.querySelector('[role="option"] .id')?.textContent === id, b);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => window.location.hash === `#page=item&item=${id}`, b);
    await waitForSettled(page);
    await expect(shownItem()).resolves.toBe(b);
    await page.goBack();
    await page.waitForFunction(
      (id) => document.querySelector('h2[data-item]')?.getAttribute('data-item') === id,
      a,
    );
    await page.goForward();
    await page.waitForFunction(
      (id) => document.querySelector('h2[data-item]')?.getAttribute('data-item') === id,
      b,
    );
    // A fresh tab on the copied link shows the same item.
    const copy = await browser.newPage();
    try {
      await copy.goto(page.url());
      await waitForSettled(copy);
      await expect(copy.locator('h2[data-item]').getAttribute('data-item')).resolves.toBe(b);
    } finally {
      await copy.close();
    }
  });

  it('renders an item named like HTML as text, in the list and on its page', async () => {
    await openItemPage();
    await combobox().fill('<img src');
    await page.waitForFunction(() => document.querySelector('[role="option"] .name') !== null);
    await expect(page.locator('[role="option"] .name').first().textContent()).resolves.toBe(XSS_NAME);
    await page.keyboard.press('Enter');
    await waitForSettled(page);
    await expect(shownItem()).resolves.toBe(xssItemId);
    await expect(page.locator('h2[data-item] .name').textContent()).resolves.toBe(XSS_NAME);
    await expect(page.locator('main img').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: 'test-results/item-xss.png', fullPage: true });
  });

  it('is readable on a projector: a screenshot of the item page', async () => {
    const itemId = (await native.nativeWorst(files, 1))[0]?.item_id ?? '';
    await openItemPage(`#page=item&item=${encodeURIComponent(itemId)}`);
    await page.locator('[data-chart="item-forecast"] [role="slider"]').focus();
    await page.keyboard.press('End');
    const tickSize = await page
      .locator('[data-chart="item-forecast"] .x-axis')
      .evaluate((axis) => parseFloat(getComputedStyle(axis).fontSize));
    expect(tickSize).toBeGreaterThanOrEqual(14);
    await page.screenshot({ path: 'test-results/item-page.png', fullPage: true });
  });
});

describe('forecast accuracy page', () => {
  it('ranks models by class like native DuckDB, best mean MASE first', async () => {
    await page.goto(`${server.url}index.html#page=accuracy`);
    await waitForSettled(page);
    const want = await native.nativeLeaderboard(files);
    const shown = await page.locator('[data-table="leaderboard"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        demand_class: tr.closest('[data-class]')?.getAttribute('data-class'),
        model: tr.getAttribute('data-model'),
        mean_mase: Number(tr.querySelector('[data-metric="mean_mase"]')?.getAttribute('data-value')),
        selected_items: Number(
          tr.querySelector('[data-metric="selected_items"]')?.getAttribute('data-value'),
        ),
      })),
    );
    expect(shown).toHaveLength(want.length);
    for (const w of want) {
      const row = shown.find((s) => s.demand_class === (w.demand_class ?? 'all') && s.model === w.model);
      expect(row, `${w.demand_class} ${w.model}`).toBeDefined();
      expect(close(row?.mean_mase ?? NaN, w.mean_mase)).toBe(true);
      expect(row?.selected_items).toBe(w.selected_items);
    }
    for (const group of new Set(shown.map((s) => s.demand_class))) {
      const mase = shown.filter((s) => s.demand_class === group).map((s) => s.mean_mase);
      expect(mase).toEqual([...mase].sort((x, y) => x - y));
    }
  });

  it('spreads the selected models’ MASE over bins as native DuckDB counts them', async () => {
    const bins = await native.nativeMaseBins(files, 0.1, 31);
    const bars = await page
      .locator('[data-chart="mase-histogram"] rect[data-bar]')
      .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height')) > 0));
    expect(bars).toHaveLength(31);
    expect(bars.flatMap((nonEmpty, bin) => (nonEmpty ? [bin] : []))).toEqual(bins.map((b) => b.bin));
    const total = Number(await page.locator('[data-total]').getAttribute('data-total'));
    expect(total).toBe(bins.reduce((sum, b) => sum + b.items, 0));
    await page.screenshot({ path: 'test-results/accuracy-page.png', fullPage: true });
  });

  it('lists the worst items with links that open their item page', async () => {
    const worst = await native.nativeWorst(files, 15);
    const ids = await page
      .locator('[data-table="worst-items"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-item')));
    expect(ids).toEqual(worst.map((w) => w.item_id));
    const link = page.locator('[data-table="worst-items"] tbody a').first();
    await expect(link.getAttribute('href')).resolves.toBe(`#page=item&item=${worst[0]?.item_id}`);
    await link.click();
    await waitForSettled(page);
    await expect(shownItem()).resolves.toBe(worst[0]?.item_id);
    await page.goBack();
    await page.waitForSelector('[data-table="worst-items"]');
  });
});

describe('before the first forecast', () => {
  it('says the forecasts are not computed yet, on both pages', async () => {
    const data = encodeURIComponent(`${server.url}before-ml/`);
    await page.goto(`${server.url}index.html?data=${data}#page=accuracy`);
    await waitForSettled(page);
    await expect(page.locator('[data-state="no-metrics"]').textContent()).resolves.toContain(
      'previsões ainda não calculadas',
    );
    const itemId = (await native.nativeItemIds(files))[20]?.item_id ?? '';
    await page.goto(`${server.url}index.html?data=${data}#page=item&item=${itemId}`);
    await waitForSettled(page);
    await expect(page.locator('[data-state="no-forecasts"]').textContent()).resolves.toContain(
      'previsões ainda não calculadas',
    );
    await expect(page.locator('[data-chart="item-forecast"] path.line').count()).resolves.toBeGreaterThan(0);
  });
});
