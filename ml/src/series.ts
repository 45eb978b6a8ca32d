/**
 * The forecasting core's input: plain series with no knowledge of the lakehouse. A series is the
 * dense run of one item's values at one period, starting at `start` (the first period's start date).
 */
export const periods = ['day', 'week', 'month'] as const;
export type Period = (typeof periods)[number];

export interface Series {
  itemId: string;
  /** ISO yyyy-mm-dd of the first period. */
  start: string;
  values: readonly number[];
}

/** How a run treats every series: its period, season, horizons and backtest origins. */
export interface SeriesSpec {
  period: Period;
  seasonLength: number;
  /** Periods forecast ahead from the last actual. */
  horizon: number;
  /** Periods each backtest origin forecasts. */
  backtestHorizon: number;
  /** Rolling backtest origins (the last one ends at the last actual). */
  origins: number;
}

/** Defaults by period: a week season on daily data, a year on monthly. */
export function defaultSpec(period: Period): SeriesSpec {
  switch (period) {
    case 'day':
      return { period, seasonLength: 7, horizon: 90, backtestHorizon: 28, origins: 4 };
    case 'week':
      return { period, seasonLength: 52, horizon: 13, backtestHorizon: 4, origins: 4 };
    case 'month':
      return { period, seasonLength: 12, horizon: 12, backtestHorizon: 3, origins: 4 };
  }
}

export function isPeriod(value: string): value is Period {
  return (periods as readonly string[]).includes(value);
}
