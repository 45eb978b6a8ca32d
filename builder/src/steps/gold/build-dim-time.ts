/**
 * gold.dim_time: one row per day from the first actual through the forecast horizon, with ISO
 * week, ISO day of week (1 = Monday … 7 = Sunday) and Brazilian national holidays.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString, sql } from '#schema';
import { loadHolidays } from '../../calendar/load-holidays.ts';
import { queryStep } from '../../db.ts';
import { parquetOptions } from './parquet-options.ts';

const STEP = 'gold.dim_time';

const DIM_TIME_SQL = (target: string) => sql`
COPY (
  WITH days AS (
    SELECT CAST(range AS DATE) AS date
    FROM range(CAST($from AS DATE), CAST($to AS DATE) + INTERVAL 1 DAY, INTERVAL 1 DAY)
  )
  SELECT
    CAST(strftime(days.date, '%Y%m%d') AS INTEGER) AS date_key,
    days.date,
    CAST(year(days.date) AS INTEGER) AS year,
    CAST(quarter(days.date) AS INTEGER) AS quarter,
    CAST(month(days.date) AS INTEGER) AS month,
    CAST(weekofyear(days.date) AS INTEGER) AS iso_week,
    CAST(isodow(days.date) AS INTEGER) AS day_of_week,
    isodow(days.date) >= 6 AS is_weekend,
    holidays_br.name IS NOT NULL AS is_holiday_br,
    holidays_br.name AS holiday_name
  FROM days
  LEFT JOIN holidays_br ON holidays_br.date = days.date
  ORDER BY days.date
) TO ${sqlString(target)} ${parquetOptions()}`;

export async function buildDimTime(
  connection: DuckDBConnection,
  target: string,
  window: { from: string; to: string },
): Promise<{ rows: number }> {
  await loadHolidays(connection, Number(window.from.slice(0, 4)), Number(window.to.slice(0, 4)));
  const [result] = await queryStep<{ Count: number }>(connection, STEP, DIM_TIME_SQL(target), window);
  return { rows: result?.Count ?? 0 };
}
