/**
 * The forecast rows the overview reads: for each item in the category filter, its selected model
 * (fact_metrics `is_selected`) and that model's latest forecast origin. Candidate models and older
 * origins may sit in fact_forecasts too; summing them would count an item's demand more than once.
 * Joined on item_key (INTEGER), as both forecast tables carry it: cheaper than comparing item_id
 * strings. DuckDB 0.9 evaluates a CTE again at every reference, so the queries that use these
 * reference `selected` (a few thousand rows of fact_metrics and dim_item) more than once, but scan
 * fact_forecasts, the large table, once per CTE below at most, and bind the category's item_key
 * span on it, as fact_forecasts is sorted by item_key (see `inKeyRange`).
 */
import { sql, type SqlText } from '#schema/sql.ts';
import {
  category,
  forecastOrigin,
  forecasts,
  isSelected,
  item,
  itemKey,
  leadTime,
  leadTimeDemand,
  mase,
  metrics,
  model,
  reorderPoint,
  unitCost,
} from '../gold-names.ts';
import { inCategory, inKeyRange, keyRangeParams, scopeParams, type OverviewFilter } from './overview-filter.ts';

export type ForecastFilter = Pick<OverviewFilter, 'category' | 'keys'>;

/**
 * `selected`: one row per item of the category with a selected model, with what the measures need
 * from fact_metrics and dim_item. Parameters: `selectedParams`.
 */
export function selectedCte(filter: ForecastFilter): SqlText {
  return sql`selected AS (
  SELECT m.${itemKey} AS item_key, any_value(m.${model}) AS model, any_value(m.${mase}) AS mase,
    any_value(m.${reorderPoint}) AS reorder_point, any_value(m.${leadTimeDemand}) AS lead_time_demand,
    any_value(i.${leadTime}) AS lead_time_days,
    any_value(i.${unitCost}) AS unit_cost_brl
  FROM ${metrics} AS m
  JOIN ${item} AS i ON i.${itemKey} = m.${itemKey}
  WHERE m.${isSelected} AND ${inCategory(sql`i.${category}`)}${inKeyRange(sql`m.${itemKey}`, filter)}
  GROUP BY m.${itemKey}
)`;
}

export function selectedParams(filter: ForecastFilter): (string | number | null)[] {
  return [...scopeParams(filter), ...keyRangeParams(filter)];
}

/**
 * FROM text: the rows of fact_forecasts (alias `fc`) that belong to a selected model, joined with
 * `selected` (alias `se`) and any further `join`; the caller keeps the latest origin. Parameters:
 * `keyRangeParams`.
 */
export function selectedForecastRows(filter: ForecastFilter, join: SqlText = sql``): SqlText {
  return sql`${forecasts} AS fc
  JOIN selected AS se ON se.item_key = fc.${itemKey} AND se.model = fc.${model}${join}
  WHERE TRUE${inKeyRange(sql`fc.${itemKey}`, filter)}`;
}

/** `latest`: each selected model's newest forecast origin. Parameters: `keyRangeParams`. */
export function latestOriginCte(filter: ForecastFilter): SqlText {
  return sql`latest AS (
  SELECT fc.${itemKey} AS item_key, max(fc.${forecastOrigin}) AS origin
  FROM ${selectedForecastRows(filter)}
  GROUP BY fc.${itemKey}
)`;
}
