/**
 * Headline numbers, defined exactly as the builder defines the manifest `summary` (BRL rounded to
 * cents), so the cards paint from the manifest first and the live result replaces them unchanged.
 * "Last 30 days" are the 30 days ending at the last actual date (inclusive), not at today.
 */
import { fact, item, date, demand, itemKey, unitCost } from './gold-names.ts';
import type { Summary } from '#schema/manifest.ts';
import type { Db } from '../db-port.ts';
import { sql } from '#schema/sql.ts';

// Totals over all actuals plus the two trailing 30-day windows; DATE - INTEGER is a DATE on both
// DuckDB 0.9 (WASM) and 1.x (Node).
const SQL = sql`
WITH bounds AS (
  SELECT max(${date}) AS last_date
  FROM ${fact}
),
priced AS (
  SELECT f.${date} AS day, f.${demand} AS units, f.${demand} * i.${unitCost} AS value_brl
  FROM ${fact} AS f
  LEFT JOIN ${item} AS i ON i.${itemKey} = f.${itemKey}
)
SELECT
  (SELECT count(*) FROM ${item}) AS item_count,
  coalesce(sum(p.units), 0) AS units_total,
  coalesce(sum(p.units) FILTER (WHERE p.day > b.last_date - 30), 0) AS units_last_30d,
  coalesce(sum(p.units) FILTER (WHERE p.day > b.last_date - 60 AND p.day <= b.last_date - 30), 0)
    AS units_prev_30d,
  round(coalesce(sum(p.value_brl) FILTER (WHERE p.day > b.last_date - 30), 0), 2) AS value_brl_last_30d,
  coalesce(strftime(min(p.day), '%Y-%m-%d'), '') AS actuals_from,
  coalesce(strftime(max(p.day), '%Y-%m-%d'), '') AS actuals_through
FROM priced AS p
CROSS JOIN bounds AS b`;

/** One row with the `Summary` keys; dates are empty strings when there are no actuals. */
export function kpis(db: Db): Promise<Summary[]> {
  return db.query<Summary>(SQL);
}
