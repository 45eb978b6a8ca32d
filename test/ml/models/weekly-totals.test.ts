/**
 * Temporal aggregation of daily series (weekly totals counted back from the origin, a bounded
 * recent window, the day-of-week spread) and ADIDA, against hand-computed values.
 */
import { describe, expect, it } from 'vitest';
import { localModel } from '../../../ml/src/models/local-models.ts';
import type { LocalModel, ModelContext } from '../../../ml/src/models/model.ts';
import {
  dayOfWeekProfile,
  onWeeklyTotals,
  spreadWeeks,
  weeklyTotals,
} from '../../../ml/src/models/weekly-totals.ts';

const daily: ModelContext = { period: 'day', seasonLength: 7, start: '2026-01-01' };

function spy(): { model: LocalModel; seen: { train: number[]; horizon: number; context: ModelContext }[] } {
  const seen: { train: number[]; horizon: number; context: ModelContext }[] = [];
  const model: LocalModel = {
    name: 'ets',
    forecast(train, horizon, context) {
      seen.push({ train: [...train], horizon, context });
      return Array.from({ length: horizon }, (_, h) => 70 * (h + 1));
    },
  };
  return { model, seen };
}

describe('weekly totals', () => {
  it('counts whole weeks back from the last value, leaving out the leading days', () => {
    // 16 days 1..16: days 1–2 left out, weeks 3..9 and 10..16.
    const values = Array.from({ length: 16 }, (_, i) => i + 1);
    expect(weeklyTotals(values)).toEqual({ offset: 2, totals: [42, 91] });
    expect(weeklyTotals([1, 2, 3])).toEqual({ offset: 3, totals: [] });
  });

  it('measures each weekday share on the last whole weeks', () => {
    // Two weeks [1,0,0,0,0,0,1] and [3,0,0,0,0,0,1] after one left-out day: totals 4, 0, …, 2.
    const train = [100, 1, 0, 0, 0, 0, 0, 1, 3, 0, 0, 0, 0, 0, 1];
    expect(dayOfWeekProfile(train)).toEqual([4 / 6, 0, 0, 0, 0, 0, 2 / 6]);
    // On the last week only: 3 and 1.
    expect(dayOfWeekProfile(train, 1)).toEqual([3 / 4, 0, 0, 0, 0, 0, 1 / 4]);
    expect(dayOfWeekProfile(new Array<number>(14).fill(0))).toEqual(new Array<number>(7).fill(1 / 7));
  });

  it('spreads each forecast week over its days by the profile', () => {
    const profile = [0.4, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];
    expect(spreadWeeks([10, 20], profile, 9)).toEqual([4, 1, 1, 1, 1, 1, 1, 8, 2]);
  });
});

describe('a model on weekly totals', () => {
  it('sees the totals of its recent window, dated from that window, and forecasts whole weeks', () => {
    const { model, seen } = spy();
    const train = Array.from({ length: 30 }, (_, i) => i % 7);
    const wrapped = onWeeklyTotals(model, { seasonLength: 52, spread: 'even', window: 2 });
    const forecast = wrapped.forecast(train, 10, daily);
    // 30 days: 2 left out, 4 weeks; the window keeps the last 2 (days 16–29), which start on 1-17.
    expect(seen).toHaveLength(1);
    expect(seen[0]?.train).toEqual([21, 21]);
    expect(seen[0]?.horizon).toBe(2);
    expect(seen[0]?.context).toEqual({ period: 'week', seasonLength: 52, start: '2026-01-17' });
    expect(forecast).toEqual([...new Array<number>(7).fill(10), 20, 20, 20]);
  });

  it('passes series of other periods, and daily series shorter than minWeeks, through unchanged', () => {
    const { model, seen } = spy();
    const wrapped = onWeeklyTotals(model, { seasonLength: 52, spread: 'profile', minWeeks: 4 });
    wrapped.forecast([1, 2, 3], 2, { period: 'month', seasonLength: 12, start: '2026-01-01' });
    wrapped.forecast(new Array<number>(27).fill(1), 3, daily);
    expect(seen.map((call) => [call.train.length, call.horizon, call.context.period])).toEqual([
      [3, 2, 'month'],
      [27, 3, 'day'],
    ]);
  });
});

describe('ADIDA', () => {
  it('is SBA on the weekly totals, spread by the day-of-week profile (hand-computed)', () => {
    // Three weeks with demand on their first day only: totals 7, 0, 14.
    const week = (size: number) => [size, 0, 0, 0, 0, 0, 0];
    const train = [...week(7), ...week(0), ...week(14)];
    // SBA on [7, 0, 14]: rate 7 forecasts both later weeks, so the in-sample error
    // 49f² + (14 − 7f)² is least for the bias factor f = 1 − α/2 nearest 1: α 0.05. Then 14 after
    // 2 weeks: size 7 + 0.05·7 = 7.35, interval 1 + 0.05·1 = 1.05; SBA: 0.975·7.35 / 1.05 = 6.825.
    const adida = localModel('adida');
    const forecast = adida?.forecast(train, 8, daily) ?? [];
    expect(forecast[0]).toBeCloseTo(6.825, 12);
    expect(forecast.slice(1, 7)).toEqual(new Array<number>(6).fill(0));
    expect(forecast[7]).toBeCloseTo(6.825, 12);
  });

  it('is SBA itself on monthly series', () => {
    const train = [0, 3, 0, 0, 5, 0, 2, 0, 0, 4, 0, 1];
    const context = { period: 'month', seasonLength: 12, start: '2025-01-01' } as const;
    expect(localModel('adida')?.forecast(train, 3, context)).toEqual(
      localModel('sba')?.forecast(train, 3, context),
    );
  });
});
