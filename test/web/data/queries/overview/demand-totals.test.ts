import { describe, expect, it } from 'vitest';
import { categories } from '../../../../../web/src/lib/data/queries/categories.ts';
import { demandTotals } from '../../../../../web/src/lib/data/queries/overview/demand-totals.ts';
import { engines } from '../../../helpers/engines.ts';
import { useGold } from '../../../helpers/use-gold.ts';
import { sampleAggregateGold, sampleMonthlyGold } from '../../../helpers/sample-category-daily.ts';
import { itemsIn, rowsIn, sum, unitOf, widened, type Filter } from '../../../helpers/overview-reference.ts';

// The reference: the daily rows over the range widened to whole periods.
function expected(chosen: Filter) {
  const filter = widened(chosen);
  const rows = rowsIn(filter);
  const unit = unitOf(filter);
  return {
    demand_value_brl: Math.round(100 * sum(rows.map((r) => r.value_brl))) / 100,
    item_count: itemsIn(filter).length,
    demand_units: unit === null ? null : sum(rows.map((r) => r.demand)),
    unit,
  };
}

describe.each(engines)('demandTotals on $name', (engine) => {
  const db = useGold(engine, sampleAggregateGold);

  it.each<Filter>([{}, { category: 'battery' }, { category: 'cable', from: '2024-02-20' }])(
    'sums value and units of %o without reading a per-item fact',
    async (filter) => {
      const [row] = await demandTotals(db(), filter);
      const { demand_value_brl, demand_units, ...rest } = expected(filter);
      expect(row).toMatchObject(rest);
      expect(row).not.toHaveProperty('active_items');
      expect(row?.demand_value_brl).toBeCloseTo(demand_value_brl, 2);
      if (demand_units === null) expect(row?.demand_units).toBeNull();
      else expect(row?.demand_units).toBeCloseTo(demand_units, 9);
    },
  );

  it('treats a category as a value, never as SQL', async () => {
    const [row] = await demandTotals(db(), { category: "battery' OR '1'='1" });
    expect(row).toMatchObject({ demand_value_brl: 0, item_count: 0, unit: null });
  });
});

describe.each(engines)('demandTotals on a monthly lakehouse on $name', (engine) => {
  const db = useGold(engine, sampleMonthlyGold);

  it.each<Filter>([{ category: 'battery' }, { category: 'cable', from: '2024-02-01', to: '2024-03-31' }])(
    'gives the same answer for %o with the key span bound on the monthly fact',
    async (filter) => {
      const row = (await categories(db())).find((candidate) => candidate.category === filter.category);
      if (!row) throw new Error(`no ${filter.category} in the category list`);
      const plain = await demandTotals(db(), filter, ['month']);
      expect(plain[0]).toMatchObject({ item_count: expected(filter).item_count });
      const keys = { first: row.first_key, last: row.last_key };
      expect(await demandTotals(db(), { ...filter, keys }, ['month'])).toEqual(plain);
      expect(await demandTotals(db(), { ...filter, keys: { first: 1, last: 99 } }, ['month'])).toEqual(plain);
    },
  );

  it('binds the span as a value and refuses one that is not whole numbers', async () => {
    const keys = { first: 1, last: 99 };
    const [row] = await demandTotals(db(), { category: "cable' OR '1'='1", keys }, ['month']);
    expect(row).toMatchObject({ demand_value_brl: 0, item_count: 0 });
    expect(() => demandTotals(db(), { category: 'cable', keys: { first: 1, last: 2.5 } }, ['month'])).toThrow(
      RangeError,
    );
  });
});
