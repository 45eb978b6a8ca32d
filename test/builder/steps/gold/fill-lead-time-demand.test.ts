import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillLeadTimeDemand } from '../../../../builder/src/steps/gold/fill-lead-time-demand.ts';
import { sqlString } from '#schema';
import { openTestConnection } from '../../../helpers/duckdb.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { sampleItems } from '../../../web/helpers/sample-gold.ts';
import { sampleForecasts, sampleMetrics } from '../../../web/helpers/sample-forecasts.ts';
import { writeGold } from '../../../web/helpers/write-gold.ts';

type Metric = { item_key: number; model: string; is_selected: boolean; lead_time_demand: number | null };

/**
 * The test's own reading of the column from the raw rows: per selected model, the rows of its
 * newest origin inside the lead time, summed (NULL when there are none).
 */
const recomputedSql = (files: { forecasts: string; metrics: string; dimItem: string }) => `
SELECT m.item_key, m.model,
  (SELECT sum(f.yhat) FROM read_parquet(${sqlString(files.forecasts)}) AS f
   WHERE m.is_selected AND f.item_key = m.item_key AND f.model = m.model
     AND f.horizon_days BETWEEN 1 AND i.lead_time_days
     AND f.forecast_origin = (SELECT max(o.forecast_origin) FROM read_parquet(${sqlString(files.forecasts)}) AS o
                              WHERE o.item_key = m.item_key AND o.model = m.model)) AS lead_time_demand
FROM read_parquet(${sqlString(files.metrics)}) AS m
JOIN read_parquet(${sqlString(files.dimItem)}) AS i ON i.item_key = m.item_key
ORDER BY m.item_key, m.model`;

describe('fillLeadTimeDemand', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    temp = await makeTempDir('lead-time-demand');
  });
  afterEach(() => temp.cleanup());

  async function fill(items = sampleItems) {
    // Stale values in every row: the step must replace each of them, not keep any.
    const stale = sampleMetrics.map((m) => ({ ...m, lead_time_demand: m.is_selected ? -1 : 7 }));
    const written = await writeGold(temp.dir, {
      dim_item: items,
      fact_forecasts: sampleForecasts,
      fact_metrics: stale,
    });
    const files = {
      forecasts: written.fact_forecasts ?? '',
      metrics: written.fact_metrics ?? '',
      dimItem: written.dim_item ?? '',
    };
    const db = await openTestConnection();
    try {
      const result = await fillLeadTimeDemand(db.connection, files);
      const filled = await db.rows<Metric>(
        `SELECT item_key, model, is_selected, lead_time_demand FROM read_parquet(${sqlString(files.metrics)}) ORDER BY item_key, model`,
      );
      const recomputed = await db.rows<Metric>(recomputedSql(files));
      return { result, filled, recomputed };
    } finally {
      db.close();
    }
  }

  it('agrees with a recomputation from fact_forecasts and with the fixture, row for row', async () => {
    const { result, filled, recomputed } = await fill();
    expect(result.rows).toBe(sampleMetrics.length);
    const values = filled.map(({ item_key, model, lead_time_demand }) => ({
      item_key,
      model,
      lead_time_demand,
    }));
    expect(values).toEqual(recomputed);
    const fixture = sampleMetrics
      .map(({ item_key, model, lead_time_demand }) => ({ item_key, model, lead_time_demand }))
      .sort((a, b) => a.item_key - b.item_key || a.model.localeCompare(b.model));
    expect(values).toEqual(fixture);
    // Only selected models carry it, and the older origin (100x) and the candidate (10x) do not count.
    expect(filled.filter((m) => !m.is_selected).every((m) => m.lead_time_demand === null)).toBe(true);
    expect(filled.filter((m) => m.is_selected).every((m) => (m.lead_time_demand ?? 0) > 0)).toBe(true);
  });

  it('follows the lead times of the dim_item it is given, as a rebuild with new lead times does', async () => {
    const items = sampleItems.map((i) => (i.item_id === 'IT001' ? { ...i, lead_time_days: 3 } : i));
    const { filled, recomputed } = await fill(items);
    const it001 = items.find((i) => i.item_id === 'IT001')?.item_key;
    const selected = filled.find((m) => m.item_key === it001 && m.is_selected);
    // IT001 forecasts 2 a day from its latest origin.
    expect(selected?.lead_time_demand).toBeCloseTo(2 * 3, 9);
    expect(filled.map((m) => m.lead_time_demand)).toEqual(recomputed.map((m) => m.lead_time_demand));
  });
});
