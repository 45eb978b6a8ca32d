import { describe, expect, it } from 'vitest';
import { forecastKpis } from '../../../../../web/src/lib/data/queries/overview/forecast-kpis.ts';
import { categories } from '../../../../../web/src/lib/data/queries/categories.ts';
import { engines } from '../../../helpers/engines.ts';
import { useGold } from '../../../helpers/use-gold.ts';
import { sampleDemand, sampleItems } from '../../../helpers/sample-gold.ts';
import {
  forecastPlans,
  GENERATED_AT,
  leadTimeOf,
  sampleForecasts,
  sampleMetrics,
} from '../../../helpers/sample-forecasts.ts';

function median(values: number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

function expected(category?: string) {
  const ids = new Set(sampleItems.filter((i) => !category || i.category === category).map((i) => i.item_id));
  const plans = forecastPlans.filter((p) => ids.has(p.item_id));
  return {
    forecast_rows: sampleForecasts.length,
    selected_models: plans.length,
    items_with_policy: plans.length,
    stockout_risk_items: plans.filter((p) => p.daily * leadTimeOf(p.item_id) > p.reorder_point).length,
    median_mase: median(plans.map((p) => p.mase)),
    forecast_as_of: GENERATED_AT,
  };
}

describe.each(engines)('forecastKpis on $name', (engine) => {
  const db = useGold(engine, {
    dim_item: sampleItems,
    fact_demand_daily: sampleDemand,
    fact_forecasts: sampleForecasts,
    fact_metrics: sampleMetrics,
  });

  it.each([undefined, 'battery', 'cable', 'antenna', 'radio'])(
    'counts risk and accuracy of the selected models for category %s',
    async (category) => {
      const rows = await forecastKpis(db(), { category });
      const { median_mase, ...rest } = expected(category);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject(rest);
      if (median_mase === null) expect(rows[0]?.median_mase).toBeNull();
      else expect(rows[0]?.median_mase).toBeCloseTo(median_mase, 9);
    },
  );

  it('puts IT001 and IT003 at risk, not the candidates or older origins', async () => {
    // Counting the candidate (10x) or the old origin (100x) would put every item at risk.
    const [all] = await forecastKpis(db(), {});
    expect(all?.stockout_risk_items).toBe(2);
  });

  it.each(['battery', 'cable', 'antenna'])(
    'gives the same answer for %s with its key span bound, as the page binds it',
    async (category) => {
      const row = (await categories(db())).find((candidate) => candidate.category === category);
      if (!row) throw new Error(`no ${category} in the category list`);
      const plain = await forecastKpis(db(), { category });
      expect(plain[0]).toMatchObject({ selected_models: expected(category).selected_models });
      const keys = { first: row.first_key, last: row.last_key };
      expect(await forecastKpis(db(), { category, keys })).toEqual(plain);
      // A span wider than the category only reads more; the category still decides.
      expect(await forecastKpis(db(), { category, keys: { first: 1, last: sampleItems.length } })).toEqual(plain);
    },
  );

  it('refuses a key span that is not whole numbers', () => {
    expect(() => forecastKpis(db(), { category: 'cable', keys: { first: 1, last: 2.5 } })).toThrow(RangeError);
  });

  it('treats a category as a value, never as SQL', async () => {
    const [row] = await forecastKpis(db(), { category: "x' OR '1'='1" });
    expect(row).toMatchObject({ selected_models: 0, stockout_risk_items: 0, median_mase: null });
  });
});

describe.each(engines)('forecastKpis before any forecast on $name', (engine) => {
  const db = useGold(engine, {
    dim_item: sampleItems,
    fact_demand_daily: sampleDemand,
    fact_forecasts: [],
    fact_metrics: [],
  });

  it('says there are no forecasts rather than zero risk', async () => {
    expect(await forecastKpis(db(), {})).toEqual([
      {
        forecast_rows: 0,
        selected_models: 0,
        items_with_policy: 0,
        stockout_risk_items: 0,
        median_mase: null,
        forecast_as_of: null,
      },
    ]);
  });
});
