/**
 * The headline numbers computed independently of the app: the test's own SQL, run by native
 * DuckDB straight on the Parquet files, joined by item_id (the app joins by item_key), with the
 * same filters the page shows (category, inclusive date range).
 */
import { sqlStringList } from '#schema/literal.ts';
import type { SummaryKpiKey } from '#schema/manifest.ts';
import { openNodeDb } from '#support/node-db.ts';

type Files = readonly string[];

export interface KpiFilter {
  category?: string;
  from?: string;
  to?: string;
}

const SQL = (fact: Files, items: Files) => `
WITH i AS (
       SELECT item_id, unit_cost_brl FROM read_parquet(${sqlStringList(items)})
       WHERE CAST($1 AS VARCHAR) IS NULL OR category = CAST($1 AS VARCHAR)),
     f AS (SELECT date, item_id, demand FROM read_parquet(${sqlStringList(fact)})),
     b AS (SELECT coalesce(CAST($2 AS DATE), min(date)) AS lo, coalesce(CAST($3 AS DATE), max(date)) AS hi FROM f),
     kept AS (SELECT f.item_id, f.demand, i.unit_cost_brl FROM f JOIN i USING (item_id), b
              WHERE f.date >= b.lo AND f.date <= b.hi)
SELECT
  (SELECT count(*) FROM i) AS item_count,
  (SELECT count(DISTINCT item_id) FROM kept WHERE demand > 0) AS active_items,
  (SELECT coalesce(sum(demand * unit_cost_brl), 0) FROM kept) AS demand_value_brl`;

export async function nativeKpis(
  paths: { fact: Files; items: Files },
  filter: KpiFilter = {},
): Promise<Record<SummaryKpiKey, number>> {
  const db = await openNodeDb({});
  try {
    const [row] = await db.query<Record<SummaryKpiKey, number>>(SQL(paths.fact, paths.items), [
      filter.category ?? null,
      filter.from ?? null,
      filter.to ?? null,
    ]);
    if (!row) throw new Error('native KPI query returned no row');
    return row;
  } finally {
    db.close();
  }
}

export async function nativeCount(fact: Files): Promise<number> {
  const db = await openNodeDb({});
  try {
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM read_parquet(${sqlStringList(fact)})`,
    );
    return row?.n ?? NaN;
  } finally {
    db.close();
  }
}
