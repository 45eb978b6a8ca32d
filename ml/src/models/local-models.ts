/**
 * The local candidates by name; the global LSTM is fitted across series elsewhere.
 *
 * On daily series the expensive candidates (ets, mstl, prophet, arima) fit weekly totals of a recent
 * window and spread their forecast back over the days by the item's day-of-week profile
 * (weekly-totals.ts): on the mock lakehouse's backtest each scored as well as or better than its
 * fit on the days (ARIMA and ETS much better on smooth items) at a fifth to a twentieth of the cost.
 * Windows: a year for ets and arima (longer windows scored the same), two years for mstl and
 * prophet, which fit the yearly season and need two of them (MSTL fits shorter items' days, with
 * their weekly season).
 */
import type { ModelName } from '#schema';
import { arima } from './arima.ts';
import { croston, sba } from './croston.ts';
import { ets } from './ets.ts';
import type { LocalModel } from './model.ts';
import { mstl } from './mstl.ts';
import { prophet } from './prophet.ts';
import { seasonalNaive } from './seasonal-naive.ts';
import { tsb } from './tsb.ts';
import { onWeeklyTotals } from './weekly-totals.ts';

const YEAR = 52;

const localModels: Partial<Record<ModelName, LocalModel>> = {
  seasonal_naive: seasonalNaive,
  croston,
  sba,
  tsb,
  adida: onWeeklyTotals(sba, { seasonLength: 1, spread: 'profile' }, 'adida'),
  ets: onWeeklyTotals(ets, { seasonLength: 1, spread: 'profile', window: YEAR }),
  mstl: onWeeklyTotals(mstl, {
    seasonLength: YEAR,
    spread: 'profile',
    window: 2 * YEAR,
    minWeeks: 2 * YEAR,
  }),
  prophet: onWeeklyTotals(prophet, { seasonLength: YEAR, spread: 'profile', window: 2 * YEAR }),
  // The package's search wants 20 values: shorter training runs fit days.
  arima: onWeeklyTotals(arima, { seasonLength: YEAR, spread: 'profile', window: YEAR, minWeeks: 20 }),
};

export function localModel(name: ModelName): LocalModel | undefined {
  return localModels[name];
}
