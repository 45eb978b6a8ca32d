import { describe, expect, it } from 'vitest';
import { categories } from '../../../../../web/src/lib/data/queries/categories.ts';
import { activeItems } from '../../../../../web/src/lib/data/queries/overview/active-items.ts';
import { engines } from '../../../helpers/engines.ts';
import { useGold } from '../../../helpers/use-gold.ts';
import { sampleAggregateGold } from '../../../helpers/sample-category-daily.ts';
import { rowsIn, widened, type Filter } from '../../../helpers/overview-reference.ts';

// Items with demand in the range widened to whole periods, from the daily rows.
function expected(chosen: Filter): number {
  const perItem = new Map<string, number>();
  for (const r of rowsIn(widened(chosen))) perItem.set(r.item_id, (perItem.get(r.item_id) ?? 0) + r.demand);
  return [...perItem.values()].filter((units) => units > 0).length;
}

describe.each(engines)('activeItems on $name', (engine) => {
  const db = useGold(engine, sampleAggregateGold);

  it.each<Filter>([
    {},
    { category: 'cable', from: '2024-02-20' }, // IT004 stopped: one active item of two
    { from: '2024-02-01', to: '2024-03-31' }, // whole months: the monthly fact
    { category: 'battery', from: '2024-01-10', to: '2024-04-17' },
  ])('counts the items with demand for %o', async (filter) => {
    expect(await activeItems(db(), filter)).toEqual([{ active_items: expected(filter) }]);
  });

  it('gives the same count with the category key span bound', async () => {
    const row = (await categories(db())).find((candidate) => candidate.category === 'cable');
    if (!row) throw new Error('no cable in the category list');
    const filter = { category: 'cable', from: '2024-02-20', keys: { first: row.first_key, last: row.last_key } };
    expect(await activeItems(db(), filter)).toEqual([{ active_items: expected(filter) }]);
  });

  it('treats a category and dates as values, never as SQL', async () => {
    expect(await activeItems(db(), { category: "cable' OR '1'='1" })).toEqual([{ active_items: 0 }]);
    expect(() => activeItems(db(), { to: "2024-01-01' OR 1=1 --" })).toThrow(RangeError);
  });
});
