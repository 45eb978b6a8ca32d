/**
 * `npm run forecast` on a small built lakehouse, as a user runs it: a new build whose ML tables
 * are filled, keyed and sorted like the fact, with one selected model per item, and the same
 * dimension and fact files as the build it read; then the same against a real S3-compatible server.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelNames, sqlStringList, type Manifest } from '#schema';
import { BUILDER_CLI, FORECAST_CLI, QUICK_FORECAST_ARGS, runCli } from '#support/run-cli.ts';
import { startS3Server, type S3TestServer } from '#support/s3-server.ts';
import { openTestConnection } from '../helpers/duckdb.ts';
import { expectManifestIntact, tableFiles } from '../helpers/lakehouse.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const WINDOW = ['--items', '12', '--from', '2025-01-01', '--to', '2025-12-31', '--seed', '9'];
const MODELS = [...QUICK_FORECAST_ARGS, '--workers', '2'];

async function checkMlTables(
  db: Awaited<ReturnType<typeof openTestConnection>>,
  dir: string,
  manifest: Manifest,
) {
  const files = (table: 'dim_item' | 'fact_forecasts' | 'fact_metrics' | 'agg_forecast_category') =>
    sqlStringList(tableFiles(dir, manifest, table));
  const [counts] = await db.rows<{
    items: number;
    selected_items: number;
    selected: number;
    forecast_items: number;
    unjoined: number;
  }>(`
    SELECT
      (SELECT count(*) FROM read_parquet(${files('dim_item')})) AS items,
      (SELECT count(DISTINCT item_id) FROM read_parquet(${files('fact_metrics')}) WHERE is_selected) AS selected_items,
      (SELECT count(*) FROM read_parquet(${files('fact_metrics')}) WHERE is_selected) AS selected,
      (SELECT count(DISTINCT item_id) FROM read_parquet(${files('fact_forecasts')})) AS forecast_items,
      (SELECT count(*) FROM read_parquet(${files('fact_metrics')}) AS m
        LEFT JOIN read_parquet(${files('dim_item')}) AS d ON d.item_key = m.item_key AND d.item_id = m.item_id
        WHERE d.item_id IS NULL) AS unjoined`);
  expect(Number(counts?.items)).toBe(12);
  expect(Number(counts?.selected_items)).toBe(12);
  expect(Number(counts?.selected)).toBe(12);
  expect(Number(counts?.forecast_items)).toBe(12);
  expect(Number(counts?.unjoined)).toBe(0);
  // 90 days per item from the day after the last actual, every band around its forecast.
  const [shape] = await db.rows<{ rows: number; bad_band: number; first: string; horizons: number }>(`
    SELECT count(*) AS rows, count(*) FILTER (WHERE NOT (yhat_lower <= yhat AND yhat <= yhat_upper AND yhat_lower >= 0)) AS bad_band,
      CAST(min(date) AS VARCHAR) AS first, count(DISTINCT horizon_days) AS horizons
    FROM read_parquet(${files('fact_forecasts')})`);
  expect(Number(shape?.rows)).toBe(12 * 90);
  expect(Number(shape?.bad_band)).toBe(0);
  expect(shape?.first).toBe('2026-01-01');
  expect(Number(shape?.horizons)).toBe(90);
  // Sorted by item_key, as the fact is.
  for (const table of ['fact_forecasts', 'fact_metrics'] as const) {
    const [order] = await db.rows<{ unsorted: number }>(`
      SELECT count(*) FILTER (WHERE item_key < previous) AS unsorted FROM (
        SELECT item_key, lag(item_key) OVER () AS previous FROM read_parquet(${files(table)}))`);
    expect(Number(order?.unsorted)).toBe(0);
  }
  const models = await db.rows<{ model: string }>(
    `SELECT DISTINCT model FROM read_parquet(${files('fact_metrics')}) ORDER BY model`,
  );
  expect(models.map((row) => row.model)).toEqual(['croston', 'sba', 'seasonal_naive', 'tsb']);
  for (const row of models) expect(modelNames).toContain(row.model);
  const [policy] = await db.rows<{ missing: number }>(`
    SELECT count(*) FILTER (WHERE safety_stock IS NULL OR reorder_point < safety_stock OR service_level <> 0.95) AS missing
    FROM read_parquet(${files('fact_metrics')}) WHERE is_selected`);
  expect(Number(policy?.missing)).toBe(0);
  // lead_time_demand, recomputed from the forecast rows and this build's lead times: the selected
  // model's forecast over horizons 1 … lead_time_days (one origin per run), on no other row.
  const [lead] = await db.rows<{ selected: number; agree: number; others: number }>(`
    WITH want AS (
      SELECT f.item_key, f.model, sum(f.yhat) AS demand
      FROM read_parquet(${files('fact_forecasts')}) AS f
      JOIN read_parquet(${files('dim_item')}) AS i ON i.item_key = f.item_key
      WHERE f.horizon_days BETWEEN 1 AND i.lead_time_days
      GROUP BY f.item_key, f.model)
    SELECT count(*) FILTER (WHERE m.is_selected) AS selected,
      count(*) FILTER (WHERE m.is_selected AND abs(m.lead_time_demand - w.demand) <= 1e-9 * greatest(1, abs(w.demand))) AS agree,
      count(m.lead_time_demand) FILTER (WHERE NOT m.is_selected) AS others
    FROM read_parquet(${files('fact_metrics')}) AS m
    LEFT JOIN want AS w ON w.item_key = m.item_key AND w.model = m.model`);
  expect(Number(lead?.agree)).toBe(Number(lead?.selected));
  expect(Number(lead?.others)).toBe(0);
  // agg_forecast_category, recomputed from the forecast rows and this build's categories and costs.
  const [band] = await db.rows<{ want: number; agree: number; rows: number }>(`
    WITH want AS (
      SELECT i.category, f.date, sum(f.yhat) AS units, sum(f.yhat_upper * i.unit_cost_brl) AS value_high
      FROM read_parquet(${files('fact_forecasts')}) AS f
      JOIN read_parquet(${files('dim_item')}) AS i ON i.item_key = f.item_key
      GROUP BY i.category, f.date)
    SELECT (SELECT count(*) FROM want) AS want,
      (SELECT count(*) FROM read_parquet(${files('agg_forecast_category')})) AS rows,
      count(*) FILTER (WHERE abs(a.yhat - w.units) <= 1e-9 * greatest(1, abs(w.units))
        AND abs(a.value_high - w.value_high) <= 1e-9 * greatest(1, abs(w.value_high))) AS agree
    FROM want AS w
    JOIN read_parquet(${files('agg_forecast_category')}) AS a ON a.category = w.category AND a.date = w.date`);
  expect(Number(band?.want)).toBeGreaterThan(0);
  expect(Number(band?.rows)).toBe(Number(band?.want));
  expect(Number(band?.agree)).toBe(Number(band?.want));
}

describe('npm run forecast', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let db: Awaited<ReturnType<typeof openTestConnection>>;

  beforeAll(async () => {
    temp = await makeTempDir('forecast');
    db = await openTestConnection();
  });

  afterAll(async () => {
    db?.close();
    await temp?.cleanup();
  });

  it('publishes a new build with forecasts and metrics for every item (folder)', async () => {
    const out = path.join(temp.dir, 'lake');
    const build = await runCli(BUILDER_CLI, ['run', '--out', out, ...WINDOW]);
    expect(build.code).toBe(0);
    const before = await expectManifestIntact(out);
    const run = await runCli(FORECAST_CLI, ['--out', out, ...MODELS]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ml: fitted 12\/12 items .* ETA/);
    const after = await expectManifestIntact(out);
    expect(after.build_id).not.toBe(before.build_id);
    expect(after.batches).toEqual(before.batches);
    for (const table of ['dim_item', 'dim_time', 'fact_demand_daily'] as const) {
      expect(after.tables[table].files.map((file) => file.sha256)).toEqual(
        before.tables[table].files.map((file) => file.sha256),
      );
    }
    await checkMlTables(db, out, after);

    // A new builder build keeps the forecast, re-keyed against its own dim_item.
    const rebuilt = await runCli(BUILDER_CLI, ['run', '--out', out, ...WINDOW, '--force']);
    expect(rebuilt.code).toBe(0);
    const kept = await expectManifestIntact(out);
    expect(kept.tables.fact_metrics.rows).toBe(after.tables.fact_metrics.rows);
    await checkMlTables(db, out, kept);
  });

  it('reads gold from a bucket and publishes the new build there (s3)', async () => {
    let server: S3TestServer | undefined;
    try {
      server = await startS3Server();
      const s3 = 's3://nova-test/lake';
      const build = await runCli(BUILDER_CLI, ['run', '--s3', s3, ...WINDOW], server.env);
      expect(build.code).toBe(0);
      const run = await runCli(FORECAST_CLI, ['--s3', s3, ...MODELS], server.env);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`published build \\S+ with forecasts → ${s3}`));
      // Read the bucket back into a folder exactly as the app would see it.
      const mirror = path.join(temp.dir, 'mirror');
      const manifest = (await (await fetch(server.url('lake/gold/manifest.json'))).json()) as Manifest;
      const fs = await import('node:fs/promises');
      for (const file of Object.values(manifest.tables).flatMap((table) => table.files)) {
        const bytes = Buffer.from(await (await fetch(server.url(`lake/${file.path}`))).arrayBuffer());
        await fs.mkdir(path.dirname(path.join(mirror, file.path)), { recursive: true });
        await fs.writeFile(path.join(mirror, file.path), bytes);
      }
      await fs.mkdir(path.join(mirror, 'gold'), { recursive: true });
      await fs.writeFile(path.join(mirror, 'gold', 'manifest.json'), JSON.stringify(manifest));
      await expectManifestIntact(mirror);
      await checkMlTables(db, mirror, manifest);
    } finally {
      await server?.stop();
    }
  });

  it('lakehouse run --with-ml publishes the build and then its forecast with every candidate', async () => {
    const out = path.join(temp.dir, 'with-ml');
    const small = ['--items', '4', '--from', '2025-06-01', '--to', '2025-12-31', '--seed', '4'];
    const run = await runCli(BUILDER_CLI, ['run', '--out', out, ...small, '--with-ml']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/published build .*; forecast published/);
    const manifest = await expectManifestIntact(out);
    const models = await db.rows<{ model: string; items: number }>(`
      SELECT model, count(DISTINCT item_id) AS items
      FROM read_parquet(${sqlStringList(tableFiles(out, manifest, 'fact_metrics'))}) GROUP BY model`);
    expect(models.map((row) => row.model).sort()).toEqual([...modelNames].sort());
    for (const row of models) expect(Number(row.items)).toBe(4);
  }, 600_000);

  it('refuses a lakehouse with no gold build (exit 3)', async () => {
    const run = await runCli(FORECAST_CLI, ['--out', path.join(temp.dir, 'empty')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^forecast: no gold build to forecast from/);
  });
});
