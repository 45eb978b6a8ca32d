/** Loads Brazilian national holidays for a year range into a temp table `holidays_br(date, name)`. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { runStep } from '../db.ts';
import { holidaysBetween } from './holidays-br.ts';

export async function loadHolidays(
  connection: DuckDBConnection,
  fromYear: number,
  toYear: number,
): Promise<number> {
  const step = 'calendar.holidays';
  await runStep(connection, step, 'CREATE OR REPLACE TEMP TABLE holidays_br (date DATE, name VARCHAR)');
  const holidays = holidaysBetween(fromYear, toYear);
  for (const holiday of holidays) {
    await runStep(connection, step, 'INSERT INTO holidays_br VALUES (CAST($date AS DATE), $name)', {
      date: holiday.date,
      name: holiday.name,
    });
  }
  return holidays.length;
}
