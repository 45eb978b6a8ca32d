import { describe, expect, it } from 'vitest';
import { categoryMix } from '../../../../../web/src/lib/data/queries/overview/category-mix.ts';
import { engines } from '../../../helpers/engines.ts';
import { useGold } from '../../../helpers/use-gold.ts';
import { sampleItems } from '../../../helpers/sample-gold.ts';
import { sampleAggregateGold, sampleMonthlyGold } from '../../../helpers/sample-category-daily.ts';
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
  const db = useGold(engine, sampleAggregateGold);

  // agg_category_daily is exact for any days: a range that cuts weeks is answered as given.
  it.each<Filter>([{}, { from: '2024-03-01', to: '2024-03-15' }, { from: '2024-01-05', to: '2024-02-08' }])('shares of value for %o', async (filter) => {
    const rows = await categoryMix(db(), filter);
    const want = expected(filter);
    expect(rows.map((r) => r.category)).toEqual(want.map((r) => r.category));
    rows.forEach((row, i) => {
      expect(row.value_brl).toBeCloseTo(want[i]?.value_brl ?? NaN, 6);
      expect(row.share).toBeCloseTo(want[i]?.share ?? NaN, 9);
    });
    expect(sum(rows.map((r) => r.share))).toBeCloseTo(1, 9);
  });

  it('treats dates as values: an injection string is refused before any SQL runs', () => {
    expect(() => categoryMix(db(), { from: "2024-01-01' OR '1'='1" })).toThrow(RangeError);
  });

  it('rejects a malformed date before any SQL runs', () => {
    expect(() => categoryMix(db(), { to: '2024-01-01 OR 1=1' })).toThrow(RangeError);
  });
});

describe.each(engines)('categoryMix on a monthly lakehouse on $name', (engine) => {
  const db = useGold(engine, sampleMonthlyGold);

  it('shares whole months from fact_demand_monthly alone', async () => {
    const rows = await categoryMix(db(), { from: '2024-03-10', to: '2024-04-20' }, ['month']);
    const want = expected({ from: '2024-03-01', to: '2024-04-30' });
    expect(rows.map((r) => r.category)).toEqual(want.map((r) => r.category));
    rows.forEach((row, i) => expect(row.value_brl).toBeCloseTo(want[i]?.value_brl ?? NaN, 6));
  });
});
