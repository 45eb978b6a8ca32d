/**
 * Forecast fixtures beside sample-gold: for four of the five moving items a selected model and a
 * rejected candidate, each forecast from two origins, so a query that does not keep only the
 * selected model's latest origin counts demand twice. Item IT004 has no model at all. Reorder
 * points put IT001 and IT003 at stock-out risk (forecast over lead time above the point) and
 * IT002 and IT005 not.
 */
import type { AggForecastCategoryRow, FactForecastsRow, FactMetricsRow } from '#schema/tables.ts';
import { addDays, sampleDemand, sampleItems } from './sample-gold.ts';

export const LAST_ACTUAL =
  sampleDemand
    .map((r) => r.date)
    .sort()
    .at(-1) ?? '';
export const HORIZON = 30;
export const GENERATED_AT = '2024-05-12T03:00:00.000Z';

interface Plan {
  item_id: string;
  selected: string;
  candidate: string;
  /** Daily yhat of the selected model at the latest origin. */
  daily: number;
  mase: number;
  reorder_point: number;
}

// Lead times are 10 + n days (sample-gold): IT001 11, IT002 12, IT003 13, IT005 15.
export const forecastPlans: Plan[] = [
  { item_id: 'IT001', selected: 'ets', candidate: 'seasonal_naive', daily: 2, mase: 0.8, reorder_point: 20 },
  { item_id: 'IT002', selected: 'croston', candidate: 'sba', daily: 1, mase: 1.1, reorder_point: 30 },
  { item_id: 'IT003', selected: 'ets', candidate: 'arima', daily: 5, mase: 0.6, reorder_point: 40 },
  { item_id: 'IT005', selected: 'sba', candidate: 'tsb', daily: 3, mase: 1.4, reorder_point: 60 },
];

function rows(plan: Plan, model: string, origin: string, daily: number): FactForecastsRow[] {
  return Array.from({ length: HORIZON }, (_, h) => ({
    item_key: keyOf(plan.item_id),
    item_id: plan.item_id,
    date: addDays(origin, h + 1),
    horizon_days: h + 1,
    yhat: daily,
    yhat_lower: daily * 0.5,
    yhat_upper: daily * 1.75,
    model,
    model_version: '1',
    forecast_origin: origin,
    generated_at: origin === LAST_ACTUAL ? GENERATED_AT : '2024-04-01T03:00:00.000Z',
    source: 'test',
  }));
}

export const sampleForecasts: FactForecastsRow[] = forecastPlans.flatMap((plan) => [
  ...rows(plan, plan.selected, LAST_ACTUAL, plan.daily),
  ...rows(plan, plan.candidate, LAST_ACTUAL, plan.daily * 10),
  ...rows(plan, plan.selected, addDays(LAST_ACTUAL, -14), plan.daily * 100),
]);

/** Only the selected model carries lead_time_demand, as the forecast job writes it. */
type MetricRow = Omit<FactMetricsRow, 'lead_time_demand'> & { lead_time_demand: number | null };

export const sampleMetrics: MetricRow[] = forecastPlans.flatMap((plan) => [
  metric(plan, plan.selected, true),
  metric(plan, plan.candidate, false),
]);

function metric(plan: Plan, model: string, selected: boolean): MetricRow {
  return {
    item_key: keyOf(plan.item_id),
    item_id: plan.item_id,
    demand_class: 'smooth',
    model,
    mase: selected ? plan.mase : plan.mase + 5,
    rmsse: 1,
    wape: 0.5,
    bias: 0,
    coverage_80: 0.8,
    n_test_points: 28,
    is_selected: selected,
    safety_stock: selected ? plan.reorder_point / 2 : 0,
    reorder_point: selected ? plan.reorder_point : 0,
    service_level: 0.95,
    lead_time_demand: selected ? leadTimeDemandOf(plan, model) : null,
    model_version: '1',
    generated_at: GENERATED_AT,
    source: 'test',
  };
}

/** fact_metrics.lead_time_demand as the forecast job derives it: latest origin, horizons 1 … lead time. */
function leadTimeDemandOf(plan: Plan, model: string): number {
  const leadTime = sampleItems.find((i) => i.item_id === plan.item_id)?.lead_time_days ?? NaN;
  return sampleForecasts
    .filter((r) => r.item_id === plan.item_id && r.model === model && r.forecast_origin === LAST_ACTUAL)
    .filter((r) => r.horizon_days <= leadTime)
    .reduce((sum, r) => sum + r.yhat, 0);
}

function keyOf(id: string): number {
  return sampleItems.find((i) => i.item_id === id)?.item_key ?? NaN;
}

export const leadTimeOf = (id: string) => sampleItems.find((i) => i.item_id === id)?.lead_time_days ?? NaN;

/**
 * agg_forecast_category as the forecast job derives it from the rows above: the selected models'
 * latest-origin rows summed per category and day (IT004, with no model, is left out).
 */
export const sampleForecastAggregate: AggForecastCategoryRow[] = (() => {
  const byKey = new Map<string, AggForecastCategoryRow>();
  for (const plan of forecastPlans) {
    const item = sampleItems.find((i) => i.item_id === plan.item_id);
    if (!item) throw new Error(`no sample item ${plan.item_id}`);
    const latest = sampleForecasts.filter(
      (r) => r.item_id === plan.item_id && r.model === plan.selected && r.forecast_origin === LAST_ACTUAL,
    );
    for (const r of latest) {
      const key = `${item.category}|${r.date}`;
      const row = byKey.get(key) ?? {
        category: item.category,
        date: r.date,
        yhat_lower: 0,
        yhat: 0,
        yhat_upper: 0,
        value_low: 0,
        value_mid: 0,
        value_high: 0,
        items: 0,
      };
      row.yhat_lower += r.yhat_lower;
      row.yhat += r.yhat;
      row.yhat_upper += r.yhat_upper;
      row.value_low += r.yhat_lower * item.unit_cost_brl;
      row.value_mid += r.yhat * item.unit_cost_brl;
      row.value_high += r.yhat_upper * item.unit_cost_brl;
      row.items += 1;
      byKey.set(key, row);
    }
  }
  return [...byKey.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || a.category.localeCompare(b.category),
  );
})();
