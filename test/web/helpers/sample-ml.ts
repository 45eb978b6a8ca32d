/**
 * Forecast and backtest rows for the sample items, shaped like the forecasting job's output: three
 * candidate models per item with the lowest MASE selected, two forecast origins for item 1 (only the
 * latest counts), a second model's forecast beside the selected one, an item with forecasts but no
 * selected model, a MASE that is NULL and one that is infinite. Tests derive expected values from
 * these rows in plain TS.
 */
import type { DimItemRow, FactForecastsRow, FactMetricsRow } from '#schema/tables.ts';

type Missing = 'mase' | 'rmsse' | 'safety_stock' | 'reorder_point' | 'service_level' | 'lead_time_demand';
/** A backtest row whose measures may be missing (a model that could not be scored, a policy of a model not selected). */
export type MetricFixtureRow = Omit<FactMetricsRow, Missing> & { [C in Missing]: number | null };
import { addDays, sampleDemand, sampleItems } from './sample-gold.ts';

export const lastActual =
  sampleDemand
    .map((r) => r.date)
    .sort()
    .at(-1) ?? '';
export const HORIZON = 90;
const GENERATED = '2024-06-01T02:00:00.000Z';

function forecastRows(item: DimItemRow, model: string, origin: string, level: number): FactForecastsRow[] {
  return Array.from({ length: HORIZON }, (_, h) => {
    const yhat = level + ((h * 7) % 5) * 0.5;
    return {
      item_key: item.item_key,
      item_id: item.item_id,
      date: addDays(origin, h + 1),
      horizon_days: h + 1,
      yhat,
      yhat_lower: Math.max(0, yhat - 1.5),
      yhat_upper: yhat + 2.25,
      model,
      model_version: '1',
      forecast_origin: origin,
      generated_at: GENERATED,
      source: 'test',
    };
  });
}

const [item1, item2, item3, item4] = sampleItems;
if (!item1 || !item2 || !item3 || !item4) throw new Error('sample items changed');

export const sampleForecasts: FactForecastsRow[] = [
  ...forecastRows(item1, 'ets', addDays(lastActual, -30), 9), // an older run: never shown
  ...forecastRows(item1, 'ets', lastActual, 4),
  ...forecastRows(item1, 'seasonal_naive', lastActual, 6), // a candidate, not the selected model
  ...forecastRows(item2, 'croston', lastActual, 2),
  ...forecastRows(item4, 'tsb', lastActual, 1), // no model selected for item 4
  ...forecastRows(item4, 'sba', lastActual, 3),
];

const classes = ['smooth', 'erratic', 'intermittent', 'lumpy', 'smooth'];

/** [item index, model, mase]; per item the lowest finite MASE is selected, item 4 has none selected. */
const backtests: [number, string, number | null][] = [
  [0, 'ets', 0.62],
  [0, 'seasonal_naive', 0.91],
  [0, 'croston', 1.4],
  [1, 'croston', 0.85],
  [1, 'ets', Number.POSITIVE_INFINITY],
  [1, 'seasonal_naive', 1.05],
  [2, 'seasonal_naive', 3.7],
  [2, 'ets', 4.2],
  [3, 'tsb', 1.2],
  [3, 'sba', 1.3],
  [4, 'ets', 0.45],
  [4, 'croston', null],
];

export const sampleMetrics: MetricFixtureRow[] = backtests.map(([index, model, mase], n) => {
  const item = sampleItems[index] as DimItemRow;
  const finite = backtests.filter(([i, , m]) => i === index && m !== null && Number.isFinite(m));
  const best = Math.min(...finite.map(([, , m]) => m as number));
  const selected = index !== 3 && mase === best;
  return {
    item_key: item.item_key,
    item_id: item.item_id,
    demand_class: classes[index] ?? 'smooth',
    model,
    mase,
    rmsse: mase === null ? null : mase * 1.1,
    wape: 0.2 + n * 0.03,
    bias: n % 2 === 0 ? 0.05 * n : -0.04 * n,
    coverage_80: 0.7 + (n % 4) * 0.05,
    n_test_points: 84,
    is_selected: selected,
    safety_stock: selected ? 10 + index : null,
    reorder_point: selected ? 40 + index * 3 : null,
    service_level: selected ? 0.95 : null,
    lead_time_demand: selected ? leadTimeDemandOf(item, model) : null,
    model_version: '1',
    generated_at: GENERATED,
    source: 'test',
  };
});

/** fact_metrics.lead_time_demand as the forecast job derives it: latest origin, horizons 1 … lead time. */
function leadTimeDemandOf(item: DimItemRow, model: string): number | null {
  const rows = sampleForecasts.filter((r) => r.item_key === item.item_key && r.model === model);
  const latest = rows
    .map((r) => r.forecast_origin)
    .sort()
    .at(-1);
  const inLead = rows.filter((r) => r.forecast_origin === latest && r.horizon_days <= item.lead_time_days);
  return inLead.length === 0 ? null : inLead.reduce((sum, r) => sum + r.yhat, 0);
}
