/**
 * Fitting one series with every local candidate: at each backtest origin the model gets a copy of
 * the values before the origin and nothing else (the leakage guard), then once on the whole history
 * for the future. Scoring, intervals and selection happen afterwards on what this returns
 * (evaluate-item.ts), so global models fitted elsewhere (LSTM) join on equal terms.
 */
import type { ModelName } from '#schema';
import { backtestOrigins } from './backtest-origins.ts';
import { naiveScale } from './metrics.ts';
import type { LocalModel, ModelContext } from './models/model.ts';
import type { Series, SeriesSpec } from './series.ts';

export interface ModelFit {
  model: ModelName;
  /** Forecasts per backtest origin, `backtestHorizon` values each. */
  backtest: number[][];
  /** `horizon` values after the last actual. */
  future: number[];
}

export interface SeriesFit {
  itemId: string;
  start: string;
  length: number;
  origins: number[];
  /** Actuals of each origin's window. */
  actuals: number[][];
  /** Seasonal naive scale of each origin's training values. */
  scales: { mae: number; mse: number }[];
  fits: ModelFit[];
  failures: { model: ModelName; message: string }[];
}

export function originWindows(
  series: Series,
  spec: SeriesSpec,
): Pick<SeriesFit, 'origins' | 'actuals' | 'scales'> {
  const origins = backtestOrigins(series.values.length, spec);
  return {
    origins,
    actuals: origins.map((origin) => series.values.slice(origin, origin + spec.backtestHorizon)),
    scales: origins.map((origin) => naiveScale(series.values.slice(0, origin), spec.seasonLength)),
  };
}

function cleaned(values: readonly number[], length: number): number[] {
  return Array.from({ length }, (_, i) => {
    const value = values[i] ?? 0;
    return Number.isFinite(value) ? Math.max(0, value) : 0;
  });
}

export function fitModel(
  model: LocalModel,
  series: Series,
  spec: SeriesSpec,
  origins: readonly number[],
): ModelFit {
  const context: ModelContext = { period: spec.period, seasonLength: spec.seasonLength, start: series.start };
  // slice() hands each fit its own copy: nothing after the origin exists for the model.
  const backtest = origins.map((origin) =>
    cleaned(
      model.forecast(series.values.slice(0, origin), spec.backtestHorizon, context),
      spec.backtestHorizon,
    ),
  );
  const future = cleaned(model.forecast(series.values.slice(), spec.horizon, context), spec.horizon);
  return { model: model.name, backtest, future };
}

/** Fits every model; `seconds` (when given) adds up the time each model took. */
export function fitSeries(
  series: Series,
  spec: SeriesSpec,
  models: readonly LocalModel[],
  seconds?: Partial<Record<ModelName, number>>,
): SeriesFit {
  const windows = originWindows(series, spec);
  const fits: ModelFit[] = [];
  const failures: SeriesFit['failures'] = [];
  for (const model of models) {
    const started = performance.now();
    try {
      fits.push(fitModel(model, series, spec, windows.origins));
    } catch (error) {
      // A model that cannot fit this series (too short, degenerate) is left out of its selection.
      failures.push({ model: model.name, message: error instanceof Error ? error.message : String(error) });
    }
    if (seconds) seconds[model.name] = (seconds[model.name] ?? 0) + (performance.now() - started) / 1000;
  }
  return {
    itemId: series.itemId,
    start: series.start,
    length: series.values.length,
    ...windows,
    fits,
    failures,
  };
}
