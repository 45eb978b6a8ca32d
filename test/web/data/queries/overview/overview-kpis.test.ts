import { describe, expect, it } from 'vitest';
import { overviewKpis } from '../../../../../web/src/lib/data/queries/overview/overview-kpis.ts';
import { engines } from '../../../helpers/engines.ts';
import { useGold } from '../../../helpers/use-gold.ts';
import { sampleDemand, sampleItems } from '../../../helpers/sample-gold.ts';
import {
  firstActual,
  itemsIn,
  lastActual,
  rangeOf,
  rowsIn,
  sum,
  unitOf,
  type Filter,
} from '../../../helpers/overview-reference.ts';

function expected(filter: Filter) {
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
  const db = useGold(engine, { dim_item: sampleItems, fact_demand_daily: sampleDemand });

  it.each<Filter>([
    {},
    { category: 'battery' },
    { category: 'cable' },
    { from: '2024-02-10', to: '2024-03-20' },
    { category: 'cable', from: '2024-02-20' }, // IT004 stopped: one active item of two
    { from: '2023-01-01', to: '2030-01-01' }, // wider than the actuals: clamped
  ])('follows the filter %o', async (filter) => {
    const rows = await overviewKpis(db(), filter);
    expect(rows).toHaveLength(1);
    const { demand_value_brl, demand_units, ...rest } = expected(filter);
    expect(rows[0]).toMatchObject(rest);
    expect(rows[0]?.demand_value_brl).toBeCloseTo(demand_value_brl, 2);
    if (demand_units === null) expect(rows[0]?.demand_units).toBeNull();
    else expect(rows[0]?.demand_units).toBeCloseTo(demand_units, 9);
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

describe.each(engines)('overviewKpis with no actuals on $name', (engine) => {
  const db = useGold(engine, { dim_item: sampleItems, fact_demand_daily: [] });

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
