import { describe, expect, it } from 'vitest';
import { categories } from '../../../../../web/src/lib/data/queries/categories.ts';
import { overviewKpis } from '../../../../../web/src/lib/data/queries/overview/overview-kpis.ts';
import { engines } from '../../../helpers/engines.ts';
import { useGold } from '../../../helpers/use-gold.ts';
import { sampleItems } from '../../../helpers/sample-gold.ts';
import { sampleAggregateGold, sampleMonthlyGold } from '../../../helpers/sample-category-daily.ts';
import {
  firstActual,
  itemsIn,
  lastActual,
  monthStart,
  periodEndOf,
  rangeOf,
  rowsIn,
  sum,
  unitOf,
  widened,
  type Filter,
} from '../../../helpers/overview-reference.ts';

// Every number is what the daily rows give over the range widened to whole periods.
function expected(chosen: Filter) {
  const filter = widened(chosen);
  const rows = rowsIn(filter);
  const perItem = new Map<string, number>();
  for (const r of rows) perItem.set(r.item_id, (perItem.get(r.item_id) ?? 0) + r.demand);
  const unit = unitOf(filter);
  const range = rangeOf(filter);
  return {
    demand_value_brl: Math.round(100 * sum(rows.map((r) => r.value_brl))) / 100,
    active_items: [...perItem.values()].filter((units) => units > 0).length,
    item_count: itemsIn(filter).length,
    demand_units: unit === null ? null : sum(rows.map((r) => r.demand)),
    unit,
    actuals_from: firstActual,
    actuals_through: lastActual,
    range_from: range.from,
    range_to: range.to,
  };
}

describe.each(engines)('overviewKpis on $name', (engine) => {
  const db = useGold(engine, sampleAggregateGold);

  it.each<Filter>([
    {},
    { category: 'battery' },
    { category: 'cable' },
    { from: '2024-02-10', to: '2024-03-20' },
    { category: 'cable', from: '2024-02-20' }, // IT004 stopped: one active item of two
    { from: '2023-01-01', to: '2030-01-01' }, // wider than the actuals: clamped
    { from: '2024-02-01', to: '2024-03-31' }, // whole months: read from the monthly fact as chosen
    { category: 'battery', from: '2024-01-10', to: '2024-04-17' }, // Wednesdays: cuts two weeks
  ])('follows the filter %o', async (filter) => {
    const rows = await overviewKpis(db(), filter);
    expect(rows).toHaveLength(1);
    const { demand_value_brl, demand_units, ...rest } = expected(filter);
    expect(rows[0]).toMatchObject(rest);
    expect(rows[0]?.demand_value_brl).toBeCloseTo(demand_value_brl, 2);
    if (demand_units === null) expect(rows[0]?.demand_units).toBeNull();
    else expect(rows[0]?.demand_units).toBeCloseTo(demand_units, 9);
  });

  it.each<Filter>([
    { category: 'battery' },
    { category: 'cable', from: '2024-02-20' },
    { category: 'antenna', from: '2024-01-10', to: '2024-04-17' },
  ])('gives the same answer with the category key span bound, as the page binds it, for %o', async (filter) => {
    const spans = await categories(db());
    const row = spans.find((candidate) => candidate.category === filter.category);
    if (!row) throw new Error(`no ${filter.category} in the category list`);
    const keys = { first: row.first_key, last: row.last_key };
    const plain = await overviewKpis(db(), filter);
    expect(await overviewKpis(db(), { ...filter, keys })).toEqual(plain);
    // A span wider than the category (a real ERP's ids may interleave categories) is only a hint.
    expect(await overviewKpis(db(), { ...filter, keys: { first: 1, last: sampleItems.length } })).toEqual(plain);
    expect(plain[0]).toMatchObject({ item_count: expected(filter).item_count, active_items: expected(filter).active_items });
  });

  it('widens a range that cuts weeks to whole weeks, and says which days it covers', async () => {
    // 2024-02-10 is a Saturday, 2024-03-20 a Wednesday.
    const [row] = await overviewKpis(db(), { from: '2024-02-10', to: '2024-03-20' });
    expect(row).toMatchObject({ range_from: '2024-02-05', range_to: '2024-03-24' });
    const [months] = await overviewKpis(db(), { from: '2024-02-01', to: '2024-03-31' });
    expect(months).toMatchObject({ range_from: '2024-02-01', range_to: '2024-03-31' });
  });

  it('never adds metres to pieces', async () => {
    const [row] = await overviewKpis(db(), {});
    expect(row?.unit).toBeNull();
    expect(row?.demand_units).toBeNull();
    const [cable] = await overviewKpis(db(), { category: 'cable' });
    expect(cable?.unit).toBe('m');
  });

  it('treats a category as a value, never as SQL', async () => {
    const [row] = await overviewKpis(db(), { category: "battery' OR '1'='1" });
    expect(row).toMatchObject({ demand_value_brl: 0, active_items: 0, item_count: 0 });
  });

  it('returns zeros for a range with no actuals', async () => {
    const [row] = await overviewKpis(db(), { from: '2024-03-01', to: '2024-02-01' });
    expect(row).toMatchObject({ demand_value_brl: 0, active_items: 0 });
  });
});

describe.each(engines)('overviewKpis on a monthly lakehouse on $name', (engine) => {
  const db = useGold(engine, sampleMonthlyGold);

  it.each<Filter>([
    {},
    { category: 'cable' },
    { from: '2024-02-01', to: '2024-03-31' },
    { category: 'battery', from: '2024-02-14', to: '2024-04-02' }, // cuts months: whole months
  ])('answers from fact_demand_monthly alone for %o', async (chosen) => {
    const monthly = {
      ...chosen,
      ...(chosen.from ? { from: monthStart(chosen.from) } : {}),
      ...(chosen.to ? { to: periodEndOf('month', monthStart(chosen.to)) } : {}),
    };
    const [row] = await overviewKpis(db(), chosen, ['month']);
    const want = expected(monthly);
    expect(row?.demand_value_brl).toBeCloseTo(want.demand_value_brl, 2);
    expect(row).toMatchObject({ active_items: want.active_items, item_count: want.item_count, unit: want.unit });
    // Actuals run from the first month's first day to the last month's last day.
    expect(row).toMatchObject({ actuals_from: '2024-01-01', actuals_through: '2024-05-31' });
  });
});

describe.each(engines)('overviewKpis with no actuals on $name', (engine) => {
  const db = useGold(engine, {
    dim_item: sampleItems,
    fact_demand_weekly: [],
    fact_demand_monthly: [],
    agg_category_daily: [],
  });

  it('returns zeros and empty dates instead of nulls', async () => {
    const [row] = await overviewKpis(db(), {});
    expect(row).toMatchObject({
      demand_value_brl: 0,
      active_items: 0,
      item_count: sampleItems.length,
      actuals_from: '',
      actuals_through: '',
    });
  });
});

describe('overviewKpis date checks', () => {
  const db = { query: () => Promise.reject(new Error('must not be called')) };
  it.each([
    { from: "2024-01-01' OR 1=1 --" },
    { to: '2024-13-01' },
    { from: '2024-02-30' },
    { to: '01/02/2024' },
    { from: '' },
  ])('rejects %o before any SQL runs', (filter) => {
    expect(() => overviewKpis(db, filter)).toThrow(RangeError);
  });
});
