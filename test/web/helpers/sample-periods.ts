/**
 * The sample daily demand summed per item and ISO week / calendar month, shaped like the builder's
 * fact_demand_weekly and fact_demand_monthly (`days` = days of the period inside the data).
 */
import type { DemandGrain, FactDemandMonthlyRow, FactDemandWeeklyRow } from '#schema/tables.ts';
import { addDays, sampleDemand } from './sample-gold.ts';

/** First day of the period holding `iso`: itself, its ISO week's Monday, or its month's first day. */
export function periodStart(grain: DemandGrain, iso: string): string {
  if (grain === 'day') return iso;
  if (grain === 'month') return `${iso.slice(0, 7)}-01`;
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return addDays(iso, -((weekday + 6) % 7));
}

function sumBy(grain: 'week' | 'month') {
  const totals = new Map<
    string,
    { item_key: number; item_id: string; start: string; demand: number; orders: number; days: number }
  >();
  for (const row of sampleDemand) {
    const start = periodStart(grain, row.date);
    const key = `${row.item_key}|${start}`;
    const t = totals.get(key) ?? {
      item_key: row.item_key,
      item_id: row.item_id,
      start,
      demand: 0,
      orders: 0,
      days: 0,
    };
    totals.set(key, { ...t, demand: t.demand + row.demand, orders: t.orders + row.orders, days: t.days + 1 });
  }
  return [...totals.values()];
}

export const sampleWeekly: FactDemandWeeklyRow[] = sumBy('week').map(({ start, ...t }) => ({
  ...t,
  week_start: start,
}));
export const sampleMonthly: FactDemandMonthlyRow[] = sumBy('month').map(({ start, ...t }) => ({
  ...t,
  month_start: start,
}));
