import { describe, expect, it } from 'vitest';
import { categories } from '../../../../web/src/lib/data/queries/categories.ts';
import { engines } from '../../helpers/engines.ts';
import { useGold } from '../../helpers/use-gold.ts';
import { sampleItems } from '../../helpers/sample-gold.ts';

describe.each(engines)('categories on $name', (engine) => {
  const db = useGold(engine, { dim_item: sampleItems });

  it('lists each category once, sorted, with its item count and item_key span', async () => {
    const names = [...new Set(sampleItems.map((item) => item.category))].sort();
    const expected = names.map((category) => {
      const keys = sampleItems.filter((item) => item.category === category).map((item) => item.item_key);
      return { category, item_count: keys.length, first_key: Math.min(...keys), last_key: Math.max(...keys) };
    });
    expect(await categories(db())).toEqual(expected);
  });
});
