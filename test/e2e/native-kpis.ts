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

/**
 * The top items over the daily fact, ties by item_id, as the page should list them: by value (BRL),
 * or by units when every item in scope shares one unit.
 */
export async function nativeTopItems(
  paths: { fact: Files; items: Files },
  filter: KpiFilter,
  limit: number,
): Promise<string[]> {
  const db = await openNodeDb({});
  try {
    const rows = await db.query<{ item_id: string }>(
      `
      WITH i AS (SELECT item_id, unit, unit_cost_brl FROM read_parquet(${sqlStringList(paths.items)})
                 WHERE CAST($1 AS VARCHAR) IS NULL OR category = CAST($1 AS VARCHAR)),
           f AS (SELECT date, item_id, demand FROM read_parquet(${sqlStringList(paths.fact)}))
      SELECT f.item_id
      FROM f JOIN i USING (item_id)
      WHERE (CAST($2 AS DATE) IS NULL OR f.date >= CAST($2 AS DATE))
        AND (CAST($3 AS DATE) IS NULL OR f.date <= CAST($3 AS DATE))
      GROUP BY f.item_id
      HAVING sum(f.demand) > 0
      ORDER BY CASE WHEN (SELECT count(DISTINCT unit) FROM i) = 1 THEN sum(f.demand)
                    ELSE sum(f.demand * i.unit_cost_brl) END DESC, f.item_id
      LIMIT ${limit}`,
      [filter.category ?? null, filter.from ?? null, filter.to ?? null],
    );
    return rows.map((row) => row.item_id);
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
