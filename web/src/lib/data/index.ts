/**
 * The web data layer seen from outside the app (Node tests, bench, support/): the Db port, its
 * errors and the view SQL, so a native DuckDB can stand in for DuckDB-WASM on the same queries.
 */
export type { Db } from './db-port.ts';
export { QueryError } from './errors.ts';
export { goldViewSql } from './gold-views.ts';
export { itemFactFiles, itemFactSource } from './item-fact-source.ts';
// The questions the dashboard asks, so the bench runs exactly what the pages run.
export { categories } from './queries/categories.ts';
export { overviewKpis } from './queries/overview/overview-kpis.ts';
export { demandTotals } from './queries/overview/demand-totals.ts';
export { activeItems } from './queries/overview/active-items.ts';
export { forecastKpis } from './queries/overview/forecast-kpis.ts';
export { demandTrend } from './queries/overview/demand-trend.ts';
export { forecastTrend } from './queries/overview/forecast-trend.ts';
export { topItems } from './queries/overview/top-items.ts';
export { categoryMix } from './queries/overview/category-mix.ts';
export { overviewFilterFor } from './queries/overview/overview-range.ts';
export { searchItems } from './queries/item/search-items.ts';
export { itemById } from './queries/item/item-by-id.ts';
export { itemHistory } from './queries/item/item-history.ts';
export { itemForecast } from './queries/item/item-forecast.ts';
export { itemMetrics } from './queries/item/item-metrics.ts';
export { modelLeaderboard } from './queries/accuracy/model-leaderboard.ts';
export { maseHistogram } from './queries/accuracy/mase-histogram.ts';
export { worstItems } from './queries/accuracy/worst-items.ts';
