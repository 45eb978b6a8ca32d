import { describe, expect, it } from 'vitest';
import type { ItemGrain } from '../../../../../web/src/lib/data/queries/item/item-history.ts';
import { itemForecast } from '../../../../../web/src/lib/data/queries/item/item-forecast.ts';
import { engines } from '../../../helpers/engines.ts';
import { useGold } from '../../../helpers/use-gold.ts';
import { sampleItems } from '../../../helpers/sample-gold.ts';
import { lastActual, sampleForecasts, sampleMetrics } from '../../../helpers/sample-ml.ts';
import { periodStart } from '../../../helpers/sample-periods.ts';

function expected(itemKey: number, grain: ItemGrain) {
  const rows = sampleForecasts.filter((r) => r.item_key === itemKey);
  const origin = rows.map((r) => r.forecast_origin).sort().at(-1);
  const latest = rows.filter((r) => r.forecast_origin === origin);
  const selected = sampleMetrics.find((m) => m.item_key === itemKey && m.is_selected)?.model;
  const model = selected ?? latest.map((r) => r.model).sort()[0];
  const periods = new Map<string, { yhat: number; yhat_lower: number; yhat_upper: number; days: number }>();
  for (const row of latest.filter((r) => r.model === model)) {
    const key = periodStart(grain, row.date);
    const p = periods.get(key) ?? { yhat: 0, yhat_lower: 0, yhat_upper: 0, days: 0 };
    periods.set(key, {
      yhat: p.yhat + row.yhat,
      yhat_lower: p.yhat_lower + row.yhat_lower,
      yhat_upper: p.yhat_upper + row.yhat_upper,
      days: p.days + 1,
    });
  }
  return { model, origin, periods: [...periods.entries()].sort(([a], [b]) => a.localeCompare(b)) };
}

describe.each(engines)('itemForecast on $name', (engine) => {
  const db = useGold(engine, {
    dim_item: sampleItems,
    fact_forecasts: sampleForecasts,
    fact_metrics: sampleMetrics,
  });

  it.each([
    { itemKey: 1, grain: 'day' as const },
    { itemKey: 1, grain: 'week' as const },
    { itemKey: 2, grain: 'month' as const },
    { itemKey: 4, grain: 'day' as const },
  ])('item $itemKey by $grain', async ({ itemKey, grain }) => {
    const rows = await itemForecast(db(), { itemKey, grain });
    const want = expected(itemKey, grain);
    expect(rows.map((r) => [r.period, r.days, r.model, r.forecast_origin])).toEqual(
      want.periods.map(([period, p]) => [period, p.days, want.model, want.origin]),
    );
    rows.forEach((row, i) => {
      const p = want.periods[i]?.[1];
      expect(row.yhat).toBeCloseTo(p?.yhat ?? NaN, 9);
      expect(row.yhat_lower).toBeCloseTo(p?.yhat_lower ?? NaN, 9);
      expect(row.yhat_upper).toBeCloseTo(p?.yhat_upper ?? NaN, 9);
    });
  });

  it('shows the selected model from the latest run only', async () => {
    const rows = await itemForecast(db(), { itemKey: 1, grain: 'day' });
    expect(rows).toHaveLength(90);
    expect(new Set(rows.map((r) => r.model))).toEqual(new Set(['ets']));
    expect(rows[0]?.forecast_origin).toBe(lastActual);
  });

  it.each([3, 5, 6, 0])('is empty for item %s, which has no forecast', async (itemKey) => {
    expect(await itemForecast(db(), { itemKey, grain: 'week' })).toEqual([]);
  });
});

describe.each(engines)('itemForecast before the first forecast, on $name', (engine) => {
  const db = useGold(engine, { dim_item: sampleItems, fact_forecasts: [], fact_metrics: [] });
  it('is empty', async () => {
    expect(await itemForecast(db(), { itemKey: 1, grain: 'day' })).toEqual([]);
  });
});

describe('itemForecast input', () => {
  const db = { query: () => Promise.reject(new Error('must not be called')) };
  it.each([{ itemKey: 1.5 }, { itemKey: Number.NaN }, { itemKey: '1; DROP VIEW x' as unknown as number }])(
    'rejects item key $itemKey',
    ({ itemKey }) => {
      expect(() => itemForecast(db, { itemKey, grain: 'day' })).toThrow(RangeError);
    },
  );
  it('rejects an unknown grain', () => {
    expect(() => itemForecast(db, { itemKey: 1, grain: "day'" as ItemGrain })).toThrow(RangeError);
  });
});
