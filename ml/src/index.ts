/** The ml package's public entry (bench, tests): the forecasting core and the lakehouse job. */
export { forecastItems, type ForecastOptions, type ForecastOutput } from './forecast-items.ts';
export { forecastLakehouse, type LakehouseForecastOptions } from './gold/forecast-lakehouse.ts';
export { forecastSeriesFile } from './io/forecast-series-file.ts';
export { defaultModels, ML_VERSION, modelVersion, type ModelConfig } from './model-config.ts';
export { defaultSpec, type Period, type Series, type SeriesSpec } from './series.ts';
export { evaluateSeries } from './evaluate-series.ts';
export type { SeriesFit } from './fit-series.ts';
