/**
 * The overview once forecasts exist: a lakehouse from the real builder CLI with forecast tables
 * written beside it (helpers/forecast-fixture.ts), served by the static server to headless
 * Chromium. Items at stock-out risk and the median MASE of the selected models equal native
 * DuckDB's answer on the same files, with and without a category filter; the forecast band
 * continues the trend and its tooltip says it is a forecast; the freshness line names the
 * forecast's time.
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
import { writeForecastFixture } from './helpers/forecast-fixture.ts';
import { buildWebApp } from './helpers/web-app.ts';

const LAKEHOUSE = ['--items', '80', '--from', '2024-01-01', '--to', '2024-06-30', '--seed', '3'];

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let server: StaticServer;
let browser: BrowserContext;
let page: Page;
let manifest: Manifest;
let dataDir = '';

/** The test's own reading of the two KPIs: selected rows, yhat over each item's lead time. */
async function nativeForecastKpis(category: string | null) {
  const files = (table: 'fact_forecasts' | 'fact_metrics' | 'dim_item') =>
    sqlStringList(tableFiles(dataDir, manifest, table));
  const db = await openNodeDb({});
  try {
    const [row] = await db.query<{ risk: number; mase: number }>(
      `
      WITH i AS (SELECT item_id, lead_time_days FROM read_parquet(${files('dim_item')})
                 WHERE CAST($1 AS VARCHAR) IS NULL OR category = CAST($1 AS VARCHAR)),
           s AS (SELECT item_id, model, mase, reorder_point FROM read_parquet(${files('fact_metrics')})
                 WHERE is_selected AND item_id IN (SELECT item_id FROM i)),
           lead AS (SELECT f.item_id, sum(f.yhat) AS demand
                    FROM read_parquet(${files('fact_forecasts')}) AS f
                    JOIN s USING (item_id, model) JOIN i USING (item_id)
                    WHERE f.horizon_days <= i.lead_time_days GROUP BY f.item_id)
      SELECT (SELECT count(*) FROM lead JOIN s USING (item_id) WHERE lead.demand > s.reorder_point) AS risk,
             (SELECT quantile_cont(mase, 0.5) FROM s) AS mase`,
      [category],
    );
    if (!row) throw new Error('no native forecast KPIs');
    return row;
  } finally {
    db.close();
  }
}

async function shownKpis(hash: string, expected: { risk: number; mase: number }) {
  await page.goto(`${server.url}index.html${hash}`);
  await page.waitForFunction(
    (want) => {
      const value = (key: string) => {
        const card = document.querySelector(`[data-kpi="${key}"][data-source="duckdb"]`);
        return card ? Number(card.getAttribute('data-value')) : NaN;
      };
      return value('stockout_risk_items') === want.risk && Math.abs(value('median_mase') - want.mase) < 1e-9;
    },
    expected,
    { timeout: 60_000 },
  );
}

beforeAll(async () => {
  temp = await makeTempDir('nova-forecast-e2e');
  dataDir = join(temp.dir, 'data');
  const cli = await runCli(BUILDER_CLI, ['run', '--source', 'mock', '--out', dataDir, ...LAKEHOUSE]);
  if (cli.code !== 0) throw new Error(`builder failed (${cli.code}): ${cli.stderr}`);
  manifest = await writeForecastFixture(dataDir, await readManifest(dataDir));
  const webDir = join(temp.dir, 'web');
  await buildWebApp(webDir);
  server = await startStaticServer({ roots: [webDir, dataDir], port: 0 });
  browser = await launchChromium(join(temp.dir, 'profile'));
  page = browser.pages()[0] ?? (await browser.newPage());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await temp?.cleanup();
});

describe('overview with forecasts', () => {
  it('counts items at stock-out risk and the median MASE like native DuckDB, with and without a filter', async () => {
    for (const category of [null, 'battery', 'cable']) {
      const expected = await nativeForecastKpis(category);
      // The fixture puts every third item at risk: a filter that changed nothing would not show.
      if (category === null) expect(expected.risk).toBeGreaterThan(0);
      await shownKpis(category ? `#category=${category}` : '', expected);
    }
  });

  it('continues the weekly trend with the forecast band, and its tooltip says so', async () => {
    await page.goto(`${server.url}index.html`);
    const chart = page.locator('[data-chart="demand-trend"]');
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-chart="demand-trend"]')?.getAttribute('data-forecast-periods')) >
        0,
      undefined,
      { timeout: 60_000 },
    );
    await expect(page.locator('.legend').textContent()).resolves.toContain('Intervalo de 80 %');
    const box = await chart.boundingBox();
    if (!box) throw new Error('the trend chart has no box');
    await page.mouse.move(box.x + box.width * 0.92, box.y + box.height / 2);
    await expect(page.locator('[data-tooltip]').textContent()).resolves.toMatch(/previsão.*intervalo 80 %/s);
    await page.screenshot({ path: 'test-results/overview-forecast.png', fullPage: true });
  });

  it('names the time of the forecast beside the actuals', async () => {
    const asOf = page.locator('[data-kpi="forecast_as_of"]');
    await asOf.waitFor({ timeout: 30_000 });
    await expect(asOf.textContent()).resolves.toContain('02/01/2025');
  });

  it('draws no band when the range ends before the actuals do', async () => {
    await page.goto(`${server.url}index.html#to=2024-05-31`);
    await page.locator('[data-chart="demand-trend"] svg path.line').first().waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      () => document.querySelector('[data-chart="demand-trend"] [aria-busy="true"]') === null,
    );
    await expect(page.locator('[data-chart="demand-trend"] .band').count()).resolves.toBe(0);
  });
});
