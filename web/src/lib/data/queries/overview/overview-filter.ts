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
import type { OverviewPlan } from './overview-range.ts';
import { periodEnd, periodStart } from './trend-grain.ts';

export interface OverviewFilter {
  /** Only items of this category; `undefined` for all. */
  category?: string | undefined;
  /** The item_key span of that category's items (categories() lists it); see `inKeyRange`. */
  keys?: ItemKeyRange | undefined;
  /** Inclusive ISO dates (`yyyy-mm-dd`); `undefined` means the first or last actual day. */
  from?: string | undefined;
  to?: string | undefined;
}

/** The lowest and highest item_key of a category's items. */
export interface ItemKeyRange {
  first: number;
  last: number;
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
 * `day` then being the period's first day. That fact is sorted by item_key, so the category's key
 * span is bound on it (`inKeyRange`); agg_category_daily holds no items and needs none.
 */
function categorySource(finest: DemandGrain, filter: Pick<OverviewFilter, 'category' | 'keys'>): SqlText {
  if (finest === 'day') {
    return sql`SELECT ${category} AS category, ${unit} AS unit, ${date} AS day, ${demand} AS demand,
    ${valueBrl} AS value_brl
  FROM ${categoryDaily}`;
  }
  const { table, start } = periodTable[finest];
  return sql`SELECT i.${category} AS category, i.${unit} AS unit, f.${start} AS day, f.${demand} AS demand,
    f.${demand} * i.${unitCost} AS value_brl
  FROM ${table} AS f
  JOIN ${item} AS i ON i.${itemKey} = f.${itemKey}
  WHERE TRUE${inKeyRange(sql`f.${itemKey}`, filter)}`;
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

/**
 * `category_demand`: demand and value per category, unit and day (or period) inside `span`; with
 * the filter's key span, a week or month source reads only that category's row groups (the caller
 * still keeps the category with `inCategory`). Parameters: `categoryDemandParams`.
 */
export function categoryDemandCte(
  finest: DemandGrain,
  filter: Pick<OverviewFilter, 'category' | 'keys'> = {},
): SqlText {
  return sql`category_demand AS (
  SELECT c.category, c.unit, c.day, c.demand, c.value_brl
  FROM (${categorySource(finest, filter)}) AS c
  CROSS JOIN span AS s
  WHERE c.day BETWEEN ${periodStart(finest, sql`s.first_day`)} AND s.last_day
)`;
}

/** Parameters for `categoryDemandCte`: the key span's ends when the source is a per-item fact. */
export function categoryDemandParams(
  finest: DemandGrain,
  filter: Pick<OverviewFilter, 'category' | 'keys'> = {},
): number[] {
  return finest === 'day' ? [] : keyRangeParams(filter);
}

/**
 * `item_demand`: units per item in `scope` over the whole periods of the plan's range, from the
 * weekly or monthly fact. The range is already widened to whole periods (overview-range.ts), and
 * the fact holds only periods of the actuals, so comparing period starts with the range ends is
 * exact without `span`; as parameters they are constants DuckDB applies in the scan (a join with
 * `span` became an inequality join over every row). Parameters: `itemDemandParams`.
 */
export function itemDemandCte(plan: Pick<OverviewPlan, 'itemGrain'>, filter: OverviewFilter): SqlText {
  const { table, start } = periodTable[plan.itemGrain];
  return sql`item_demand AS (
  SELECT f.${itemKey} AS item_key, sum(f.${demand}) AS units
  FROM ${table} AS f
  WHERE (CAST(? AS DATE) IS NULL OR f.${start} >= CAST(? AS DATE))
    AND (CAST(? AS DATE) IS NULL OR f.${start} <= CAST(? AS DATE))
    AND f.${itemKey} IN (SELECT item_key FROM scope)${inKeyRange(sql`f.${itemKey}`, filter)}
  GROUP BY f.${itemKey}
)`;
}

/** Parameters for `itemDemandCte`. */
export function itemDemandParams(
  plan: Pick<OverviewPlan, 'from' | 'to'>,
  filter: OverviewFilter,
): (string | number | null)[] {
  return [plan.from, plan.from, plan.to, plan.to, ...keyRangeParams(filter)];
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

/**
 * `AND <column> BETWEEN ? AND ?` over the category's item_key span, or nothing when the filter has
 * no category or no span. A hint beside the exact `scope` semi-join, never instead of it: the facts
 * are sorted by item_key, and DuckDB 0.9 skips row groups only by comparisons with constants or
 * parameters (row-group min/max), not by the keys a join or subquery yields, so without it a
 * filtered panel reads the whole fact. Parameters: `keyRangeParams`.
 */
export function inKeyRange(column: SqlText, filter: Pick<OverviewFilter, 'category' | 'keys'>): SqlText {
  return keyRangeParams(filter).length === 0
    ? sql``
    : sql`
    AND ${column} BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)`;
}

/** Parameters for `inKeyRange`: none, or the span's ends (whole numbers, checked). */
export function keyRangeParams(filter: Pick<OverviewFilter, 'category' | 'keys'>): number[] {
  const { category, keys } = filter;
  if (category === undefined || keys === undefined) return [];
  if (!Number.isSafeInteger(keys.first) || !Number.isSafeInteger(keys.last)) {
    throw new RangeError(`item_key range must be whole numbers, got ${keys.first} to ${keys.last}`);
  }
  return [keys.first, keys.last];
}

/** Parameters for `scopeCte` and for each `inCategory`. */
export function scopeParams(filter: OverviewFilter): [string | null, string | null] {
  const value = filter.category ?? null;
  return [value, value];
}
