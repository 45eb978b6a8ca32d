import { describe, expect, it } from 'vitest';
import { categories } from '../../../../../web/src/lib/data/queries/categories.ts';
import { demandTrend } from '../../../../../web/src/lib/data/queries/overview/demand-trend.ts';
import { isTrendGrain, type TrendGrain } from '../../../../../web/src/lib/data/queries/overview/trend-grain.ts';
import { engines } from '../../../helpers/engines.ts';
import { useGold } from '../../../helpers/use-gold.ts';
import { sampleAggregateGold, sampleMonthlyGold } from '../../../helpers/sample-category-daily.ts';
import { bucketOf, periodEndOf, rangeOf, rowsIn, unitOf, type Filter } from '../../../helpers/overview-reference.ts';

function expectedTrend(grain: TrendGrain, filter: Filter) {
  const { from, to } = rangeOf(filter);
  const totals = new Map<string, { value: number; units: number }>();
  for (const row of rowsIn(filter)) {
    const period = bucketOf[grain](row.date);
    const total = totals.get(period) ?? { value: 0, units: 0 };
    totals.set(period, { value: total.value + row.value_brl, units: total.units + row.demand });
  }
  const single = unitOf(filter) !== null;
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([period, t]) => ({
      period,
      value_brl: t.value,
      units: single ? t.units : null,
      partial: period < from || periodEndOf(grain, period) > to,
    }));
}

describe.each(engines)('demandTrend on $name', (engine) => {
  const db = useGold(engine, sampleAggregateGold);

  it.each<{ grain: TrendGrain } & Filter>([
    { grain: 'day' },
    { grain: 'day', category: 'cable', from: '2024-04-01' },
    { grain: 'week' },
    { grain: 'week', category: 'battery' },
    { grain: 'week', from: '2024-02-05', to: '2024-03-03' }, // Monday to Sunday: no partial week
    { grain: 'month' },
    { grain: 'month', category: 'antenna', from: '2024-02-01', to: '2024-03-31' },
    { grain: 'week', category: 'cable', from: '2024-02-08', to: '2024-03-13' }, // cuts weeks: flagged
  ])('$grain for %o', async ({ grain, ...filter }) => {
    const rows = await demandTrend(db(), { grain, ...filter });
    const expected = expectedTrend(grain, filter);
    expect(rows.map((r) => [r.period, r.partial])).toEqual(expected.map((r) => [r.period, r.partial]));
    rows.forEach((row, i) => {
      expect(row.value_brl).toBeCloseTo(expected[i]?.value_brl ?? NaN, 6);
      if (expected[i]?.units === null) expect(row.units).toBeNull();
      else expect(row.units).toBeCloseTo(expected[i]?.units ?? NaN, 9);
    });
  });

  it('flags the first and last week of the actuals as partial', async () => {
    // The sample starts on a Wednesday and ends on a Monday.
    const rows = await demandTrend(db(), { grain: 'week' });
    expect(rows.at(0)?.partial).toBe(true);
    expect(rows.at(-1)?.partial).toBe(true);
    expect(rows.slice(1, -1).every((r) => !r.partial)).toBe(true);
  });

  it('returns no rows for a category without items', async () => {
    expect(await demandTrend(db(), { grain: 'week', category: 'radio' })).toEqual([]);
  });

  it('treats a category as a value, never as SQL', async () => {
    expect(await demandTrend(db(), { grain: 'day', category: "cable' OR '1'='1" })).toEqual([]);
  });
});

describe.each(engines)('demandTrend on a monthly lakehouse on $name', (engine) => {
  const db = useGold(engine, sampleMonthlyGold);

  it('draws whole months from fact_demand_monthly alone', async () => {
    const rows = await demandTrend(db(), { grain: 'month', category: 'battery', from: '2024-02-10' }, ['month']);
    const expected = expectedTrend('month', { category: 'battery', from: '2024-02-01' });
    expect(rows.map((r) => r.period)).toEqual(expected.map((r) => r.period));
    rows.forEach((row, i) => expect(row.units).toBeCloseTo(expected[i]?.units ?? NaN, 9));
    // The months are whole in a monthly lakehouse: none is partial.
    expect(rows.some((r) => r.partial)).toBe(false);
  });

  it.each(['battery', 'cable'])('draws %s the same with its key span bound on the monthly fact', async (category) => {
    const row = (await categories(db())).find((candidate) => candidate.category === category);
    if (!row) throw new Error(`no ${category} in the category list`);
    const input = { grain: 'month' as const, category, from: '2024-02-01' };
    const plain = await demandTrend(db(), input, ['month']);
    expect(plain.map((r) => r.period)).toEqual(expectedTrend('month', input).map((r) => r.period));
    const keys = { first: row.first_key, last: row.last_key };
    expect(await demandTrend(db(), { ...input, keys }, ['month'])).toEqual(plain);
    expect(await demandTrend(db(), { ...input, keys: { first: 1, last: 99 } }, ['month'])).toEqual(plain);
  });

  it('refuses days and weeks it does not hold', () => {
    expect(() => demandTrend(db(), { grain: 'week' }, ['month'])).toThrow(RangeError);
    expect(() => demandTrend(db(), { grain: 'day' }, ['month'])).toThrow(RangeError);
  });
});

describe('demandTrend grain allow-list', () => {
  it.each([
    { value: 'day', expected: true },
    { value: 'week', expected: true },
    { value: 'month', expected: true },
    { value: 'year', expected: false },
    { value: "week'); DROP VIEW dim_item; --", expected: false },
    { value: 7, expected: false },
    { value: undefined, expected: false },
  ])('isTrendGrain($value) is $expected', ({ value, expected }) => {
    expect(isTrendGrain(value)).toBe(expected);
  });

  it('rejects an unknown grain or a malformed date before any SQL runs', () => {
    const db = { query: () => Promise.reject(new Error('must not be called')) };
    expect(() => demandTrend(db, { grain: 'year' as 'day' })).toThrow(RangeError);
    expect(() => demandTrend(db, { grain: 'day', to: "2024-01-01'--" })).toThrow(RangeError);
  });
});
