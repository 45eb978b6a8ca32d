/**
 * The overview on a monthly lakehouse: the real builder CLI loads the shipped monthly ERP export
 * (builder/samples/erp-export-monthly, `"grain": "month"`), so only fact_demand_monthly holds
 * demand and the daily, weekly and per-category tables are empty. In headless Chromium the page
 * offers the month grain only, draws the six months, lists the top items, and its KPIs equal the
 * manifest and native DuckDB's answer from the monthly fact, with a category filter and with a
 * date range that cuts months (widened to whole months, and said so).
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStringList } from '#schema/literal.ts';
import type { Manifest } from '#schema/manifest.ts';
import { startStaticServer, type StaticServer } from '#static-server';
import { launchChromium } from '#support/chromium.ts';
import { openNodeDb } from '#support/node-db.ts';
import { BUILDER_CLI, runCli } from '#support/run-cli.ts';
import { readManifest, tableFiles } from '../helpers/lakehouse.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { elementsWiderThanParent, pageScrollsSideways } from './layout-checks.ts';
import { buildWebApp } from './helpers/web-app.ts';

const MONTHLY = 'builder/samples/erp-export-monthly';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let server: StaticServer;
let browser: BrowserContext;
let page: Page;
let manifest: Manifest;
let dataDir = '';

interface Kpis {
  demand_value_brl: number;
  active_items: number;
  item_count: number;
}

/** The test's own reading of the KPIs: the monthly fact priced by dim_item, whole months in range. */
async function nativeKpis(filter: { category?: string; from?: string; to?: string } = {}): Promise<Kpis> {
  const files = (table: 'fact_demand_monthly' | 'dim_item') =>
    sqlStringList(tableFiles(dataDir, manifest, table));
  const db = await openNodeDb({});
  try {
    const [row] = await db.query<Kpis>(
      `
      WITH i AS (SELECT item_key, unit_cost_brl FROM read_parquet(${files('dim_item')})
                 WHERE CAST($1 AS VARCHAR) IS NULL OR category = CAST($1 AS VARCHAR)),
           m AS (SELECT f.item_key, f.demand, f.demand * i.unit_cost_brl AS value_brl
                 FROM read_parquet(${files('fact_demand_monthly')}) AS f JOIN i USING (item_key)
                 WHERE (CAST($2 AS DATE) IS NULL OR f.month_start >= CAST($2 AS DATE))
                   AND (CAST($3 AS DATE) IS NULL OR f.month_start <= CAST($3 AS DATE)))
      SELECT (SELECT round(coalesce(sum(value_brl), 0), 2) FROM m) AS demand_value_brl,
             (SELECT count(*) FROM (SELECT item_key FROM m GROUP BY item_key HAVING sum(demand) > 0)) AS active_items,
             (SELECT count(*) FROM i) AS item_count`,
      [filter.category ?? null, filter.from ?? null, filter.to ?? null],
    );
    if (!row) throw new Error('no native KPIs');
    return row;
  } finally {
    db.close();
  }
}

async function openView(hash: string, expected: Kpis): Promise<void> {
  await page.goto(`${server.url}index.html${hash}`);
  await page.waitForFunction(
    (want) =>
      Object.entries(want).every(([key, value]) => {
        const card = document.querySelector(`[data-kpi="${key}"][data-source="duckdb"]`);
        return card !== null && Math.abs(Number(card.getAttribute('data-value')) - value) < 0.01;
      }),
    expected as unknown as Record<string, number>,
    { timeout: 60_000 },
  );
}

beforeAll(async () => {
  temp = await makeTempDir('nova-monthly-e2e');
  dataDir = join(temp.dir, 'data');
  const cli = await runCli(BUILDER_CLI, [
    ...['run', '--out', dataDir, '--source', 'file', '--input', `${MONTHLY}/consumo_mensal_2025S1.csv`],
    ...['--item-master', 'builder/samples/erp-export/itens.csv', '--mapping', `${MONTHLY}/mapping.json`],
  ]);
  if (cli.code !== 0) throw new Error(`builder failed (${cli.code}): ${cli.stderr}`);
  manifest = await readManifest(dataDir);
  const webDir = join(temp.dir, 'web');
  await buildWebApp(webDir);
  server = await startStaticServer({ roots: [webDir, dataDir], port: 0 });
  browser = await launchChromium(join(temp.dir, 'profile'));
  page = browser.pages()[0] ?? (await browser.newPage());
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await temp?.cleanup();
});

describe('overview on a monthly ERP export', () => {
  it('is a lakehouse of months only', () => {
    expect(manifest.grains).toEqual(['month']);
    expect(manifest.tables.agg_category_daily.rows).toBe(0);
    expect(manifest.tables.fact_demand_daily.rows).toBe(0);
  });

  it('shows KPIs from the monthly fact, equal to the manifest and to native DuckDB', async () => {
    const native = await nativeKpis();
    const { summary } = manifest;
    expect(native.demand_value_brl).toBeGreaterThan(0);
    expect(Math.abs(summary.demand_value_brl - native.demand_value_brl)).toBeLessThan(0.01);
    expect([summary.active_items, summary.item_count]).toEqual([native.active_items, native.item_count]);
    await openView('', native);
    await expect(page.locator('[data-kpi="actuals_through"]').getAttribute('data-value')).resolves.toBe(
      '2025-06-30',
    );
  });

  it('offers the month grain only, even when a link asks for weeks, and draws the six months', async () => {
    const native = await nativeKpis();
    await openView('#grain=week', native);
    const buttons = page.locator('[role="group"] button[aria-pressed]');
    await expect(buttons.allTextContents()).resolves.toEqual(['Mensal']);
    await expect(buttons.first().getAttribute('aria-pressed')).resolves.toBe('true');
    const chart = page.locator('[data-chart="demand-trend"]');
    await expect(chart.getAttribute('data-grain')).resolves.toBe('month');
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-chart="demand-trend"] svg path.line')?.getAttribute('d') ?? '').split(
          'L',
        ).length === 6,
      undefined,
      { timeout: 30_000 },
    );
    await expect(chart.getAttribute('data-partial-dropped')).resolves.toBe('0');
    const rows = page.locator('[data-table="top-items"] tbody tr');
    await rows.first().waitFor({ timeout: 30_000 });
    // Fewer than ten items moved: the list holds every one of them.
    expect(native.active_items).toBeLessThan(10);
    await expect(rows.count()).resolves.toBe(native.active_items);
  });

  it('follows a category and a range that cuts months, widened to whole months and said so', async () => {
    const category = await cableCategory();
    const cases = [
      { hash: `#category=${encodeURIComponent(category)}`, filter: { category } },
      // Feb 10 to Apr 15: February to April, whole.
      { hash: '#from=2025-02-10&to=2025-04-15', filter: { from: '2025-02-01', to: '2025-04-30' } },
    ];
    for (const { hash, filter } of cases) {
      const native = await nativeKpis(filter);
      expect(native.demand_value_brl).toBeLessThan((await nativeKpis()).demand_value_brl);
      await openView(hash, native);
    }
    const note = (await page.locator('[data-note="whole-periods"]').textContent()) ?? '';
    expect(note).toContain('meses inteiros');
    expect(note).toContain('01/02/2025');
    expect(note).toContain('30/04/2025');
  });

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await openView('#from=2025-02-10', await nativeKpis({ from: '2025-02-01' }));
      const { scrollWidth, clientWidth } = await pageScrollsSideways(page);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      expect(await elementsWiderThanParent(page)).toEqual([]);
      await page.screenshot({ path: 'test-results/overview-monthly-phone.png', fullPage: true });
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

async function cableCategory(): Promise<string> {
  const db = await openNodeDb({});
  try {
    const [row] = await db.query<{ category: string }>(
      `SELECT category FROM read_parquet(${sqlStringList(tableFiles(dataDir, manifest, 'dim_item'))})
       WHERE item_id = 'CAB-COAX12'`,
    );
    if (!row) throw new Error('CAB-COAX12 is not in dim_item');
    return row.category;
  } finally {
    db.close();
  }
}
