/**
 * The real builder CLI on the shipped monthly ERP export (`"grain": "month"` in its mapping): the
 * rows land in bronze and silver as they are, feed fact_demand_monthly directly, the daily and
 * weekly tables are written empty, and the manifest says that only months hold data.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStringList, type Manifest } from '#schema';
import { BUILDER_CLI, runCli } from '#support/run-cli.ts';
import { openTestConnection } from '../helpers/duckdb.ts';
import { expectManifestIntact, tableFiles } from '../helpers/lakehouse.ts';
import { SAMPLE_EXPORT } from '../helpers/sample-export.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const MONTHLY = 'builder/samples/erp-export-monthly';
const EXPORT = `${MONTHLY}/consumo_mensal_2025S1.csv`;

describe('builder on a monthly ERP export', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let db: Awaited<ReturnType<typeof openTestConnection>>;
  let manifest: Manifest;
  let out: string;
  const files = (table: keyof Manifest['tables']) => sqlStringList(tableFiles(out, manifest, table));

  beforeAll(async () => {
    ({ dir: root, cleanup } = await makeTempDir('monthly-source'));
    db = await openTestConnection();
    out = path.join(root, 'lake');
    const run = await runCli(BUILDER_CLI, [
      ...['run', '--out', out, '--source', 'file', '--input', EXPORT],
      ...['--item-master', SAMPLE_EXPORT.itemMaster, '--mapping', `${MONTHLY}/mapping.json`],
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    manifest = await expectManifestIntact(out);
  });

  afterAll(async () => {
    db.close();
    await cleanup();
  });

  it('records the month as the only grain, and writes the finer tables empty', () => {
    expect(manifest.grains).toEqual(['month']);
    for (const table of ['fact_demand_daily', 'fact_demand_weekly', 'agg_category_daily'] as const) {
      expect(manifest.tables[table].rows, table).toBe(0);
      expect(manifest.demand_totals[table], table).toEqual({ demand: 0, orders: 0 });
    }
  });

  it('keeps the export rows as they are in silver: one row per item and month', async () => {
    const [raw] = await db.rows<{ rows: number; units: number }>(`
      SELECT count(*)::INTEGER AS rows, sum(replace("Consumo", ',', '.')::DOUBLE) AS units
      FROM read_csv('${EXPORT}', delim = ';', header = true, all_varchar = true)`);
    const [silver] = await db.rows<{ rows: number; units: number; days: number }>(`
      SELECT count(*)::INTEGER AS rows, sum(quantity) AS units,
        count(*) FILTER (WHERE day(movement_date) <> 1)::INTEGER AS days
      FROM read_parquet('${out}/silver/validated/*.parquet')`);
    expect(silver?.rows).toBe(raw?.rows);
    expect(silver?.units).toBeCloseTo(raw?.units ?? -1, 6);
    expect(silver?.days).toBe(0);
  });

  it('feeds fact_demand_monthly: dense over items × months, totals equal to the export', async () => {
    const [raw] = await db.rows<{ units: number; months: number }>(`
      SELECT sum(replace("Consumo", ',', '.')::DOUBLE) AS units, count(DISTINCT "Mês")::INTEGER AS months
      FROM read_csv('${EXPORT}', delim = ';', header = true, all_varchar = true)`);
    const [monthly] = await db.rows<{ rows: number; units: number; items: number; full: number }>(`
      SELECT count(*)::INTEGER AS rows, sum(demand) AS units, count(DISTINCT item_key)::INTEGER AS items,
        count(*) FILTER (WHERE days = day(last_day(month_start)))::INTEGER AS full
      FROM read_parquet(${files('fact_demand_monthly')})`);
    const [items] = await db.rows<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM read_parquet(${files('dim_item')})`,
    );
    expect(monthly?.items).toBe(items?.n);
    expect(monthly?.rows).toBe((items?.n ?? 0) * (raw?.months ?? 0));
    expect(monthly?.full).toBe(monthly?.rows);
    expect(monthly?.units).toBeCloseTo(raw?.units ?? -1, 6);
    expect(manifest.demand_totals.fact_demand_monthly.demand).toBeCloseTo(raw?.units ?? -1, 6);
    expect(manifest.summary.units_total).toBeCloseTo(raw?.units ?? -1, 6);
    expect(manifest.summary.actuals_through).toBe('2025-06-30');
  });

  it('refuses to mix the monthly batches with daily ones in one lakehouse', async () => {
    const run = await runCli(BUILDER_CLI, [
      ...['run', '--out', out, '--source', 'file', '--input', SAMPLE_EXPORT.movements],
      ...['--mapping', SAMPLE_EXPORT.mapping],
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/mix grains \(month, day\)/);
    expect((await expectManifestIntact(out)).build_id).toBe(manifest.build_id);
  });
});
