/**
 * The sample gold with the tables the overview reads: the sample daily demand summed per category,
 * unit and day the way the builder writes agg_category_daily (dense over the categories and units
 * of dim_item × every day of the data), beside the weekly and monthly facts of sample-periods.ts.
 */
import type { AggCategoryDailyRow } from '#schema/tables.ts';
import { sampleDemand, sampleItems } from './sample-gold.ts';
import { sampleMonthly, sampleWeekly } from './sample-periods.ts';

const days = [...new Set(sampleDemand.map((r) => r.date))].sort();
const groups = [...new Map(sampleItems.map((i) => [`${i.category}|${i.unit}`, i])).values()];
const itemOf = new Map(sampleItems.map((i) => [i.item_key, i]));

export const sampleCategoryDaily: AggCategoryDailyRow[] = groups.flatMap((group) =>
  days.map((date) => {
    const rows = sampleDemand.filter((r) => {
      const it = itemOf.get(r.item_key);
      return r.date === date && it?.category === group.category && it.unit === group.unit;
    });
    const cost = (key: number) => itemOf.get(key)?.unit_cost_brl ?? NaN;
    return {
      category: group.category,
      unit: group.unit,
      date,
      demand: rows.reduce((a, r) => a + r.demand, 0),
      value_brl: rows.reduce((a, r) => a + r.demand * cost(r.item_key), 0),
      orders: rows.reduce((a, r) => a + r.orders, 0),
      active_items: rows.filter((r) => r.demand > 0).length,
    };
  }),
);

/** Every demand table of a daily lakehouse, for the overview queries. */
export const sampleOverviewGold = {
  dim_item: sampleItems,
  fact_demand_daily: sampleDemand,
  fact_demand_weekly: sampleWeekly,
  fact_demand_monthly: sampleMonthly,
  agg_category_daily: sampleCategoryDaily,
};

/**
 * The same without the daily fact: the overview must never read it (a query that did would fail
 * for want of the view), while the tests still compute their expectations from the daily rows.
 */
export const sampleAggregateGold = {
  dim_item: sampleItems,
  fact_demand_weekly: sampleWeekly,
  fact_demand_monthly: sampleMonthly,
  agg_category_daily: sampleCategoryDaily,
};

/** A monthly ERP export's lakehouse: the same items and months, and no finer table filled. */
export const sampleMonthlyGold = {
  dim_item: sampleItems,
  fact_demand_daily: [],
  fact_demand_weekly: [],
  fact_demand_monthly: sampleMonthly,
  agg_category_daily: [],
};
