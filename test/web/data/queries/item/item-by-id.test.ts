import { describe, expect, it } from 'vitest';
import { itemById } from '../../../../../web/src/lib/data/queries/item/item-by-id.ts';
import { engines } from '../../../helpers/engines.ts';
import { useGold } from '../../../helpers/use-gold.ts';
import { sampleItems } from '../../../helpers/sample-gold.ts';

describe.each(engines)('itemById on $name', (engine) => {
  const db = useGold(engine, { dim_item: sampleItems });

  it.each(sampleItems.map((i) => i.item_id))('%s', async (id) => {
    expect(await itemById(db(), id)).toEqual(sampleItems.filter((i) => i.item_id === id));
  });

  it.each(['it001', 'IT00', '', "IT001' OR '1'='1", 'IT001%'])('finds nothing for "%s"', async (id) => {
    expect(await itemById(db(), id)).toEqual([]);
  });
});
