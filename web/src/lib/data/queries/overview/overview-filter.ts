/**
 * The filters every overview query follows (category and date range, as the URL holds them), and
 * the two CTEs that apply them. Values travel as parameters; dates are checked here first, so a
 * malformed one fails with a clear message instead of a cast error from the engine.
 */
import { sql, type SqlText } from '#schema/sql.ts';
import { category, date, fact, item, itemId, itemKey, leadTime, unit, unitCost } from '../gold-names.ts';

export interface OverviewFilter {
  /** Only items of this category; `undefined` for all. */
  category?: string | undefined;
  /** Inclusive ISO dates (`yyyy-mm-dd`); `undefined` means the first or last actual day. */
  from?: string | undefined;
  to?: string | undefined;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function checkedDay(value: string | undefined, name: string): string | null {
  if (value === undefined) return null;
  const time = Date.parse(`${value}T00:00:00Z`);
  if (!isoDay.test(value) || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value) {
    throw new RangeError(`${name} must be a date as yyyy-mm-dd, got "${value}"`);
  }
  return value;
}

/**
 * `span`: the actuals' first and last day, and the range shown (the filter clamped to them).
 * The CASTs pin parameter types, which inference would otherwise settle differently per engine.
 */
export const spanCte = sql`span AS (
  SELECT
    min(${date}) AS actuals_from,
    max(${date}) AS actuals_through,
    greatest(coalesce(CAST(? AS DATE), min(${date})), min(${date})) AS first_day,
    least(coalesce(CAST(? AS DATE), max(${date})), max(${date})) AS last_day
  FROM ${fact}
)`;

/** `scope`: the items the category filter keeps, with what the measures need. */
export const scopeCte = sql`scope AS (
  SELECT ${itemKey} AS item_key, ${itemId} AS item_id, ${category} AS category, ${unit} AS unit,
    ${unitCost} AS unit_cost_brl, ${leadTime} AS lead_time_days
  FROM ${item}
  WHERE CAST(? AS VARCHAR) IS NULL OR ${category} = CAST(? AS VARCHAR)
)`;

/** The one unit every item in scope shares, or NULL when they mix units (or there are none). */
export const scopeUnit: SqlText = sql`(SELECT CASE WHEN count(DISTINCT unit) = 1 THEN min(unit) END FROM scope)`;

/** Parameters for `spanCte`. */
export function spanParams(filter: OverviewFilter): [string | null, string | null] {
  return [checkedDay(filter.from, 'from'), checkedDay(filter.to, 'to')];
}

/** Parameters for `scopeCte`. */
export function scopeParams(filter: OverviewFilter): [string | null, string | null] {
  const value = filter.category ?? null;
  return [value, value];
}
