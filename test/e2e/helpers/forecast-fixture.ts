/**
 * Forecast tables for a lakehouse the builder made before any ML run: for every moving item a
 * selected model (its last-28-day mean as a flat 90-day forecast, 80 % band at ±50 %) and a
 * rejected candidate, written over the manifest's (empty) fact_forecasts and fact_metrics files
 * with the manifest entries updated to match. Reorder points put every third item at stock-out
 * risk. Written by native DuckDB with the test's own SQL; fact_metrics.lead_time_demand is then
 * derived, and agg_forecast_category built, by the builder's own steps, as the forecast job does,
 * so the tests that recompute them from fact_forecasts check those steps.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sqlString, sqlStringList } from '#schema/literal.ts';
import type { Manifest } from '#schema/manifest.ts';
import type { GoldTableId } from '#schema/tables.ts';
import { buildAggForecastCategory, fillLeadTimeDemand, openDb, withConnection } from '#builder';
import { openNodeDb } from '#support/node-db.ts';
import { tableFiles } from '../../helpers/lakehouse.ts';

export const FIXTURE_GENERATED_AT = '2025-01-02 03:04:00';

const forecastsSql = (fact: string, items: string, out: string) => `
COPY (
  WITH last AS (SELECT max(date) AS d FROM read_parquet(${fact})),
  recent AS (
    SELECT item_key, avg(demand) AS daily FROM read_parquet(${fact}), last
    WHERE date > last.d - 28 GROUP BY item_key HAVING avg(demand) > 0)
  SELECT i.item_key, i.item_id, CAST(last.d + CAST(t.h AS INTEGER) AS DATE) AS date,
    CAST(t.h AS INTEGER) AS horizon_days, r.daily * m.factor AS yhat, 0.5 * r.daily * m.factor AS yhat_lower,
    1.5 * r.daily * m.factor AS yhat_upper, m.model, '1' AS model_version, last.d AS forecast_origin,
    TIMESTAMP '${FIXTURE_GENERATED_AT}' AS generated_at, 'test' AS source
  FROM read_parquet(${items}) AS i
  JOIN recent AS r USING (item_key)
  CROSS JOIN last
  CROSS JOIN (SELECT * FROM range(1, 91)) AS t(h)
  CROSS JOIN (VALUES ('ets', 1.0), ('seasonal_naive', 3.0)) AS m(model, factor)
  ORDER BY i.item_key, m.model, date
) TO ${sqlString(out)} (FORMAT PARQUET, COMPRESSION ZSTD)`;

const metricsSql = (fact: string, items: string, out: string) => `
COPY (
  WITH last AS (SELECT max(date) AS d FROM read_parquet(${fact})),
  recent AS (
    SELECT item_key, avg(demand) AS daily FROM read_parquet(${fact}), last
    WHERE date > last.d - 28 GROUP BY item_key HAVING avg(demand) > 0)
  SELECT i.item_key, i.item_id, i.demand_class, m.model,
    0.5 + (i.item_key % 10) / 10 + m.penalty AS mase, 1.0 AS rmsse, 0.4 AS wape, 0.0 AS bias,
    0.8 AS coverage_80, CAST(28 AS INTEGER) AS n_test_points, m.penalty = 0 AS is_selected,
    r.daily * i.lead_time_days / 4 AS safety_stock,
    r.daily * i.lead_time_days * CASE WHEN i.item_key % 3 = 0 THEN 0.5 ELSE 2 END AS reorder_point,
    0.95 AS service_level, CAST(NULL AS DOUBLE) AS lead_time_demand, '1' AS model_version, TIMESTAMP '${FIXTURE_GENERATED_AT}' AS generated_at,
    'test' AS source
  FROM read_parquet(${items}) AS i
  JOIN recent AS r USING (item_key)
  CROSS JOIN (VALUES ('ets', 0.0), ('seasonal_naive', 1.0)) AS m(model, penalty)
  ORDER BY i.item_key, m.model
) TO ${sqlString(out)} (FORMAT PARQUET, COMPRESSION ZSTD)`;

async function describeFile(path: string) {
  const bytes = await readFile(path);
  return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Writes both tables in place and rewrites the manifest; returns the updated manifest. */
export async function writeForecastFixture(dataDir: string, manifest: Manifest): Promise<Manifest> {
  const fact = sqlStringList(tableFiles(dataDir, manifest, 'fact_demand_daily'));
  const items = sqlStringList(tableFiles(dataDir, manifest, 'dim_item'));
  const db = await openNodeDb({});
  const next: Manifest = structuredClone(manifest);
  try {
    const writers: [GoldTableId, typeof forecastsSql][] = [
      ['fact_forecasts', forecastsSql],
      ['fact_metrics', metricsSql],
    ];
    const pathOf = (table: GoldTableId) => {
      const [file, ...more] = manifest.tables[table].files;
      if (!file || more.length > 0) throw new Error(`${table}: expected one file`);
      return { file, path: join(dataDir, file.path) };
    };
    for (const [table, write] of writers) await db.query(write(fact, items, pathOf(table).path));
    const instance = await openDb();
    try {
      await withConnection(instance, async (connection) => {
        const files = {
          forecasts: pathOf('fact_forecasts').path,
          metrics: pathOf('fact_metrics').path,
          dimItem: pathOf('dim_item').path,
        };
        await fillLeadTimeDemand(connection, files);
        await buildAggForecastCategory(connection, {
          ...files,
          target: pathOf('agg_forecast_category').path,
        });
      });
    } finally {
      instance.closeSync();
    }
    for (const table of [...writers.map(([id]) => id), 'agg_forecast_category' as const]) {
      const { file, path } = pathOf(table);
      const [count] = await db.query<{ n: number }>(
        `SELECT count(*) AS n FROM read_parquet(${sqlString(path)})`,
      );
      const entry = { ...file, ...(await describeFile(path)), rows: count?.n ?? 0 };
      next.tables[table] = { ...next.tables[table], files: [entry], rows: entry.rows, bytes: entry.bytes };
    }
  } finally {
    db.close();
  }
  await writeFile(join(dataDir, 'gold/manifest.json'), JSON.stringify(next, null, 2));
  return next;
}
