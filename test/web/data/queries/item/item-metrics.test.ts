import { describe, expect, it } from 'vitest';
import { itemMetrics } from '../../../../../web/src/lib/data/queries/item/item-metrics.ts';
import { engines } from '../../../helpers/engines.ts';
import { useGold } from '../../../helpers/use-gold.ts';
import { sampleItems } from '../../../helpers/sample-gold.ts';
import { sampleMetrics } from '../../../helpers/sample-ml.ts';

const columns = [
  'model',
  'mase',
  'rmsse',
  'wape',
  'bias',
  'coverage_80',
  'n_test_points',
  'is_selected',
  'safety_stock',
  'reorder_point',
  'service_level',
  'generated_at',
] as const;

function expected(itemKey: number) {
  return sampleMetrics
    .filter((m) => m.item_key === itemKey)
    .sort((a, b) => {
      if (a.mase === null || b.mase === null) return a.mase === null ? 1 : -1;
      return a.mase - b.mase || a.model.localeCompare(b.model);
    })
    .map((m) => Object.fromEntries(columns.map((c) => [c, m[c]])));
}

describe.each(engines)('itemMetrics on $name', (engine) => {
  const db = useGold(engine, { dim_item: sampleItems, fact_metrics: sampleMetrics });

  it.each([1, 2, 3, 4, 5])('item %s: every candidate, best MASE first', async (itemKey) => {
    expect(await itemMetrics(db(), itemKey)).toEqual(expected(itemKey));
  });

  it('marks exactly the lowest-MASE model selected, with its policy', async () => {
    const rows = await itemMetrics(db(), 1);
    expect(rows.filter((r) => r.is_selected).map((r) => r.model)).toEqual([rows[0]?.model]);
    expect(rows[0]?.reorder_point).toBe(40);
    expect(rows.slice(1).every((r) => r.reorder_point === null)).toBe(true);
  });

  it('is empty for an item without a backtest', async () => {
    expect(await itemMetrics(db(), 6)).toEqual([]);
  });
});

describe('itemMetrics input', () => {
  const db = { query: () => Promise.reject(new Error('must not be called')) };
  it.each([1.5, Number.NaN, '1 OR true' as unknown as number])('rejects item key %s', (key) => {
    expect(() => itemMetrics(db, key)).toThrow(RangeError);
  });
});
