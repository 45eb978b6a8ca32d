import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAggForecastCategory } from '../../../../builder/src/steps/gold/build-agg-forecast-category.ts';
import { sqlString, type AggForecastCategoryRow } from '#schema';
import { openTestConnection } from '../../../helpers/duckdb.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { sampleItems } from '../../../web/helpers/sample-gold.ts';
import {
  sampleForecastAggregate,
  sampleForecasts,
  sampleMetrics,
} from '../../../web/helpers/sample-forecasts.ts';
import { writeGold } from '../../../web/helpers/write-gold.ts';

/**
 * The test's own reading from the raw rows: each selected model's rows at its newest origin
 * (found per item and model by a correlated subquery), summed per category and day.
 */
const recomputedSql = (files: { forecasts: string; metrics: string; dimItem: string }) => `
SELECT i.category, CAST(f.date AS VARCHAR) AS date, sum(f.yhat_lower) AS yhat_lower, sum(f.yhat) AS yhat,
  sum(f.yhat_upper) AS yhat_upper, sum(f.yhat_lower * i.unit_cost_brl) AS value_low,
  sum(f.yhat * i.unit_cost_brl) AS value_mid, sum(f.yhat_upper * i.unit_cost_brl) AS value_high,
  count(DISTINCT f.item_key) AS items
FROM read_parquet(${sqlString(files.forecasts)}) AS f
JOIN read_parquet(${sqlString(files.metrics)}) AS m ON m.item_key = f.item_key AND m.model = f.model AND m.is_selected
JOIN read_parquet(${sqlString(files.dimItem)}) AS i ON i.item_key = f.item_key
WHERE f.forecast_origin = (SELECT max(o.forecast_origin) FROM read_parquet(${sqlString(files.forecasts)}) AS o
                           WHERE o.item_key = f.item_key AND o.model = f.model)
GROUP BY i.category, f.date
ORDER BY f.date, i.category`;

const measures = ['yhat_lower', 'yhat', 'yhat_upper', 'value_low', 'value_mid', 'value_high'] as const;

describe('buildAggForecastCategory', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    temp = await makeTempDir('forecast-aggregate');
  });
  afterEach(() => temp.cleanup());

  async function build(rows: { forecasts: typeof sampleForecasts; metrics: typeof sampleMetrics }) {
    const written = await writeGold(temp.dir, {
      dim_item: sampleItems,
      fact_forecasts: rows.forecasts,
      fact_metrics: rows.metrics,
    });
    const files = {
      forecasts: written.fact_forecasts ?? '',
      metrics: written.fact_metrics ?? '',
      dimItem: written.dim_item ?? '',
      target: `${temp.dir}/agg_forecast_category.parquet`,
    };
    const db = await openTestConnection();
    try {
      const result = await buildAggForecastCategory(db.connection, files);
      const built = await db.rows<AggForecastCategoryRow>(
        `SELECT * EXCLUDE (date), CAST(date AS VARCHAR) AS date FROM read_parquet(${sqlString(files.target)})`,
      );
      const types = await db.rows<{ column_name: string; column_type: string }>(
        `DESCRIBE SELECT * FROM read_parquet(${sqlString(files.target)})`,
      );
      const recomputed = await db.rows<AggForecastCategoryRow>(recomputedSql(files));
      return { result, built, types, recomputed };
    } finally {
      db.close();
    }
  }

  it('agrees with a recomputation from fact_forecasts and with the fixture, row for row', async () => {
    const { result, built, types, recomputed } = await build({
      forecasts: sampleForecasts,
      metrics: sampleMetrics,
    });
    expect(types.map((t) => `${t.column_name} ${t.column_type}`)).toEqual([
      'category VARCHAR',
      'date DATE',
      ...measures.map((m) => `${m} DOUBLE`),
      'items INTEGER',
    ]);
    expect(result.rows).toBe(recomputed.length);
    expect(built).toHaveLength(sampleForecastAggregate.length);
    for (const [want, label] of [
      [recomputed, 'native'],
      [sampleForecastAggregate, 'fixture'],
    ] as const) {
      built.forEach((row, i) => {
        const other = want[i];
        expect([row.category, row.date, row.items], label).toEqual([
          other?.category,
          other?.date,
          Number(other?.items),
        ]);
        for (const m of measures) expect(row[m], `${label} ${m}`).toBeCloseTo(other?.[m] ?? NaN, 9);
      });
    }
    // The old origin (100x) and the candidates (10x) never reach a day's total.
    expect(Math.max(...built.map((r) => r.items))).toBe(2);
  });

  it('writes the schema and no rows before any forecast', async () => {
    const { built, types } = await build({ forecasts: [], metrics: [] });
    expect(built).toEqual([]);
    expect(types.map((t) => t.column_name)).toEqual(['category', 'date', ...measures, 'items']);
  });
});
