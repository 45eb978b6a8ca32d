import { describe, expect, it } from 'vitest';
import { categories } from '../../../../web/src/lib/data/queries/categories.ts';
import { engines } from '../../helpers/engines.ts';
import { useGold } from '../../helpers/use-gold.ts';
import { sampleItems } from '../../helpers/sample-gold.ts';

describe.each(engines)('categories on $name', (engine) => {
  const db = useGold(engine, { dim_item: sampleItems });

  it('lists each category once, sorted, with its item count', async () => {
    const counts = new Map<string, number>();
    for (const item of sampleItems) counts.set(item.category, (counts.get(item.category) ?? 0) + 1);
    const expected = [...counts.keys()].sort().map((category) => ({ category, item_count: counts.get(category) }));
    expect(await categories(db())).toEqual(expected);
  });
});
