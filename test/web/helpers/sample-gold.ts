/**
 * A small, deterministic gold dataset for query tests: three categories, one item with no demand
 * at all, one whose demand stops early, two units (cable in metres, the rest in pieces), and a date range that starts mid-week so weekly buckets
 * are partial at both ends. Tests compute their expected values from these rows in plain TS.
 */
import type { DimItemRow, FactDemandDailyRow } from '#schema/tables.ts';

const FIRST_DAY = '2024-01-03'; // a Wednesday
const DAYS = 130;

/** `iso` plus `days`, as `yyyy-mm-dd` (UTC, so no daylight-saving drift). */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function item(n: number, category: string, unitCost: number, unit = 'un'): DimItemRow {
  return {
    item_id: `IT${String(n).padStart(3, '0')}`,
    item_key: n,
    name: `Item ${n}`,
    category,
    unit,
    unit_cost_brl: unitCost,
    lead_time_days: 10 + n,
    supplier: `Supplier ${n % 2}`,
    abc_class: 'A',
    demand_class: 'smooth',
  };
}

export const sampleItems: DimItemRow[] = [
  item(1, 'battery', 850.5),
  item(2, 'battery', 120),
  item(3, 'cable', 12.25, 'm'), // cable is sold by the metre: its units do not add to pieces
  item(4, 'cable', 7.5, 'm'),
  item(5, 'antenna', 430),
  item(6, 'antenna', 999), // never demanded: counted as an item, absent from the fact
];

/** Dense daily grid for items 1-5; item 4 only has demand in its first 40 days. */
export const sampleDemand: FactDemandDailyRow[] = sampleItems.slice(0, 5).flatMap((it, i) =>
  Array.from({ length: DAYS }, (_, d) => {
    const stopped = it.item_id === 'IT004' && d >= 40;
    const demand = stopped ? 0 : ((d * (i + 3) + i * 5) % 9) + (d % 7 === 0 ? 0.5 : 0);
    return {
      date: addDays(FIRST_DAY, d),
      item_id: it.item_id,
      item_key: it.item_key,
      demand,
      orders: demand > 0 ? 1 : 0,
    };
  }),
);
