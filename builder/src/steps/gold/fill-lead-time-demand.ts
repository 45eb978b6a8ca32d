/**
 * Derives fact_metrics.lead_time_demand from fact_forecasts and dim_item, rewriting the metrics
 * file in place: the selected model's forecast summed over horizon_days 1 … lead_time_days at the
 * item's latest forecast origin. The overview's stock-out risk compares it with reorder_point;
 * stored here it reads a few thousand metrics rows instead of every forecast row. Run wherever
 * either table is written (the forecast job, and a rebuild that carries the ML tables over to a
 * new dim_item, whose lead times may have changed), so the column always agrees with the rows.
 */
import fs from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { goldTables, ident, sql, sqlJoin, sqlString } from '#schema';
import { queryStep } from '../../db.ts';
import { parquetOptions } from './parquet-options.ts';

export interface LeadTimeDemandFiles {
  forecasts: string;
  /** Read, then replaced by the same rows with lead_time_demand filled in. */
  metrics: string;
  dimItem: string;
}

/**
 * An item whose latest origin has no row inside its lead time (or that has no lead time) sums to
 * NULL, which is never above a reorder point. Only the latest origin of the selected model counts:
 * older runs and candidate models may sit in fact_forecasts too.
 */
const FILL_SQL = (files: LeadTimeDemandFiles, target: string) => {
  const columns = goldTables.fact_metrics.map((column) =>
    column.name === 'lead_time_demand'
      ? sql`CASE WHEN m.is_selected THEN d.demand END AS lead_time_demand`
      : sql`m.${ident('column', column.name)}`,
  );
  return sql`
COPY (
  WITH selected AS (
    SELECT m.item_key, m.model, i.lead_time_days
    FROM read_parquet(${sqlString(files.metrics)}) AS m
    JOIN read_parquet(${sqlString(files.dimItem)}) AS i ON i.item_key = m.item_key
    WHERE m.is_selected
  ),
  latest_demand AS (
    SELECT fc.item_key,
      sum(fc.yhat) FILTER (WHERE fc.horizon_days BETWEEN 1 AND se.lead_time_days) AS demand
    FROM read_parquet(${sqlString(files.forecasts)}) AS fc
    JOIN selected AS se ON se.item_key = fc.item_key AND se.model = fc.model
    GROUP BY fc.item_key, fc.forecast_origin
    QUALIFY fc.forecast_origin = max(fc.forecast_origin) OVER (PARTITION BY fc.item_key)
  )
  SELECT ${sqlJoin(columns, ', ')}
  FROM read_parquet(${sqlString(files.metrics)}) AS m
  LEFT JOIN latest_demand AS d ON d.item_key = m.item_key
  ORDER BY m.item_key, m.model
) TO ${sqlString(target)} ${parquetOptions()}`;
};

export async function fillLeadTimeDemand(
  connection: DuckDBConnection,
  files: LeadTimeDemandFiles,
): Promise<{ rows: number }> {
  const target = `${files.metrics}.lead-time.tmp`;
  try {
    const [result] = await queryStep<{ Count: number }>(
      connection,
      'gold.fact_metrics.lead_time_demand',
      FILL_SQL(files, target),
    );
    await fs.rename(target, files.metrics);
    return { rows: result?.Count ?? 0 };
  } finally {
    await fs.rm(target, { force: true });
  }
}
