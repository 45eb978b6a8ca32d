/**
 * A planner's own export as series: CSV or Parquet with columns item_id, date, demand. Each row is
 * checked (a missing column, a date or demand that is not one, a duplicate item/date fail the whole
 * file with one clear line, exit 3), then summed into periods and filled densely with zeros from
 * the item's first period to the file's last.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sql, sqlString, type SqlText } from '#schema';
import { CliError, ExitCode, queryStep } from '#builder';
import { periodsBetween } from '../period-dates.ts';
import type { Period, Series } from '../series.ts';

const REQUIRED = ['item_id', 'date', 'demand'] as const;
const STEP = 'ml.read_series_file';

function invalid(file: string, message: string): CliError {
  return new CliError(`${file}: ${message}`, {
    exitCode: ExitCode.invalidInput,
    hint: 'the series file needs columns item_id, date (YYYY-MM-DD), demand (a number), one row per item and date',
  });
}

function source(file: string): SqlText {
  return /\.parquet$/i.test(file)
    ? sql`read_parquet(${sqlString(file)})`
    : sql`read_csv(${sqlString(file)}, header = true, all_varchar = true)`;
}

const TRUNC = { day: sql`'day'`, week: sql`'week'`, month: sql`'month'` } as const;

export async function readSeriesFile(
  connection: DuckDBConnection,
  file: string,
  period: Period,
): Promise<Series[]> {
  let columns: { column_name: string }[];
  try {
    columns = await queryStep(connection, STEP, sql`DESCRIBE SELECT * FROM ${source(file)}`);
  } catch (error) {
    throw new CliError(`${file}: cannot be read as CSV or Parquet`, {
      exitCode: ExitCode.invalidInput,
      cause: error,
    });
  }
  const names = columns.map((column) => column.column_name);
  const missing = REQUIRED.filter((name) => !names.includes(name));
  if (missing.length > 0)
    throw invalid(file, `missing column ${missing.join(', ')} (found: ${names.join(', ')})`);
  const typed = sql`
    SELECT
      CAST(item_id AS VARCHAR) AS item_id,
      CAST(date AS VARCHAR) AS date_text, TRY_CAST(CAST(date AS VARCHAR) AS DATE) AS date,
      CAST(demand AS VARCHAR) AS demand_text, TRY_CAST(CAST(demand AS VARCHAR) AS DOUBLE) AS demand,
      row_number() OVER () + 1 AS line
    FROM ${source(file)}`;
  const [bad] = await queryStep<{ line: number; problem: string; value: string }>(
    connection,
    STEP,
    sql`
WITH typed AS (${typed})
SELECT line, problem, value FROM (
  SELECT line, 'item_id is empty' AS problem, '' AS value FROM typed WHERE item_id IS NULL OR trim(item_id) = ''
  UNION ALL SELECT line, 'date is not a date', coalesce(date_text, '') FROM typed WHERE date IS NULL
  UNION ALL SELECT line, 'demand is not a number', coalesce(demand_text, '') FROM typed WHERE demand IS NULL OR NOT isfinite(demand)
  UNION ALL SELECT max(line), 'duplicate item and date', item_id || ' ' || CAST(date AS VARCHAR) FROM typed
    WHERE date IS NOT NULL GROUP BY item_id, date HAVING count(*) > 1
) ORDER BY line LIMIT 1`,
  );
  if (bad) throw invalid(file, `line ${bad.line}: ${bad.problem}${bad.value ? ` ("${bad.value}")` : ''}`);
  const rows = await queryStep<{ item_id: string; period_start: string; demand: number }>(
    connection,
    STEP,
    sql`
WITH typed AS (${typed})
SELECT item_id, strftime(date_trunc(${TRUNC[period]}, date), '%Y-%m-%d') AS period_start, sum(demand) AS demand
FROM typed GROUP BY ALL ORDER BY item_id, period_start`,
  );
  if (rows.length === 0) throw invalid(file, 'has no rows');
  const last = rows.reduce((max, row) => (row.period_start > max ? row.period_start : max), '');
  const byItem = new Map<string, { start: string; values: number[] }>();
  for (const row of rows) {
    let series = byItem.get(row.item_id);
    if (!series) {
      series = {
        start: row.period_start,
        values: new Array<number>(periodsBetween(row.period_start, last, period) + 1).fill(0),
      };
      byItem.set(row.item_id, series);
    }
    series.values[periodsBetween(series.start, row.period_start, period)] = row.demand;
  }
  // Dense from each item's first period to the file's last: a period with no row had no demand.
  return [...byItem].map(([itemId, series]) => ({ itemId, start: series.start, values: series.values }));
}
