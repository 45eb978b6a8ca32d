/**
 * The mock ERP: writes an item master and a movements export as an ERP would send them
 * (`;`-separated CSV, decimal commas, dd/mm/yyyy), with a configurable share of the faults real
 * exports carry. Demand is drawn inside DuckDB from hash(seed, item, day), so it is reproducible,
 * parallel and never held in Node memory, whatever the size.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier, sqlString, sql } from '#schema';
import { loadHolidays } from '../../calendar/load-holidays.ts';
import { queryStep, runStep } from '../../db.ts';
import { defaultErpMapping } from '../erp-mapping.ts';
import { generateCatalog, type MockItem } from './catalog.ts';

export interface MockOptions {
  items: number;
  from: string;
  to: string;
  seed: number;
  /** Share of movement lines that carry a fault (0 to 1). */
  faultRate: number;
}

export interface MockExport {
  itemsFile: string;
  movementsFile: string;
  movementRows: number;
}

const STEP = 'mock';

// Item parameters live in a temp table, copied to Parquet for the demand query (holidays: holidays_br).
const CREATE_TABLES_SQL = `
CREATE OR REPLACE TEMP TABLE mock_items (
  item_id VARCHAR, name VARCHAR, category VARCHAR, unit VARCHAR, unit_cost_brl DOUBLE,
  lead_time_days INTEGER, supplier VARCHAR, pattern VARCHAR, base_mean DOUBLE,
  demand_probability DOUBLE, seasonal_amplitude DOUBLE, seasonal_phase DOUBLE,
  trend_per_year DOUBLE, quantity_step DOUBLE
);
`;

// The item master as the ERP exports it: Portuguese headers, decimal comma for money.
const ITEMS_EXPORT_SQL = (file: string) => sql`
COPY (
  SELECT
    item_id AS ${quoteIdentifier(defaultErpMapping.items.item_id)},
    name AS ${quoteIdentifier(defaultErpMapping.items.name)},
    category AS ${quoteIdentifier(defaultErpMapping.items.category)},
    unit AS ${quoteIdentifier(defaultErpMapping.items.unit)},
    replace(printf('%.2f', unit_cost_brl), '.', ',') AS ${quoteIdentifier(defaultErpMapping.items.unit_cost_brl)},
    lead_time_days AS ${quoteIdentifier(defaultErpMapping.items.lead_time_days)},
    supplier AS ${quoteIdentifier(defaultErpMapping.items.supplier)}
  FROM mock_items
  ORDER BY item_id
) TO ${sqlString(file)} (FORMAT CSV, HEADER, DELIMITER ';')`;

// The items again, one row per item and calendar month of the window, in small row groups: DuckDB
// gives each thread whole row groups of a scan, and the COPY below keeps the scan's order by
// buffering each row group's output until the ones before it are written. A group of 2,048 whole
// items (the writer's smallest group, one vector) made 2.5M lines, and past ~20M lines two such
// buffers no longer fitted the memory limit, so DuckDB let one thread work at a time; 2,048 item
// months make ~70k lines. The export only scans, projects, filters and unnests (days per item
// month, lines per day; holidays come from a list, not a join), so the lines come out item by item,
// day by day, and the same seed writes the same bytes on any number of threads. This small file
// (3.3M rows at 100M lines) is itself written on one thread (withOneThread): written in parallel,
// its hundreds of tiny row groups could wait for their turn faster than they were written, and
// their buffers once ran out of the memory limit.
const ITEM_MONTHS_PER_ROW_GROUP = 2_048;
const ITEM_MONTHS_SQL = (file: string) => sql`
COPY (
  SELECT item_id, pattern, base_mean, demand_probability, seasonal_amplitude, seasonal_phase,
    trend_per_year, quantity_step,
    CAST(greatest(month_start, CAST($from AS DATE)) AS DATE) AS first_day,
    CAST(least(month_start + INTERVAL 1 MONTH - INTERVAL 1 DAY, CAST($to AS DATE)) AS DATE) AS last_day
  FROM mock_items
  CROSS JOIN (
    SELECT unnest(range(date_trunc('month', CAST($from AS DATE)), CAST($to AS DATE) + INTERVAL 1 DAY, INTERVAL 1 MONTH)) AS month_start
  ) AS months
  ORDER BY item_id, month_start
) TO ${sqlString(file)} (FORMAT PARQUET, COMPRESSION UNCOMPRESSED, ROW_GROUP_SIZE ${ITEM_MONTHS_PER_ROW_GROUP})`;

const HOLIDAYS_SQL =
  'SET VARIABLE mock_holidays = (SELECT coalesce(list(date), CAST([] AS DATE[])) FROM holidays_br)';

// Daily demand per item from its pattern and the calendar, split into 1-3 order lines, then a
// share of lines is corrupted the way ERP exports are. Fault kinds: 0 exact duplicate,
// 1 negative quantity, 2 non-numeric quantity, 3 unknown item, 4 impossible date, 5 malformed date,
// 6 near duplicate (same id typed in lower case with spaces), 7 empty line (separators only).
// u1..u3 are independent uniforms in (0, 1) derived from the seed.
const MOVEMENTS_EXPORT_SQL = (file: string, itemMonthsParquet: string) => sql`
COPY (
  WITH item_days AS (
    SELECT
      item_id, pattern, base_mean, demand_probability, seasonal_amplitude, seasonal_phase,
      trend_per_year, quantity_step,
      unnest(range(first_day, last_day + INTERVAL 1 DAY, INTERVAL 1 DAY)) AS day_start
    FROM read_parquet(${sqlString(itemMonthsParquet)})
  ),
  draws AS (
    SELECT
      item_id, pattern, base_mean, demand_probability, quantity_step, day,
      (hash($seed, item_id, day, 1) % 1000003 + 1) / 1000004.0 AS u1,
      (hash($seed, item_id, day, 2) % 1000003 + 1) / 1000004.0 AS u2,
      (hash($seed, item_id, day, 3) % 1000003 + 1) / 1000004.0 AS u3,
      CASE WHEN isodow(day) >= 6 THEN 0.3 ELSE 1.0 END
        * CASE WHEN list_contains(getvariable('mock_holidays'), day) THEN 0.2 ELSE 1.0 END
        * (1 + seasonal_amplitude * sin(2 * pi() * dayofyear(day) / 365.25 + seasonal_phase))
        * greatest(0.2, 1 + trend_per_year * datediff('day', CAST($from AS DATE), day) / 365.25) AS intensity
    FROM (SELECT * EXCLUDE (day_start), CAST(day_start AS DATE) AS day FROM item_days)
  ),
  daily_units AS (
    SELECT
      item_id, day, quantity_step,
      CASE
        WHEN pattern IN ('smooth', 'seasonal') THEN
          greatest(0, round(base_mean * intensity + sqrt(base_mean * intensity) * sqrt(-2 * ln(u1)) * cos(2 * pi() * u2)))
        WHEN pattern = 'erratic' THEN
          round(base_mean * intensity * exp(0.9 * sqrt(-2 * ln(u1)) * cos(2 * pi() * u2) - 0.405))
        WHEN u3 < demand_probability * intensity THEN
          CASE WHEN pattern = 'lumpy' THEN 1 + floor(-ln(u1) * base_mean) ELSE 1 + floor(-ln(u1) * base_mean * 0.5) END
        ELSE 0
      END AS units
    FROM draws
  ),
  lines AS (
    SELECT
      item_id, day, quantity_step, units, line_count, line,
      floor(units / line_count) + CASE WHEN line < units % line_count THEN 1 ELSE 0 END AS line_units
    FROM (
      SELECT
        item_id, day, quantity_step, units, line_count,
        unnest(range(CAST(line_count AS BIGINT))) AS line
      FROM (
        SELECT item_id, day, quantity_step, units, least(units, 1 + hash($seed, item_id, day, 4) % 3) AS line_count
        FROM daily_units
        WHERE units > 0
      )
    )
  ),
  movements AS (
    SELECT
      -- A 10-digit document number, as ERPs print them: day of the window, item number, line.
      lpad(CAST(datediff('day', CAST($from AS DATE), day) AS VARCHAR), 4, '0')
        || lpad(regexp_extract(item_id, '(\\d+)$', 1), 5, '0') || CAST(line AS VARCHAR) AS movement_id,
      day, item_id,
      CASE
        WHEN quantity_step = 1 THEN CAST(CAST(line_units AS BIGINT) AS VARCHAR)
        ELSE replace(printf('%.1f', line_units * quantity_step), '.', ',')
      END AS quantity_text,
      'BA-' || lpad(CAST(hash($seed, item_id, day, 5) % 180 + 1 AS VARCHAR), 4, '0') AS site_id,
      (hash($seed, item_id, day, line, 6) % 1000003) / 1000003.0 AS fault_draw,
      hash($seed, item_id, day, line, 7) % 8 AS fault_kind
    FROM lines
  ),
  faults AS (
    SELECT *, CASE WHEN fault_draw < $fault_rate THEN fault_kind END AS fault
    FROM movements
  ),
  exported AS (
    SELECT
      movement_id, day, site_id, fault,
      CASE WHEN fault = 3 THEN 'NC-XXX-99999' ELSE item_id END AS item_code,
      CASE
        WHEN fault = 4 THEN '31/02/' || year(day)
        WHEN fault = 5 THEN strftime(day, '%d.%m.%y')
        ELSE strftime(day, '%d/%m/%Y')
      END AS date_text,
      CASE
        WHEN fault = 2 THEN 'n/d'
        WHEN fault = 1 THEN '-' || quantity_text
        ELSE quantity_text
      END AS quantity_text
    FROM faults
  ),
  copies AS (
    SELECT
      movement_id, day, site_id, fault, item_code, date_text, quantity_text,
      unnest(range(CASE WHEN fault IN (0, 6) THEN 2 ELSE 1 END)) AS copy
    FROM exported
  )
  SELECT
    CASE
      WHEN fault = 7 THEN NULL
      WHEN fault = 6 AND copy = 1 THEN ' ' || lower(movement_id) || ' '
      ELSE movement_id
    END AS ${quoteIdentifier(defaultErpMapping.movements.movement_id)},
    CASE WHEN fault = 7 THEN NULL ELSE date_text END AS ${quoteIdentifier(defaultErpMapping.movements.movement_date)},
    CASE WHEN fault = 7 THEN NULL ELSE item_code END AS ${quoteIdentifier(defaultErpMapping.movements.item_id)},
    CASE WHEN fault = 7 THEN NULL ELSE quantity_text END AS ${quoteIdentifier(defaultErpMapping.movements.quantity)},
    CASE WHEN fault = 7 THEN NULL ELSE site_id END AS ${quoteIdentifier(defaultErpMapping.movements.site_id)}
  FROM copies
) TO ${sqlString(file)} (FORMAT CSV, HEADER, DELIMITER ';')`;

async function loadItems(connection: DuckDBConnection, items: readonly MockItem[]): Promise<void> {
  const appender = await connection.createAppender('mock_items');
  try {
    for (const item of items) {
      appender.appendVarchar(item.itemId);
      appender.appendVarchar(item.name);
      appender.appendVarchar(item.category);
      appender.appendVarchar(item.unit);
      appender.appendDouble(item.unitCostBrl);
      appender.appendInteger(item.leadTimeDays);
      appender.appendVarchar(item.supplier);
      appender.appendVarchar(item.pattern);
      appender.appendDouble(item.baseMean);
      appender.appendDouble(item.demandProbability);
      appender.appendDouble(item.seasonalAmplitude);
      appender.appendDouble(item.seasonalPhase);
      appender.appendDouble(item.trendPerYear);
      appender.appendDouble(item.quantityStep);
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
}

async function withOneThread(connection: DuckDBConnection, work: () => Promise<void>): Promise<void> {
  const [setting] = await queryStep<{ threads: number }>(
    connection,
    STEP,
    "SELECT CAST(current_setting('threads') AS INTEGER) AS threads",
  );
  await runStep(connection, STEP, 'SET threads = 1');
  try {
    await work();
  } finally {
    await runStep(connection, STEP, `SET threads = ${Math.max(1, Math.trunc(setting?.threads ?? 1))}`);
  }
}

export async function writeMockExport(
  connection: DuckDBConnection,
  dir: string,
  options: MockOptions,
): Promise<MockExport> {
  const itemsFile = path.join(dir, 'itens.csv');
  const movementsFile = path.join(dir, 'movimentos.csv');
  await runStep(connection, STEP, CREATE_TABLES_SQL);
  await loadItems(connection, generateCatalog(options.items, options.seed));
  await loadHolidays(connection, Number(options.from.slice(0, 4)), Number(options.to.slice(0, 4)));
  await runStep(connection, STEP, ITEMS_EXPORT_SQL(itemsFile));
  const itemMonthsParquet = path.join(dir, 'mock-item-months.parquet');
  const window = { from: options.from, to: options.to };
  await withOneThread(connection, () =>
    runStep(connection, STEP, ITEM_MONTHS_SQL(itemMonthsParquet), window),
  );
  await runStep(connection, STEP, HOLIDAYS_SQL);
  const sql = MOVEMENTS_EXPORT_SQL(movementsFile, itemMonthsParquet);
  const [written] = await queryStep<{ Count: number }>(connection, STEP, sql, {
    from: options.from,
    seed: options.seed,
    fault_rate: options.faultRate,
  });
  await fs.rm(itemMonthsParquet, { force: true });
  await runStep(connection, STEP, 'RESET VARIABLE mock_holidays');
  return { itemsFile, movementsFile, movementRows: written?.Count ?? 0 };
}
