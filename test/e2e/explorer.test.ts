/**
 * The SQL explorer in headless Chromium over a lakehouse built by the real builder CLI, every
 * number checked against native DuckDB on the same Parquet files: a typed query run with
 * Ctrl+Enter, DuckDB's error inline, cancelling a query that would run for hours, the CSV and
 * Parquet downloads read back by native DuckDB, a shared link and back/forward, `window.nova`, and
 * how smoothly 146k rows scroll (the longest frame is printed; speed is never asserted here).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlString } from '#schema/literal.ts';
import { isManifest, type Manifest } from '#schema/manifest.ts';
import { goldTableIds, goldTables } from '#schema/tables.ts';
import { startStaticServer, type StaticServer } from '#static-server';
import { launchChromium } from '#support/chromium.ts';
import { openNodeDb, type GoldFiles, type NodeDb } from '#support/node-db.ts';
import { BUILDER_CLI, runCli } from '#support/run-cli.ts';
import { tableFiles } from '../helpers/lakehouse.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { TRICKY_COLUMNS, TRICKY_SQL } from '../web/helpers/tricky-values.ts';
import {
  downloadFrom,
  editorText,
  openExplorer,
  RESULT,
  runQuery,
  SUMMARY,
  waitForRun,
} from './helpers/explorer-page.ts';
import { frameStats, mainThreadDuring, scrollEveryFrame } from '#support/scroll-frames.ts';
import { buildWebApp } from './helpers/web-app.ts';

// 400 items x 1 year: 146,400 daily fact rows, enough for the 100k-row scroll.
const LAKEHOUSE = ['--items', '400', '--from', '2024-01-01', '--to', '2024-12-31', '--seed', '7'];
const FACT_SQL = 'SELECT * FROM fact_demand_daily ORDER BY item_key, date';
const JOINED_SQL = `SELECT f.date, i.item_id, i.name, i.category, f.demand, f.orders
FROM fact_demand_daily AS f JOIN dim_item AS i ON i.item_key = f.item_key
WHERE f.demand > 3
ORDER BY f.item_key, f.date`;

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let server: StaticServer;
let browser: BrowserContext;
let page: Page;
let native: NodeDb;
let downloads = '';

beforeAll(async () => {
  temp = await makeTempDir('nova-explorer');
  const dataDir = join(temp.dir, 'data');
  const cli = await runCli(BUILDER_CLI, ['run', '--source', 'mock', '--out', dataDir, ...LAKEHOUSE]);
  if (cli.code !== 0) throw new Error(`builder failed (${cli.code}): ${cli.stderr}`);
  const parsed: unknown = JSON.parse(await readFile(join(dataDir, 'gold/manifest.json'), 'utf8'));
  if (!isManifest(parsed)) throw new Error('builder wrote an invalid manifest');
  const manifest: Manifest = parsed;
  const files: GoldFiles = Object.fromEntries(
    goldTableIds
      .map((id) => [id, tableFiles(dataDir, manifest, id)] as const)
      .filter(([, paths]) => paths.length > 0),
  );
  native = await openNodeDb(files);
  downloads = join(temp.dir, 'downloads');
  await mkdir(downloads);
  const webDir = join(temp.dir, 'web');
  await buildWebApp(webDir);
  server = await startStaticServer({ roots: [webDir, dataDir], port: 0 });
  browser = await launchChromium(join(temp.dir, 'profile'));
  page = browser.pages()[0] ?? (await browser.newPage());
  await openExplorer(page, server.url);
});

afterAll(async () => {
  native?.close();
  await browser?.close();
  await server?.close();
  await temp?.cleanup();
});

const nativeCount = async (sql: string) =>
  (await native.query<{ n: number }>(`SELECT count(*) AS n FROM (${sql})`))[0]?.n;

describe('SQL explorer in headless Chromium', () => {
  it('runs a typed query on Ctrl+Enter and counts the rows native DuckDB counts', async () => {
    const typed =
      "SELECT item_id, date, demand FROM fact_demand_daily WHERE demand > 5 AND item_id >= 'NC-C'";
    const outcome = await runQuery(page, typed, 'type');
    expect(await editorText(page)).toBe(typed);
    expect(outcome).toEqual({ status: 'done', rowCount: await nativeCount(typed), error: undefined });
    expect(outcome.rowCount).toBeGreaterThan(0);
    const summary = (await page.locator(SUMMARY).textContent())?.replace(/\s+/g, ' ').trim();
    expect(summary).toMatch(/^[\d.]+ linhas · 3 colunas · [\d.]+ ms$/);
    expect(new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)).get('sql')).toBe(typed);
  });

  it('shows the first rows of the result as text, in result order', async () => {
    const outcome = await runQuery(page, JOINED_SQL);
    expect(outcome.rowCount).toBe(await nativeCount(JOINED_SQL));
    const expected = await native.query<Record<string, unknown>>(`${JOINED_SQL} LIMIT 3`);
    const shown = await page
      .locator(`${RESULT} [role="row"][data-row]`)
      .evaluateAll((rows) =>
        rows
          .slice(0, 3)
          .map((row) => Array.from(row.querySelectorAll('[role="cell"]'), (cell) => cell.textContent)),
      );
    expect(shown).toEqual(
      expected.map((row, i) => [
        String(i + 1),
        ...Object.values(row).map((v) => String(v).replace('.', ',')),
      ]),
    );
  });

  it("shows DuckDB's error inline, with its message", async () => {
    const outcome = await runQuery(page, 'SELECT no_such_column FROM dim_item');
    expect(outcome.status).toBe('error');
    expect(outcome.error).toMatch(/no_such_column/);
    await expect(native.query('SELECT no_such_column FROM dim_item')).rejects.toThrow(/no_such_column/);
    await expect(page.locator('[role="alert"]').first().textContent()).resolves.toContain('O DuckDB recusou');
  });

  it('cancels a query that would run for hours, and the engine answers the next one', async () => {
    // A trillion rows in cheap chunks. (DuckDB checks for a cancel between chunks, so a statement
    // whose single chunk takes minutes, such as a huge CROSS JOIN, stops only once that chunk ends.)
    const endless = 'SELECT sum(range % 7) AS s FROM range(1000000000000)';
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(endless);
    const before = Number(await page.locator(SUMMARY).getAttribute('data-run'));
    await page.getByRole('button', { name: /Executar/ }).click();
    await page.waitForSelector(`${SUMMARY}[data-status="running"]`);
    await page.waitForTimeout(1500);
    const clicked = Date.now();
    await page.getByRole('button', { name: 'Cancelar' }).click();
    const outcome = await waitForRun(page, before, 60_000);
    expect(outcome.status).toBe('cancelled');
    console.info(`explorer: cancel took ${Date.now() - clicked} ms from the click to "cancelled"`);
    await expect(page.locator('[data-state="cancelled"]').textContent()).resolves.toBe('Consulta cancelada.');
    await expect(runQuery(page, 'SELECT 42 AS answer')).resolves.toMatchObject({
      status: 'done',
      rowCount: 1,
    });
  });

  it('exports every row as CSV that native DuckDB reads back as the same rows', async () => {
    const outcome = await runQuery(page, JOINED_SQL);
    const path = join(downloads, 'joined.csv');
    expect(await downloadFrom(page, 'Exportar CSV', path)).toMatch(/^nova-consulta-.*\.csv$/);
    const csv = await readFile(path, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('date,item_id,name,category,demand,orders');
    const readBack = await native.query(`SELECT * FROM read_csv(${sqlString(path)}, header = true)`);
    expect(readBack.length).toBe(outcome.rowCount);
    expect(readBack).toEqual(await native.query(JOINED_SQL));
  });

  it('exports quotes, line breaks, blanks and NULL so they survive the round trip', async () => {
    await runQuery(page, TRICKY_SQL);
    const path = join(downloads, 'tricky.csv');
    await downloadFrom(page, 'Exportar CSV', path);
    const columns = Object.entries(TRICKY_COLUMNS)
      .map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`)
      .join(', ');
    const readBack = await native.query(
      `SELECT * FROM read_csv(${sqlString(path)}, header = true, allow_quoted_nulls = false, columns = {${columns}}) ORDER BY id`,
    );
    expect(readBack).toEqual(await native.query(TRICKY_SQL));
    // The markup in a value stays text on screen.
    await expect(
      page.locator(`${RESULT} [role="cell"]`, { hasText: '<img src=x onerror=alert(1)>' }).count(),
    ).resolves.toBe(1);
    await expect(page.locator(`${RESULT} img`).count()).resolves.toBe(0);
  });

  it('exports Parquet that native DuckDB reads with the gold types and every row', async () => {
    await runQuery(page, FACT_SQL);
    const path = join(downloads, 'fact.parquet');
    expect(await downloadFrom(page, 'Exportar Parquet', path)).toMatch(/\.parquet$/);
    const source = `read_parquet(${sqlString(path)})`;
    const types = await native.query<{ column_name: string; column_type: string }>(
      `DESCRIBE SELECT * FROM ${source}`,
    );
    expect(types.map((t) => [t.column_name, t.column_type])).toEqual(
      goldTables.fact_demand_daily.map((c) => [c.name, c.type]),
    );
    const diff = await native.query<{ n: number }>(
      `SELECT count(*) AS n FROM ((SELECT * FROM ${source} EXCEPT ALL ${FACT_SQL.replace(/ ORDER BY.*/, '')})
       UNION ALL (${FACT_SQL.replace(/ ORDER BY.*/, '')} EXCEPT ALL SELECT * FROM ${source}))`,
    );
    expect(diff).toEqual([{ n: 0 }]);
    await expect(native.query(`SELECT count(*) AS n FROM ${source}`)).resolves.toEqual([
      { n: await nativeCount(FACT_SQL) },
    ]);
  });

  it('reproduces a query from a link, and steps through runs with back and forward', async () => {
    const other = await browser.newPage();
    try {
      const linked =
        "SELECT category, count(*) AS items FROM dim_item WHERE category <> 'x' GROUP BY category";
      const outcome = await openExplorer(other, server.url, linked);
      expect(outcome).toEqual({ status: 'done', rowCount: await nativeCount(linked), error: undefined });
      expect(await editorText(other)).toBe(linked);

      const second = 'SELECT count(*) AS n FROM dim_item';
      await runQuery(other, second);
      const before = Number(await other.locator(SUMMARY).getAttribute('data-run'));
      await other.goBack();
      await expect(waitForRun(other, before)).resolves.toMatchObject({ rowCount: await nativeCount(linked) });
      expect(await editorText(other)).toBe(linked);
      await other.goForward();
      await expect(waitForRun(other, before + 1)).resolves.toMatchObject({ rowCount: 1 });
      expect(await editorText(other)).toBe(second);
    } finally {
      await other.close();
    }
  });

  it('answers the console API like native DuckDB', async () => {
    const query =
      'SELECT item_id, name FROM dim_item WHERE category = ? AND lead_time_days >= ? ORDER BY item_id';
    const params = ['battery', 10];
    const rows = await page.evaluate(([q, p]) => window.nova.sql(q, p), [query, params] as const);
    expect(rows).toEqual(await native.query(query, params));
    expect(rows.length).toBeGreaterThan(0);
    const tables = await page.evaluate(() => window.nova.tables());
    expect(tables.map((t) => t.table)).toEqual(goldTableIds);
    const fact = tables.find((t) => t.table === 'fact_demand_daily');
    expect(fact?.rows).toBe(await nativeCount('SELECT * FROM fact_demand_daily'));
    const columns = await page.evaluate(() => window.nova.describe('fact_demand_daily'));
    expect(columns.map((c) => [c.column_name, c.column_type])).toEqual(
      goldTables.fact_demand_daily.map((c) => [c.name, c.type]),
    );
    await expect(page.evaluate(() => window.nova.help())).resolves.toContain('nova.sql');
    await expect(page.evaluate(() => window.nova.sql('SELECT ? AS v', [{}] as never))).rejects.toThrow(
      /parameter 1/,
    );
  });

  it('scrolls 146k rows with a small DOM, reaches the last row, and records the frame times', async () => {
    const outcome = await runQuery(page, FACT_SQL);
    const rowCount = outcome.rowCount ?? 0;
    expect(rowCount).toBeGreaterThan(100_000);
    await page.screenshot({ path: 'test-results/explorer.png' });

    const rendered = () => page.locator(`${RESULT} [role="row"][data-row]`).count();
    expect(await rendered()).toBeLessThan(80);
    const { result: scroll, mainThread } = await mainThreadDuring(page, () =>
      page.evaluate(scrollEveryFrame, { selector: RESULT, pxPerFrame: 900, maxFrames: 300 }),
    );
    const stats = frameStats(scroll.frames);
    expect(await rendered()).toBeLessThan(80);

    // The keyboard scrolls it too: Home back to the first row, End to the last.
    await page.locator(RESULT).focus();
    await page.keyboard.press('Home');
    await page.waitForSelector(`${RESULT} [role="row"][data-row="0"]`);
    await page.keyboard.press('End');
    await page.waitForSelector(`${RESULT} [role="row"][data-row="${rowCount - 1}"]`);
    const lastCells = await page
      .locator(`${RESULT} [role="row"][data-row="${rowCount - 1}"] [role="cell"]`)
      .allTextContents();
    const [nativeLast] = await native.query<Record<string, unknown>>(`${FACT_SQL} OFFSET ${rowCount - 1}`);
    expect(lastCells).toEqual([
      String(rowCount),
      ...Object.values(nativeLast ?? {}).map((v) => String(v).replace('.', ',')),
    ]);

    const perFrame = (ms: number) => Number((ms / Math.max(1, stats.frames)).toFixed(2));
    const mainThreadPerFrameMs = {
      task: perFrame(mainThread.task),
      script: perFrame(mainThread.script),
      layout: perFrame(mainThread.layout),
      style: perFrame(mainThread.style),
    };
    const loadAverage = (await readFile('/proc/loadavg', 'utf8').catch(() => ''))
      .split(' ')
      .slice(0, 3)
      .join(' ');
    const report = {
      rows: rowCount,
      scrolledPx: scroll.scrolledPx,
      pxPerFrame: 900,
      ...stats,
      mainThreadPerFrameMs,
      loadAverage,
    };
    await mkdir('test-results', { recursive: true });
    await writeFile('test-results/explorer-scroll.json', `${JSON.stringify(report, null, 2)}\n`);
    console.info(
      `explorer scroll: ${rowCount} rows, ${stats.frames} frames at 900 px/frame; longest frame ` +
        `${stats.longestMs.toFixed(1)} ms, p95 ${stats.p95Ms.toFixed(1)} ms, median ${stats.medianMs.toFixed(1)} ms, ` +
        `${stats.overBudget} frames over 16.7 ms; main thread per frame ${JSON.stringify(mainThreadPerFrameMs)} ms; ` +
        `load average ${loadAverage}`,
    );
  });
});
