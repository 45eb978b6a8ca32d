/**
 * Forecast and backtest rows for a test lakehouse the builder made, written with native DuckDB
 * over its own gold files and put in place of its (empty) fact_forecasts and fact_metrics: per
 * item, three or four candidate models with deterministic errors, the lowest MASE selected, a
 * 90-day forecast with an 80 % band for the selected model and the seasonal naive baseline, and an
 * inventory policy. `renameItem` gives one item a hostile name, to prove names render as text.
 * The manifest entries (rows, bytes, sha256) are rewritten so the lakehouse stays consistent.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ident, sqlString, sqlStringList, tablePaths, type GoldTableId, type Manifest } from '#schema';
import { sql, type SqlText } from '#schema/sql.ts';

const copyOptions = sql`(FORMAT PARQUET, COMPRESSION ZSTD)`;

const metricsSql = (fact: SqlText, items: SqlText) => sql`
WITH items AS (SELECT * FROM read_parquet(${items})),
recent AS (
  SELECT f.item_key, avg(f.demand) AS level, coalesce(stddev_samp(f.demand), 0) AS sd
  FROM read_parquet(${fact}) AS f
  WHERE f.date > (SELECT max(date) FROM read_parquet(${fact})) - 56
  GROUP BY f.item_key
),
candidates AS (
  SELECT i.item_key, i.item_id, i.demand_class, i.lead_time_days, m.model
  FROM items AS i
  CROSS JOIN (VALUES ('seasonal_naive'), ('ets'), ('arima'), ('croston'), ('tsb')) AS m(model)
  WHERE m.model = 'seasonal_naive'
     OR (i.demand_class IN ('smooth', 'erratic') AND m.model IN ('ets', 'arima'))
     OR (i.demand_class IN ('intermittent', 'lumpy') AND m.model IN ('croston', 'tsb'))
),
scored AS (
  SELECT c.*, r.level, r.sd,
    CASE WHEN c.model = 'seasonal_naive' THEN 1.0 ELSE 0.35 END
      + CAST(hash(c.item_id || c.model) % 1000 AS INTEGER) / 625 AS mase
  FROM candidates AS c
  JOIN recent AS r USING (item_key)
),
ranked AS (
  SELECT *, row_number() OVER (PARTITION BY item_key ORDER BY mase, model) = 1 AS is_selected
  FROM scored
)
SELECT item_key, item_id, demand_class, model, CAST(mase AS DOUBLE) AS mase, CAST(mase * 1.12 AS DOUBLE) AS rmsse,
  CAST(0.15 + CAST(hash(model || item_id) % 600 AS INTEGER) / 1000 AS DOUBLE) AS wape,
  CAST((CAST(hash(item_id || 'bias' || model) % 400 AS INTEGER) - 200) / 1000 AS DOUBLE) AS bias,
  CAST(0.6 + CAST(hash(item_id || 'cov' || model) % 350 AS INTEGER) / 1000 AS DOUBLE) AS coverage_80,
  CAST(84 AS INTEGER) AS n_test_points, is_selected,
  CAST(CASE WHEN is_selected THEN 1.2816 * sd * sqrt(lead_time_days) END AS DOUBLE) AS safety_stock,
  CAST(CASE WHEN is_selected THEN level * lead_time_days + 1.2816 * sd * sqrt(lead_time_days) END AS DOUBLE)
    AS reorder_point,
  CAST(CASE WHEN is_selected THEN 0.9 END AS DOUBLE) AS service_level,
  'fixture-1' AS model_version, TIMESTAMP '2025-01-01 03:00:00' AS generated_at, 'test-fixture' AS source
FROM ranked
ORDER BY item_key, model`;

const forecastsSql = (fact: SqlText, metrics: SqlText) => sql`
WITH origin AS (SELECT max(date) AS d FROM read_parquet(${fact})),
chosen AS (
  SELECT m.item_key, m.item_id, m.model, r.level, r.sd
  FROM read_parquet(${metrics}) AS m
  JOIN (
    SELECT item_key, avg(demand) AS level, coalesce(stddev_samp(demand), 0) AS sd
    FROM read_parquet(${fact})
    WHERE date > (SELECT d FROM origin) - 56
    GROUP BY item_key
  ) AS r USING (item_key)
  WHERE m.is_selected OR m.model = 'seasonal_naive'
),
points AS (
  SELECT c.*, h.horizon, c.level * (1 + 0.25 * sin(h.horizon * 2 * pi() / 7)) AS yhat
  FROM chosen AS c
  CROSS JOIN (SELECT range AS horizon FROM range(1, 91)) AS h
)
SELECT item_key, item_id, CAST(o.d + CAST(horizon AS INTEGER) AS DATE) AS date, CAST(horizon AS INTEGER) AS horizon_days,
  CAST(yhat AS DOUBLE) AS yhat, CAST(greatest(0, yhat - 1.2816 * sd) AS DOUBLE) AS yhat_lower,
  CAST(yhat + 1.2816 * sd AS DOUBLE) AS yhat_upper, model,
  'fixture-1' AS model_version, o.d AS forecast_origin, TIMESTAMP '2025-01-01 03:00:00' AS generated_at,
  'test-fixture' AS source
FROM points
CROSS JOIN origin AS o
ORDER BY item_key, date, model`;

async function replaceEntry(
  dataDir: string,
  manifest: Manifest,
  table: GoldTableId,
  rows: number,
): Promise<void> {
  const entry = manifest.tables[table];
  const [file] = entry.files;
  if (!file) throw new Error(`${table} has no file in the manifest`);
  const bytes = await readFile(join(dataDir, file.path));
  const updated = {
    ...file,
    rows,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  manifest.tables[table] = { ...entry, files: [updated], rows, bytes: bytes.length };
}

export interface MlFixtureOptions {
  /** An item whose name becomes `name` in dim_item. */
  renameItem?: { itemId: string; name: string };
}

/** Fills the ML tables of the lakehouse in `dataDir` and rewrites its manifest; returns it. */
export async function writeMlFixture(
  dataDir: string,
  manifest: Manifest,
  options: MlFixtureOptions = {},
): Promise<Manifest> {
  const abs = (table: GoldTableId) => tablePaths(manifest.tables[table]).map((p) => join(dataDir, p));
  const [metricsFile] = abs('fact_metrics');
  const [forecastsFile] = abs('fact_forecasts');
  const [itemsFile] = abs('dim_item');
  if (!metricsFile || !forecastsFile || !itemsFile) throw new Error('the lakehouse lacks an ML or item file');
  const fact = sqlStringList(abs('fact_demand_daily'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const count = async (path: string) => {
    const reader = await connection.runAndReadAll(
      sql`SELECT count(*) AS n FROM read_parquet(${sqlString(path)})`,
    );
    return Number(reader.getRowObjects()[0]?.n);
  };
  try {
    await connection.run(
      sql`COPY (${metricsSql(fact, sqlStringList([itemsFile]))}) TO ${sqlString(metricsFile)} ${copyOptions}`,
    );
    await connection.run(
      sql`COPY (${forecastsSql(fact, sqlString(metricsFile))}) TO ${sqlString(forecastsFile)} ${copyOptions}`,
    );
    if (options.renameItem) {
      const copy = `${itemsFile}.renamed`;
      const items = ident('table', 'dim_item');
      await connection.run(sql`CREATE TABLE ${items} AS SELECT * FROM read_parquet(${sqlString(itemsFile)})`);
      await connection.run(sql`UPDATE ${items} SET name = $name WHERE item_id = $id`, {
        name: options.renameItem.name,
        id: options.renameItem.itemId,
      });
      await connection.run(
        sql`COPY (SELECT * FROM ${items} ORDER BY item_key) TO ${sqlString(copy)} ${copyOptions}`,
      );
      await writeFile(itemsFile, await readFile(copy));
    }
    await replaceEntry(dataDir, manifest, 'fact_metrics', await count(metricsFile));
    await replaceEntry(dataDir, manifest, 'fact_forecasts', await count(forecastsFile));
    await replaceEntry(dataDir, manifest, 'dim_item', await count(itemsFile));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  await writeFile(join(dataDir, 'gold/manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}
