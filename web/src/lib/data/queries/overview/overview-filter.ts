/**
 * The filters every overview query follows (category and date range, as the URL holds them), and
 * the CTEs that apply them to the smallest gold tables that answer (see overview-range.ts for which
 * and why). Values travel as parameters; dates are checked first, so a malformed one fails with a
 * clear message instead of a cast error from the engine.
 */
import { ident } from '#schema/ident.ts';
import { sql, type SqlText } from '#schema/sql.ts';
import { demandTableOfGrain, type DemandGrain } from '#schema/tables.ts';
import {
  category,
  categoryDaily,
  date,
  demand,
  item,
  itemId,
  itemKey,
  leadTime,
  unit,
  unitCost,
  valueBrl,
} from '../gold-names.ts';
import type { ItemGrain, OverviewPlan } from './overview-range.ts';
import { periodEnd, periodStart } from './trend-grain.ts';

export interface OverviewFilter {
  /** Only items of this category; `undefined` for all. */
  category?: string | undefined;
  /** Inclusive ISO dates (`yyyy-mm-dd`); `undefined` means the first or last actual day. */
  from?: string | undefined;
  to?: string | undefined;
}

/** Each grain's per-item table and its period column. */
const periodTable: Record<DemandGrain, { table: SqlText; start: SqlText }> = {
  day: { table: ident('table', demandTableOfGrain.day), start: date },
  week: { table: ident('table', demandTableOfGrain.week), start: ident('column', 'week_start') },
  month: { table: ident('table', demandTableOfGrain.month), start: ident('column', 'month_start') },
};

/**
 * Rows of (category, unit, day, demand, value_brl) at the finest stored grain: agg_category_daily
 * for a daily lakehouse; a week or month source has no days, so its own fact priced by dim_item,
 * `day` then being the period's first day.
 */
function categorySource(finest: DemandGrain): SqlText {
  if (finest === 'day') {
    return sql`SELECT ${category} AS category, ${unit} AS unit, ${date} AS day, ${demand} AS demand,
    ${valueBrl} AS value_brl
  FROM ${categoryDaily}`;
  }
  const { table, start } = periodTable[finest];
  return sql`SELECT i.${category} AS category, i.${unit} AS unit, f.${start} AS day, f.${demand} AS demand,
    f.${demand} * i.${unitCost} AS value_brl
  FROM ${table} AS f
  JOIN ${item} AS i ON i.${itemKey} = f.${itemKey}`;
}

/** The first and last actual day: the finest table's first period start and last period end. */
function actualsBounds(finest: DemandGrain): SqlText {
  const { table, start } = finest === 'day' ? { table: categoryDaily, start: date } : periodTable[finest];
  return sql`SELECT min(${start}) AS actuals_from, ${periodEnd(finest, sql`max(${start})`)} AS actuals_through
  FROM ${table}`;
}

/**
 * `span`: the actuals' first and last day, and the range shown (the filter clamped to them).
 * The CASTs pin parameter types, which inference would otherwise settle differently per engine.
 */
export function spanCte(finest: DemandGrain): SqlText {
  return sql`span AS (
  SELECT
    b.actuals_from,
    b.actuals_through,
    greatest(coalesce(CAST(? AS DATE), b.actuals_from), b.actuals_from) AS first_day,
    least(coalesce(CAST(? AS DATE), b.actuals_through), b.actuals_through) AS last_day
  FROM (${actualsBounds(finest)}) AS b
)`;
}

/** Parameters for `spanCte`: the plan's range, already checked and widened. */
export function spanParams(plan: Pick<OverviewPlan, 'from' | 'to'>): [string | null, string | null] {
  return [plan.from, plan.to];
}

/** `category_demand`: demand and value per category, unit and day (or period) inside `span`. */
export function categoryDemandCte(finest: DemandGrain): SqlText {
  return sql`category_demand AS (
  SELECT c.category, c.unit, c.day, c.demand, c.value_brl
  FROM (${categorySource(finest)}) AS c
  CROSS JOIN span AS s
  WHERE c.day BETWEEN ${periodStart(finest, sql`s.first_day`)} AND s.last_day
)`;
}

/**
 * `item_demand`: units per item in `scope` over the whole periods `span` covers, from the weekly or
 * monthly fact (a period is in when it starts inside the range or holds its first day).
 */
export function itemDemandCte(itemGrain: ItemGrain): SqlText {
  const { table, start } = periodTable[itemGrain];
  return sql`item_demand AS (
  SELECT f.${itemKey} AS item_key, sum(f.${demand}) AS units
  FROM ${table} AS f
  CROSS JOIN span AS s
  WHERE f.${start} BETWEEN ${periodStart(itemGrain, sql`s.first_day`)} AND s.last_day
    AND f.${itemKey} IN (SELECT item_key FROM scope)
  GROUP BY f.${itemKey}
)`;
}

/** `scope`: the items the category filter keeps, with what the measures need. */
export const scopeCte = sql`scope AS (
  SELECT ${itemKey} AS item_key, ${itemId} AS item_id, ${category} AS category, ${unit} AS unit,
    ${unitCost} AS unit_cost_brl, ${leadTime} AS lead_time_days
  FROM ${item}
  WHERE CAST(? AS VARCHAR) IS NULL OR ${category} = CAST(? AS VARCHAR)
)`;

/** A condition keeping the rows of the filtered category (all rows without one); `scopeParams`. */
export function inCategory(column: SqlText): SqlText {
  return sql`(CAST(? AS VARCHAR) IS NULL OR ${column} = CAST(? AS VARCHAR))`;
}

/** The one unit every item in scope shares, or NULL when they mix units (or there are none). */
export const scopeUnit: SqlText = sql`(SELECT CASE WHEN count(DISTINCT unit) = 1 THEN min(unit) END FROM scope)`;

/** Parameters for `scopeCte` and for each `inCategory`. */
export function scopeParams(filter: OverviewFilter): [string | null, string | null] {
  const value = filter.category ?? null;
  return [value, value];
}
