/**
 * The headline numbers computed independently of the app: the test's own SQL, run by native
 * DuckDB straight on the Parquet files, with BETWEEN windows instead of the app's `>` arithmetic.
 */
import { sqlStringList } from '#schema/literal.ts';
import type { SummaryKpiKey } from '#schema/manifest.ts';
import { openNodeDb } from '#support/node-db.ts';

type Files = readonly string[];

const SQL = (fact: Files, items: Files) => `
WITH f AS (SELECT date, item_id, demand FROM read_parquet(${sqlStringList(fact)})),
     i AS (SELECT item_id, unit_cost_brl FROM read_parquet(${sqlStringList(items)})),
     last AS (SELECT max(date) AS d FROM f)
SELECT
  (SELECT count(*) FROM i) AS item_count,
  (SELECT sum(demand) FROM f) AS units_total,
  (SELECT sum(demand) FROM f, last WHERE f.date BETWEEN last.d - INTERVAL 29 DAY AND last.d) AS units_last_30d,
  (SELECT sum(demand) FROM f, last
    WHERE f.date BETWEEN last.d - INTERVAL 59 DAY AND last.d - INTERVAL 30 DAY) AS units_prev_30d,
  (SELECT sum(f.demand * i.unit_cost_brl) FROM f JOIN i USING (item_id), last
    WHERE f.date BETWEEN last.d - INTERVAL 29 DAY AND last.d) AS value_brl_last_30d`;

export async function nativeKpis(paths: {
  fact: Files;
  items: Files;
}): Promise<Record<SummaryKpiKey, number>> {
  const db = await openNodeDb({});
  try {
    const [row] = await db.query<Record<SummaryKpiKey, number>>(SQL(paths.fact, paths.items));
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
