import { describe, expect, it } from 'vitest';
import { categoryMix } from '../../../../../web/src/lib/data/queries/overview/category-mix.ts';
import { engines } from '../../../helpers/engines.ts';
import { useGold } from '../../../helpers/use-gold.ts';
import { sampleDemand, sampleItems } from '../../../helpers/sample-gold.ts';
import { rowsIn, sum, type Filter } from '../../../helpers/overview-reference.ts';

function expected(filter: Filter) {
  const category = new Map(sampleItems.map((i) => [i.item_id, i.category]));
  const values = new Map<string, number>();
  for (const row of rowsIn(filter)) {
    const name = category.get(row.item_id) ?? '';
    values.set(name, (values.get(name) ?? 0) + row.value_brl);
  }
  const total = sum([...values.values()]);
  return [...values.entries()]
    .map(([name, value]) => ({ category: name, value_brl: value, share: value / total }))
    .sort((a, b) => b.value_brl - a.value_brl);
}

describe.each(engines)('categoryMix on $name', (engine) => {
  const db = useGold(engine, { dim_item: sampleItems, fact_demand_daily: sampleDemand });

  it.each<Filter>([{}, { from: '2024-03-01', to: '2024-03-15' }])('shares of value for %o', async (filter) => {
    const rows = await categoryMix(db(), filter);
    const want = expected(filter);
    expect(rows.map((r) => r.category)).toEqual(want.map((r) => r.category));
    rows.forEach((row, i) => {
      expect(row.value_brl).toBeCloseTo(want[i]?.value_brl ?? NaN, 6);
      expect(row.share).toBeCloseTo(want[i]?.share ?? NaN, 9);
    });
    expect(sum(rows.map((r) => r.share))).toBeCloseTo(1, 9);
  });

  it('rejects a malformed date before any SQL runs', () => {
    expect(() => categoryMix(db(), { to: '2024-01-01 OR 1=1' })).toThrow(RangeError);
  });
});
