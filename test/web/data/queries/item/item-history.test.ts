import { describe, expect, it } from 'vitest';
import { isItemGrain, itemHistory, type ItemGrain } from '../../../../../web/src/lib/data/queries/item/item-history.ts';
import { engines } from '../../../helpers/engines.ts';
import { useGoldFiles } from '../../../helpers/use-gold.ts';
import { sampleDemand, sampleItems } from '../../../helpers/sample-gold.ts';
import { periodStart, sampleMonthly, sampleWeekly } from '../../../helpers/sample-periods.ts';

function expected(itemKey: number, grain: ItemGrain, from?: string, to?: string) {
  const periods = new Map<string, { units: number; days: number }>();
  for (const row of sampleDemand.filter((r) => r.item_key === itemKey)) {
    const period = periodStart(grain, row.date);
    const total = periods.get(period) ?? { units: 0, days: 0 };
    periods.set(period, { units: total.units + row.demand, days: total.days + 1 });
  }
  return [...periods.entries()]
    .filter(([period]) => (!from || period >= from) && (!to || period <= to))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([period, t]) => ({ period, ...t }));
}

describe.each(engines)('itemHistory on $name', (engine) => {
  const { db, files } = useGoldFiles(engine, {
    dim_item: sampleItems,
    fact_demand_daily: sampleDemand,
    fact_demand_weekly: sampleWeekly,
    fact_demand_monthly: sampleMonthly,
  });

  it.each([
    { itemKey: 1, grain: 'day' as const },
    { itemKey: 4, grain: 'day' as const },
    { itemKey: 2, grain: 'week' as const },
    { itemKey: 3, grain: 'month' as const },
    { itemKey: 5, grain: 'week' as const, from: '2024-02-01', to: '2024-03-31' },
    { itemKey: 1, grain: 'day' as const, from: '2024-04-01' },
    { itemKey: 1, grain: 'month' as const, to: '2024-02-15' },
  ])('item $itemKey by $grain from $from to $to', async ({ itemKey, grain, from, to }) => {
    const rows = await itemHistory(db(), { itemKey, grain, from, to });
    const want = expected(itemKey, grain, from, to);
    expect(rows.map((r) => [r.period, r.days])).toEqual(want.map((r) => [r.period, r.days]));
    rows.forEach((row, i) => expect(row.units).toBeCloseTo(want[i]?.units ?? NaN, 9));
  });

  it('reads the day grain from the item\'s own file of the fact when given the manifest entry', async () => {
    const dailyFact = {
      files: [
        { path: files().fact_demand_daily ?? '', rows: 0, bytes: 0, sha256: '', item_keys: { min: 1, max: 5 } },
        { path: '/nowhere/other-range.parquet', rows: 0, bytes: 0, sha256: '', item_keys: { min: 6, max: 9 } },
      ],
      rows: 0,
      bytes: 0,
      columns: [],
    };
    const rows = await itemHistory(db(), { itemKey: 3, grain: 'day', dailyFact });
    expect(rows).toEqual(await itemHistory(db(), { itemKey: 3, grain: 'day' }));
    expect(rows).toHaveLength(expected(3, 'day').length);
  });

  it('reads each grain from its own table', async () => {
    const monthly = await itemHistory(db(), { itemKey: 2, grain: 'month' });
    const fromTable = sampleMonthly.filter((r) => r.item_key === 2).sort((a, b) => a.month_start.localeCompare(b.month_start));
    expect(monthly).toEqual(fromTable.map((r) => ({ period: r.month_start, units: r.demand, days: r.days })));
  });

  it('has partial weeks at both ends of the history', async () => {
    const rows = await itemHistory(db(), { itemKey: 1, grain: 'week' });
    expect(rows[0]?.days).toBeLessThan(7);
    expect(rows.slice(1, -1).every((r) => r.days === 7)).toBe(true);
  });

  it.each([6, 999, -1])('is empty for item %s, which has no demand rows', async (itemKey) => {
    expect(await itemHistory(db(), { itemKey, grain: 'day' })).toEqual([]);
  });

  it('takes a date as a value: a calendar-invalid one fails in DuckDB', async () => {
    await expect(itemHistory(db(), { itemKey: 1, grain: 'day', from: '2024-02-30' })).rejects.toThrow();
  });
});

describe('itemHistory input', () => {
  const db = { query: () => Promise.reject(new Error('must not be called')) };
  it.each(['year', "week'; --", 7, undefined])('rejects grain %s', (grain) => {
    expect(isItemGrain(grain)).toBe(false);
    expect(() => itemHistory(db, { itemKey: 1, grain: grain as ItemGrain })).toThrow(RangeError);
  });
  it.each(["2024-01-01' OR '1'='1", '2024-01-01 00:00', 'yesterday', ''])('rejects date "%s"', (from) => {
    expect(() => itemHistory(db, { itemKey: 1, grain: 'day', from })).toThrow(RangeError);
  });
  it.each([1.5, Number.NaN, '1 OR 1=1' as unknown as number])('rejects item key %s', (itemKey) => {
    expect(() => itemHistory(db, { itemKey, grain: 'day' })).toThrow(RangeError);
  });
});
