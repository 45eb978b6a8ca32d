import { describe, expect, it } from 'vitest';
import { demandTrend, isTrendGrain } from '../../../../web/src/lib/data/queries/demand-trend.ts';
import { engines } from '../../helpers/engines.ts';
import { useGold } from '../../helpers/use-gold.ts';
import { addDays, sampleDemand, sampleItems } from '../../helpers/sample-gold.ts';

/** Monday of the ISO week holding `iso`. */
function weekStart(iso: string): string {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(iso, -((weekday + 6) % 7));
}

function expectedTrend(bucket: (iso: string) => string, category?: string) {
  const inCategory = new Set(sampleItems.filter((i) => !category || i.category === category).map((i) => i.item_id));
  const totals = new Map<string, number>();
  for (const row of sampleDemand) {
    if (!inCategory.has(row.item_id)) continue;
    const period = bucket(row.date);
    totals.set(period, (totals.get(period) ?? 0) + row.demand);
  }
  return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([period, units]) => ({ period, units }));
}

describe.each(engines)('demandTrend on $name', (engine) => {
  const db = useGold(engine, { dim_item: sampleItems, fact_demand_daily: sampleDemand });

  it.each([
    { grain: 'day' as const, category: undefined, bucket: (iso: string) => iso },
    { grain: 'day' as const, category: 'cable', bucket: (iso: string) => iso },
    { grain: 'week' as const, category: undefined, bucket: weekStart },
    { grain: 'week' as const, category: 'battery', bucket: weekStart },
  ])('$grain totals for category $category', async ({ grain, category, bucket }) => {
    const rows = await demandTrend(db(), { grain, category });
    const expected = expectedTrend(bucket, category);
    expect(rows.map((r) => r.period)).toEqual(expected.map((r) => r.period));
    rows.forEach((row, i) => expect(row.units).toBeCloseTo(expected[i]?.units ?? NaN, 9));
  });

  it('returns no rows for a category without items', async () => {
    expect(await demandTrend(db(), { grain: 'week', category: 'radio' })).toEqual([]);
  });

  it('treats a category as a value, never as SQL', async () => {
    expect(await demandTrend(db(), { grain: 'day', category: "cable' OR '1'='1" })).toEqual([]);
  });
});

describe('demandTrend grain allow-list', () => {
  it.each([
    { value: 'day', expected: true },
    { value: 'week', expected: true },
    { value: 'month', expected: false },
    { value: "week'); DROP VIEW dim_item; --", expected: false },
    { value: 7, expected: false },
    { value: undefined, expected: false },
  ])('isTrendGrain($value) is $expected', ({ value, expected }) => {
    expect(isTrendGrain(value)).toBe(expected);
  });

  it('rejects an unknown grain before any SQL runs', () => {
    const db = { query: () => Promise.reject(new Error('must not be called')) };
    expect(() => demandTrend(db, { grain: 'month' as 'day' })).toThrow(RangeError);
  });
});
