/**
 * The selected models the overview's forecast KPIs count: for each item in the category filter, its
 * selected model (fact_metrics `is_selected`) with the lead-time demand stored beside it (derived
 * from that model's latest forecast origin when the forecast tables are written, so the overview
 * never scans fact_forecasts). Joined with dim_item on item_key (INTEGER): cheaper than comparing
 * item_id strings; the category's item_key span is bound on fact_metrics, sorted by it.
 */
import { sql, type SqlText } from '#schema/sql.ts';
import {
  category,
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
