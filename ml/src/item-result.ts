/**
 * One item's rows for the two ML tables: every model's backtest scores (the selected one flagged,
 * with its inventory policy) and the selected model's future forecast with its 80 % band.
 */
import type { DemandClass, FactForecastsRow, FactMetricsRow, ModelName } from '#schema';
import { evaluateSeries } from './evaluate-series.ts';
import type { SeriesFit } from './fit-series.ts';
import { inventoryPolicy } from './inventory-policy.ts';
import { addPeriods, daysAhead } from './period-dates.ts';
import { applyBand } from './residual-interval.ts';
import type { SeriesSpec } from './series.ts';

export type Nullable<T> = { [K in keyof T]: T[K] | null };
export type ForecastRow = FactForecastsRow;
/** lead_time_demand is derived from the written forecasts (see write-ml-tables.ts), not per item. */
export type MetricsRow = Nullable<Omit<FactMetricsRow, 'lead_time_demand'>>;

export interface ItemMeta {
  itemKey: number;
  demandClass: DemandClass;
  /** Lead time in days; undefined when the series carries none (no inventory policy then). */
  leadTimeDays: number | undefined;
}

export interface RunMeta {
  modelVersion: string;
  generatedAt: string;
  source: string;
  level: number;
  serviceLevel: number;
  order: readonly ModelName[];
}

const DAYS_PER_PERIOD = { day: 1, week: 7, month: 365.25 / 12 } as const;

export function itemRows(
  fit: SeriesFit,
  spec: SeriesSpec,
  item: ItemMeta,
  run: RunMeta,
): { forecasts: ForecastRow[]; metrics: MetricsRow[] } {
  const { scores, selected } = evaluateSeries(fit, run.level, run.order);
  const origin = addPeriods(fit.start, spec.period, fit.length - 1);
  const common = {
    item_key: item.itemKey,
    item_id: fit.itemId,
    model_version: run.modelVersion,
    generated_at: run.generatedAt,
    source: run.source,
  };
  const chosen = fit.fits.find((candidate) => candidate.model === selected?.model);
  const policy =
    selected && chosen && item.leadTimeDays !== undefined
      ? inventoryPolicy({
          rmse: selected.rmse,
          future: chosen.future,
          leadPeriods: item.leadTimeDays / DAYS_PER_PERIOD[spec.period],
          serviceLevel: run.serviceLevel,
        })
      : undefined;
  const metrics = scores.map((score): MetricsRow => {
    const isSelected = score.model === selected?.model;
    return {
      ...common,
      demand_class: item.demandClass,
      model: score.model,
      mase: score.mase,
      rmsse: score.rmsse,
      wape: score.wape ?? null,
      bias: score.bias ?? null,
      coverage_80: score.coverage,
      n_test_points: score.testPoints,
      is_selected: isSelected,
      safety_stock: isSelected && policy ? policy.safetyStock : null,
      reorder_point: isSelected && policy ? policy.reorderPoint : null,
      service_level: isSelected && policy ? policy.serviceLevel : null,
    };
  });
  if (!selected || !chosen) return { forecasts: [], metrics };
  const { lower, upper } = applyBand(chosen.future, selected.band);
  const forecasts = chosen.future.map((yhat, i): ForecastRow => ({
    item_key: item.itemKey,
    item_id: fit.itemId,
    date: addPeriods(origin, spec.period, i + 1),
    horizon_days: daysAhead(origin, spec.period, i + 1),
    yhat,
    yhat_lower: lower[i] ?? 0,
    yhat_upper: upper[i] ?? 0,
    model: selected.model,
    model_version: run.modelVersion,
    forecast_origin: origin,
    generated_at: run.generatedAt,
    source: run.source,
  }));
  return { forecasts, metrics };
}
