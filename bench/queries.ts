/**
 * The query set both engines run, as the questions a planner asks of the lakehouse: one item's
 * history, a roll-up joined to the item dimension, a recent ranking and a full scan. The same SQL
 * text runs on DuckDB-WASM (in the page, through `nova.sql`) and on native DuckDB.
 */
import { ident } from '#schema/ident.ts';
import { sqlString } from '#schema/literal.ts';
import { sql, type SqlText } from '#schema/sql.ts';

/** FROM-clause SQL for the two tables a query reads: the gold views, or a fact file by URL. */
export interface QuerySources {
  fact: SqlText;
  items: SqlText;
}

/** Values every query gets as `?` parameters, so no value is spliced into SQL. */
export interface QueryInputs {
  /** An item from the middle of the sort order: its rows sit mid-file, like most items'. */
  itemId: string;
  /** That item's surrogate key, which the fact is sorted and filtered by. */
  itemKey: number;
  /** The last date with actuals (the manifest's `actuals_through`), yyyy-mm-dd. */
  lastDate: string;
}

/** Both engines bind strings and numbers alike; the page gets them through structured clone. */
export type QueryParam = string | number;

export type QueryId = 'a' | 'b' | 'c' | 'd';

export interface BenchQuery {
  id: QueryId;
  label: string;
  sql(from: QuerySources): SqlText;
  params(inputs: QueryInputs): QueryParam[];
}

const date = ident('column', 'date');
const itemId = ident('column', 'item_id');
const itemKey = ident('column', 'item_key');
const demand = ident('column', 'demand');
const orders = ident('column', 'orders');
const category = ident('column', 'category');

export const viewSources: QuerySources = {
  fact: ident('table', 'fact_demand_daily'),
  items: ident('table', 'dim_item'),
};

/** The fact read straight from a file URL (a probe copy nobody has read yet), items from the view. */
export function factFileSources(url: string): QuerySources {
  return { fact: sql`read_parquet(${sqlString(url)})`, items: viewSources.items };
}

export const benchQueries: readonly BenchQuery[] = [
  {
    id: 'a',
    label: 'single item, daily series',
    // CAST: DuckDB-WASM binds a JS number as DOUBLE, and a DOUBLE comparison cannot use the
    // INTEGER column's row-group statistics.
    sql: (from) => sql`
SELECT f.${date}, f.${demand}, f.${orders}
FROM ${from.fact} AS f
WHERE f.${itemKey} = CAST(? AS INTEGER)
ORDER BY f.${date}`,
    params: (inputs) => [inputs.itemKey],
  },
  {
    id: 'b',
    label: 'monthly totals by category',
    sql: (from) => sql`
SELECT date_trunc('month', f.${date}) AS month, i.${category}, sum(f.${demand}) AS units
FROM ${from.fact} AS f
JOIN ${from.items} AS i ON i.${itemKey} = f.${itemKey}
GROUP BY month, i.${category}
ORDER BY month, i.${category}`,
    params: () => [],
  },
  {
    // DATE - INTEGER is a DATE on DuckDB 0.9 (WASM) and 1.x (Node) alike.
    id: 'c',
    label: 'top 10 items, last 90 days',
    sql: (from) => sql`
SELECT f.${itemId}, sum(f.${demand}) AS units
FROM ${from.fact} AS f
WHERE f.${date} > CAST(? AS DATE) - 90
GROUP BY f.${itemId}
ORDER BY units DESC, f.${itemId}
LIMIT 10`,
    params: (inputs) => [inputs.lastDate],
  },
  {
    id: 'd',
    label: 'full scan: count, sum, avg',
    sql: (from) => sql`
SELECT count(*) AS n, sum(f.${demand}) AS units, avg(f.${demand}) AS mean_units
FROM ${from.fact} AS f`,
    params: () => [],
  },
];

export function benchQuery(id: QueryId): BenchQuery {
  const query = benchQueries.find((candidate) => candidate.id === id);
  if (!query) throw new Error(`no bench query ${id}`);
  return query;
}
