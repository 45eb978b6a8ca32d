import { describe, expect, it } from 'vitest';
import { WORST_ITEMS_MAX, worstItems } from '../../../../../web/src/lib/data/queries/accuracy/worst-items.ts';
import { engines } from '../../../helpers/engines.ts';
import { useGold } from '../../../helpers/use-gold.ts';
import { sampleItems } from '../../../helpers/sample-gold.ts';
import { sampleMetrics } from '../../../helpers/sample-ml.ts';

function expected(limit: number) {
  return sampleMetrics
    .filter((m) => m.is_selected && m.mase !== null && Number.isFinite(m.mase))
    .sort((a, b) => (b.mase ?? 0) - (a.mase ?? 0) || a.item_id.localeCompare(b.item_id))
    .slice(0, limit)
    .map((m) => ({
      item_id: m.item_id,
      name: sampleItems.find((i) => i.item_key === m.item_key)?.name,
      demand_class: m.demand_class,
      model: m.model,
      mase: m.mase,
      wape: m.wape,
      bias: m.bias,
      coverage_80: m.coverage_80,
    }));
}

describe.each(engines)('worstItems on $name', (engine) => {
  const db = useGold(engine, { dim_item: sampleItems, fact_metrics: sampleMetrics });

  it.each([1, 2, 10])('the worst %s', async (limit) => {
    expect(await worstItems(db(), limit)).toEqual(expected(limit));
  });
});

describe('worstItems limit', () => {
  const db = { query: () => Promise.reject(new Error('must not be called')) };
  it.each([0, -1, 2.5, Number.NaN, WORST_ITEMS_MAX + 1, '5; --' as unknown as number])('rejects %s', (limit) => {
    expect(() => worstItems(db, limit)).toThrow(RangeError);
  });
});
