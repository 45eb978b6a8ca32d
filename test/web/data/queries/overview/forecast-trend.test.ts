import { describe, expect, it } from 'vitest';
import { forecastTrend } from '../../../../../web/src/lib/data/queries/overview/forecast-trend.ts';
import type { TrendGrain } from '../../../../../web/src/lib/data/queries/overview/trend-grain.ts';
import { categories } from '../../../../../web/src/lib/data/queries/categories.ts';
import { engines } from '../../../helpers/engines.ts';
import { useGold } from '../../../helpers/use-gold.ts';
import { sampleDemand, sampleItems } from '../../../helpers/sample-gold.ts';
import {
  forecastPlans,
  HORIZON,
  LAST_ACTUAL,
  sampleForecastAggregate,
  sampleForecasts,
  sampleMetrics,
} from '../../../helpers/sample-forecasts.ts';
import { bucketOf, periodEndOf, unitOf } from '../../../helpers/overview-reference.ts';
import { addDays } from '../../../helpers/sample-gold.ts';

/** The selected models' latest forecast, by period: every plan forecasts `daily` for HORIZON days. */
function expected(grain: TrendGrain, category?: string) {
  const cost = new Map(sampleItems.map((i) => [i.item_id, { cost: i.unit_cost_brl, category: i.category }]));
  const plans = forecastPlans.filter((p) => !category || cost.get(p.item_id)?.category === category);
  const first = addDays(LAST_ACTUAL, 1);
  const last = addDays(LAST_ACTUAL, HORIZON);
  const periods = new Map<string, { value: number; units: number }>();
  for (let h = 1; h <= HORIZON; h += 1) {
    const period = bucketOf[grain](addDays(LAST_ACTUAL, h));
    const total = periods.get(period) ?? { value: 0, units: 0 };
    for (const plan of plans) {
      total.value += plan.daily * (cost.get(plan.item_id)?.cost ?? NaN);
      total.units += plan.daily;
    }
    if (plans.length > 0) periods.set(period, total);
  }
  const single = unitOf(category ? { category } : {}) !== null;
  return [...periods.entries()].map(([period, t]) => ({
    period,
    value_mid: t.value,
    units_mid: single ? t.units : null,
    partial: period < first || periodEndOf(grain, period) > last,
  }));
}

describe.each(engines)('forecastTrend on $name', (engine) => {
  const db = useGold(engine, {
    dim_item: sampleItems,
    fact_demand_daily: sampleDemand,
    fact_forecasts: sampleForecasts,
    fact_metrics: sampleMetrics,
    agg_forecast_category: sampleForecastAggregate,
  });

  it.each<{ grain: TrendGrain; category?: string }>([
    { grain: 'day' },
    { grain: 'week' },
    { grain: 'week', category: 'battery' },
    { grain: 'month', category: 'cable' },
  ])('sums the selected models per $grain for category $category', async ({ grain, category }) => {
    const rows = await forecastTrend(db(), { grain, category });
    const want = expected(grain, category);
    expect(rows.map((r) => [r.period, r.partial])).toEqual(want.map((r) => [r.period, r.partial]));
    rows.forEach((row, i) => {
      expect(row.value_mid).toBeCloseTo(want[i]?.value_mid ?? NaN, 6);
      expect(row.value_low).toBeCloseTo(0.5 * row.value_mid, 6);
      expect(row.value_high).toBeCloseTo(1.75 * row.value_mid, 6);
      if (want[i]?.units_mid === null) expect(row.units_mid).toBeNull();
      else expect(row.units_mid).toBeCloseTo(want[i]?.units_mid ?? NaN, 9);
    });
  });

  it.each<{ grain: TrendGrain; category: string }>([
    { grain: 'day', category: 'battery' },
    { grain: 'week', category: 'cable' },
    { grain: 'month', category: 'antenna' },
  ])('gives the same $grain band for $category with its key span bound', async ({ grain, category }) => {
    const row = (await categories(db())).find((candidate) => candidate.category === category);
    if (!row) throw new Error(`no ${category} in the category list`);
    const plain = await forecastTrend(db(), { grain, category });
    expect(plain.map((r) => r.period)).toEqual(expected(grain, category).map((r) => r.period));
    const keys = { first: row.first_key, last: row.last_key };
    expect(await forecastTrend(db(), { grain, category, keys })).toEqual(plain);
    const wide = { first: 1, last: sampleItems.length };
    expect(await forecastTrend(db(), { grain, category, keys: wide })).toEqual(plain);
  });

  it('refuses a key span that is not whole numbers', () => {
    expect(() => forecastTrend(db(), { grain: 'week', category: 'cable', keys: { first: 0.5, last: 2 } })).toThrow(
      RangeError,
    );
  });

  it('treats a category as a value, never as SQL', async () => {
    expect(await forecastTrend(db(), { grain: 'week', category: "cable' OR '1'='1" })).toEqual([]);
    const keys = { first: 1, last: sampleItems.length };
    expect(await forecastTrend(db(), { grain: 'week', category: "cable' OR '1'='1", keys })).toEqual([]);
  });
});

describe.each(engines)('forecastTrend before any forecast on $name', (engine) => {
  const db = useGold(engine, {
    dim_item: sampleItems,
    fact_forecasts: [],
    fact_metrics: [],
    agg_forecast_category: [],
  });

  it('has no rows, so no band is drawn', async () => {
    expect(await forecastTrend(db(), { grain: 'week' })).toEqual([]);
  });
});
