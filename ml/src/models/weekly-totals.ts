/**
 * Temporal aggregation for daily series (the idea behind ADIDA): a model is fitted on weekly totals
 * and its weekly forecast is spread back over the days. Weeks are counted back from the end of the
 * training values, so the last week ends at the origin and a forecast week is always whole; the
 * leading days that do not fill a week are left out. Fitting ~150 weekly totals instead of ~1,100
 * days is what makes the expensive candidates affordable on thousands of items, and the day-of-week
 * profile restores the weekly pattern the totals hide.
 */
import { addPeriods } from '../period-dates.ts';
import type { LocalModel, ModelContext } from './model.ts';

const DAYS = 7;
/** Weeks of recent history the day-of-week profile is measured on (a year). */
export const PROFILE_WEEKS = 52;

export interface WeeklyTotals {
  /** Leading days left out so the last week ends at the last value. */
  offset: number;
  totals: number[];
}

export function weeklyTotals(train: readonly number[]): WeeklyTotals {
  const weeks = Math.floor(train.length / DAYS);
  const offset = train.length - weeks * DAYS;
  const totals = Array.from({ length: weeks }, (_, w) => {
    let sum = 0;
    for (let d = 0; d < DAYS; d += 1) sum += train[offset + w * DAYS + d] ?? 0;
    return sum;
  });
  return { offset, totals };
}

/**
 * Each weekday's share of demand over the last `weeks` whole weeks, indexed by position within
 * the week (0 is the day after a week ends at the origin). No demand at all: an even spread.
 */
export function dayOfWeekProfile(train: readonly number[], weeks = PROFILE_WEEKS): number[] {
  const whole = Math.min(weeks, Math.floor(train.length / DAYS));
  const from = train.length - whole * DAYS;
  const sums = new Array<number>(DAYS).fill(0);
  for (let t = from; t < train.length; t += 1) {
    const d = (t - from) % DAYS;
    sums[d] = (sums[d] ?? 0) + Math.max(0, train[t] ?? 0);
  }
  const total = sums.reduce((a, b) => a + b, 0);
  return total > 0 ? sums.map((sum) => sum / total) : new Array<number>(DAYS).fill(1 / DAYS);
}

export const evenProfile: readonly number[] = new Array<number>(DAYS).fill(1 / DAYS);

/** Day t after the origin gets its week's total times its weekday's share. */
export function spreadWeeks(
  weekly: readonly number[],
  profile: readonly number[],
  horizon: number,
): number[] {
  return Array.from(
    { length: horizon },
    (_, t) => (weekly[Math.floor(t / DAYS)] ?? 0) * (profile[t % DAYS] ?? 1 / DAYS),
  );
}

export interface WeeklyOptions {
  /** Season length of the weekly series handed to the model (52: a year; 1: none). */
  seasonLength: number;
  /** Spread by the item's day-of-week profile, or evenly (intermittent demand has no stable one). */
  spread: 'profile' | 'even';
  /** Fit on the last this many weeks only (a bounded recent window); all of them when absent. */
  window?: number;
  /** Training runs with fewer whole weeks than this go to the model as days (MSTL's yearly season needs two). */
  minWeeks?: number;
}

/** The weekly series a model sees for a daily training run: whole weeks, the recent window only. */
export function weeklyInput(
  train: readonly number[],
  context: ModelContext,
  options: WeeklyOptions,
): { totals: number[]; context: ModelContext } {
  const { offset, totals } = weeklyTotals(train);
  const skip = Math.max(0, totals.length - (options.window ?? totals.length));
  return {
    totals: totals.slice(skip),
    context: {
      period: 'week',
      seasonLength: options.seasonLength,
      start: addPeriods(context.start, 'day', offset + skip * DAYS),
    },
  };
}

/**
 * Runs `model` on the weekly totals of a daily series, under the same candidate name unless renamed;
 * series of other periods (or too short, see `minWeeks`) go to `model` unchanged.
 */
export function onWeeklyTotals(
  model: LocalModel,
  options: WeeklyOptions,
  name: LocalModel['name'] = model.name,
): LocalModel {
  return {
    name,
    forecast(train, horizon, context) {
      if (context.period !== 'day' || train.length < (options.minWeeks ?? 0) * DAYS) {
        return model.forecast(train, horizon, context);
      }
      const weekly = weeklyInput(train, context, options);
      const weeks = model.forecast(weekly.totals, Math.ceil(horizon / DAYS), weekly.context);
      const profile = options.spread === 'profile' ? dayOfWeekProfile(train) : evenProfile;
      return spreadWeeks(weeks, profile, horizon);
    },
  };
}
