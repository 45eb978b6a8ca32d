import { describe, expect, it } from 'vitest';
import { TOP_ITEMS_MAX, TOP_ITEMS_WINDOW_DAYS, topItems } from '../../../../web/src/lib/data/queries/top-items.ts';
import { engines } from '../../helpers/engines.ts';
import { useGold } from '../../helpers/use-gold.ts';
import { addDays, sampleDemand, sampleItems } from '../../helpers/sample-gold.ts';

function expectedTop(limit: number, category?: string) {
  const last = sampleDemand.map((r) => r.date).sort().at(-1) ?? '';
  const start = addDays(last, -TOP_ITEMS_WINDOW_DAYS);
  const units = new Map<string, number>();
  for (const row of sampleDemand) {
    if (row.date > start) units.set(row.item_id, (units.get(row.item_id) ?? 0) + row.demand);
  }
  return sampleItems
    .filter((i) => units.has(i.item_id) && (!category || i.category === category))
    .map((i) => {
      const u = units.get(i.item_id) ?? 0;
      return { item_id: i.item_id, name: i.name, category: i.category, units: u, value_brl: u * i.unit_cost_brl };
    })
    .sort((a, b) => b.units - a.units || a.item_id.localeCompare(b.item_id))
    .slice(0, limit);
}

describe.each(engines)('topItems on $name', (engine) => {
  const db = useGold(engine, { dim_item: sampleItems, fact_demand_daily: sampleDemand });

  it.each([
    { limit: 3, category: undefined },
    { limit: 10, category: undefined },
    { limit: 10, category: 'cable' },
    { limit: 1, category: 'antenna' },
  ])('top $limit for category $category', async ({ limit, category }) => {
    const rows = await topItems(db(), { limit, category });
    const expected = expectedTop(limit, category);
    expect(rows.map((r) => [r.item_id, r.name, r.category])).toEqual(
      expected.map((r) => [r.item_id, r.name, r.category]),
    );
    rows.forEach((row, i) => {
      expect(row.units).toBeCloseTo(expected[i]?.units ?? NaN, 9);
      expect(row.value_brl).toBeCloseTo(expected[i]?.value_brl ?? NaN, 6);
    });
  });

  it('leaves out items without demand in the window', async () => {
    const ids = (await topItems(db(), { limit: 100 })).map((r) => r.item_id);
    expect(ids).not.toContain('IT006');
  });
});

describe('topItems limit', () => {
  const db = { query: () => Promise.reject(new Error('must not be called')) };
  it.each([0, -1, 2.5, Number.NaN, TOP_ITEMS_MAX + 1])('rejects %s', (limit) => {
    expect(() => topItems(db, { limit })).toThrow(RangeError);
  });
});
