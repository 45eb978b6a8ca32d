import { describe, expect, it } from 'vitest';
import { categories } from '../../../../../web/src/lib/data/queries/categories.ts';
import { TOP_ITEMS_MAX, topItems } from '../../../../../web/src/lib/data/queries/overview/top-items.ts';
import { engines } from '../../../helpers/engines.ts';
import { useGold } from '../../../helpers/use-gold.ts';
import { sampleItems } from '../../../helpers/sample-gold.ts';
import { sampleAggregateGold, sampleMonthlyGold } from '../../../helpers/sample-category-daily.ts';
import { rowsIn, unitOf, widened, type Filter } from '../../../helpers/overview-reference.ts';

// The daily rows over the range widened to whole periods: what the weekly or monthly fact holds.
function expectedTop(limit: number, chosen: Filter) {
  const filter = widened(chosen);
  const units = new Map<string, number>();
  for (const row of rowsIn(filter)) units.set(row.item_id, (units.get(row.item_id) ?? 0) + row.demand);
  const byUnits = unitOf(filter) !== null;
  return sampleItems
    .filter((i) => (units.get(i.item_id) ?? 0) > 0)
    .map((i) => {
      const u = units.get(i.item_id) ?? 0;
      return { item_id: i.item_id, unit: i.unit, units: u, value_brl: u * i.unit_cost_brl };
    })
    .sort((a, b) => (byUnits ? b.units - a.units : b.value_brl - a.value_brl) || a.item_id.localeCompare(b.item_id))
    .slice(0, limit)
    .map((r) => ({ ...r, ranked_by: byUnits ? 'units' : 'value' }));
}

describe.each(engines)('topItems on $name', (engine) => {
  const db = useGold(engine, sampleAggregateGold);

  it.each<{ limit: number } & Filter>([
    { limit: 3 },
    { limit: 10 },
    { limit: 10, category: 'cable' },
    { limit: 1, category: 'antenna' },
    { limit: 10, from: '2024-03-01', to: '2024-03-31' },
    { limit: 10, category: 'cable', from: '2024-03-01' }, // IT004 stopped before: left out
    { limit: 10, category: 'cable', from: '2024-02-14' }, // IT004's last days fall in that week
    { limit: 10, from: '2024-03-13', to: '2024-03-27' }, // Wednesdays: whole weeks from the weekly fact
  ])('top $limit for %o', async ({ limit, ...filter }) => {
    const rows = await topItems(db(), { limit, ...filter });
    const expected = expectedTop(limit, filter);
    expect(rows.map((r) => [r.item_id, r.unit, r.ranked_by])).toEqual(
      expected.map((r) => [r.item_id, r.unit, r.ranked_by]),
    );
    rows.forEach((row, i) => {
      expect(row.units).toBeCloseTo(expected[i]?.units ?? NaN, 9);
      expect(row.value_brl).toBeCloseTo(expected[i]?.value_brl ?? NaN, 6);
    });
  });

  it('ranks all categories by value, so cheap metres of cable do not crowd out the list', async () => {
    const rows = await topItems(db(), { limit: 10 });
    expect(rows.every((r) => r.ranked_by === 'value')).toBe(true);
    const values = rows.map((r) => r.value_brl);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('treats a category as a value, never as SQL', async () => {
    expect(await topItems(db(), { limit: 10, category: "cable' OR '1'='1" })).toEqual([]);
  });

  it.each(['battery', 'cable', 'antenna'])('ranks %s the same with its key span bound', async (category) => {
    const row = (await categories(db())).find((candidate) => candidate.category === category);
    if (!row) throw new Error(`no ${category} in the category list`);
    const filter = { limit: 10, category, from: '2024-02-14' };
    const expected = expectedTop(10, filter).map((r) => r.item_id);
    const keys = { first: row.first_key, last: row.last_key };
    expect((await topItems(db(), { ...filter, keys })).map((r) => r.item_id)).toEqual(expected);
    const wide = { first: 1, last: sampleItems.length };
    expect((await topItems(db(), { ...filter, keys: wide })).map((r) => r.item_id)).toEqual(expected);
  });

  it('refuses a key span that is not whole numbers', () => {
    const keys = { first: 1.5, last: 3 };
    expect(() => topItems(db(), { limit: 10, category: 'cable', keys })).toThrow(RangeError);
  });
});

describe.each(engines)('topItems on a monthly lakehouse on $name', (engine) => {
  const db = useGold(engine, sampleMonthlyGold);

  it('ranks over whole months from fact_demand_monthly alone', async () => {
    const rows = await topItems(db(), { limit: 10, from: '2024-02-20', to: '2024-03-10' }, ['month']);
    const expected = expectedTop(10, { from: '2024-02-01', to: '2024-03-31' });
    expect(rows.map((r) => r.item_id)).toEqual(expected.map((r) => r.item_id));
    rows.forEach((row, i) => expect(row.units).toBeCloseTo(expected[i]?.units ?? NaN, 9));
  });
});

describe('topItems input checks', () => {
  const db = { query: () => Promise.reject(new Error('must not be called')) };
  it.each([0, -1, 2.5, Number.NaN, TOP_ITEMS_MAX + 1])('rejects limit %s', (limit) => {
    expect(() => topItems(db, { limit })).toThrow(RangeError);
  });
  it('rejects a date that is not yyyy-mm-dd', () => {
    expect(() => topItems(db, { limit: 5, from: "'; DROP VIEW dim_item; --" })).toThrow(RangeError);
  });
});
