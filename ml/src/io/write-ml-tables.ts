/**
 * Writes fact_forecasts and fact_metrics as Parquet with the gold schema's exact column types,
 * sorted by item_key (as every gold table that holds items), through a newline-delimited JSON file.
 * fact_metrics.lead_time_demand is then derived from the written forecasts and the build's
 * dim_item by the builder's step, the same one a rebuild runs when it carries these tables over.
 * With the build's dim_item, agg_forecast_category is derived beside them by the builder's step as
 * well. Without one (a series file) no item has a lead time, so the column stays NULL, as
 * reorder_point does, and there are no categories to sum by.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { goldFileName, goldTables, ident, sql, sqlJoin, sqlString, sqlType } from '#schema';
import {
  buildAggForecastCategory,
  checkForecastDerivations,
  fillLeadTimeDemand,
  parquetOptions,
  runStep,
} from '#builder';
import type { ForecastRow, MetricsRow } from '../item-result.ts';

type MlTable = 'fact_forecasts' | 'fact_metrics';

const ORDER = {
  fact_forecasts: sql`item_key, date`,
  fact_metrics: sql`item_key, model`,
} as const;

async function writeTable(
  connection: DuckDBConnection,
  table: MlTable,
  rows: readonly (ForecastRow | MetricsRow)[],
  target: string,
): Promise<void> {
  const json = `${target}.ndjson`;
  await fs.writeFile(json, rows.map((row) => JSON.stringify(row)).join('\n'));
  try {
    const columns = goldTables[table];
    const declared = sqlJoin(
      columns.map((column) => sql`${sqlString(column.name)}: ${sqlString(column.type)}`),
      ', ',
    );
    const selected = sqlJoin(
      columns.map(
        (column) =>
          sql`CAST(${ident('column', column.name)} AS ${sqlType(column.type)}) AS ${ident('column', column.name)}`,
      ),
      ', ',
    );
    await runStep(
      connection,
      `ml.write_${table}`,
      sql`
COPY (
  SELECT ${selected}
  FROM read_json(${sqlString(json)}, format = 'newline_delimited', columns = {${declared}})
  ORDER BY ${ORDER[table]}
) TO ${sqlString(target)} ${parquetOptions()}`,
    );
  } finally {
    await fs.rm(json, { force: true });
  }
}

export async function writeMlTables(
  connection: DuckDBConnection,
  dir: string,
  rows: { forecasts: readonly ForecastRow[]; metrics: readonly MetricsRow[] },
  dimItem?: string,
): Promise<{ forecasts: string; metrics: string }> {
  const forecasts = path.join(dir, goldFileName('fact_forecasts'));
  const metrics = path.join(dir, goldFileName('fact_metrics'));
  await writeTable(connection, 'fact_forecasts', rows.forecasts, forecasts);
  await writeTable(connection, 'fact_metrics', rows.metrics, metrics);
  if (dimItem !== undefined) {
    await fillLeadTimeDemand(connection, { forecasts, metrics, dimItem });
    const target = path.join(dir, goldFileName('agg_forecast_category'));
    await buildAggForecastCategory(connection, { forecasts, metrics, dimItem, target });
    await checkForecastDerivations(connection, { forecasts, metrics, dimItem, aggregate: target });
  }
  return { forecasts, metrics };
}
