/**
 * What every demand table of a build is made from, written once to scratch Parquet so that each
 * table (and each file of the daily fact) is then a bounded query, whatever the size of the
 * lakehouse:
 * - the item list with its item_key (the item's rank by item_id) and the latest master attributes;
 * - the movements summed per item and period (a day, or a week or month for such an export), sparse (no
 *   zero rows), split into one folder per item_key range (`part=<n>`), each range the items of one
 *   daily fact file. A movement sent again in a later batch replaces the earlier copy.
 */
import fs from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sql, sqlString, sqlStringList, type DemandGrain, type SqlText } from '#schema';
import { queryStep, runStep } from '../../db.ts';
import { exactDecimal } from './exact-sum.ts';

const STEP = 'gold.stage';

// A coarser export is dated by its period; whatever day it names, the period's first day keys it.
const periodStartOf: Record<DemandGrain, SqlText> = {
  day: sql`movements.movement_date`,
  week: sql`CAST(date_trunc('week', movements.movement_date) AS DATE)`,
  month: sql`CAST(date_trunc('month', movements.movement_date) AS DATE)`,
};

// The latest master row of each item first, then the keys: a window function in the same SELECT
// as QUALIFY would number the rows before the older copies are dropped.
const ITEMS_SQL = (items: readonly string[], target: string) => sql`
COPY (
  WITH latest AS (
    SELECT item_id, category, unit, unit_cost_brl
    FROM read_parquet(${sqlStringList(items)}, filename = true)
    QUALIFY row_number() OVER (PARTITION BY item_id ORDER BY filename DESC) = 1
  )
  SELECT
    CAST(row_number() OVER (ORDER BY item_id) AS INTEGER) AS item_key,
    item_id, category, unit, unit_cost_brl
  FROM latest
  ORDER BY item_id
) TO ${sqlString(target)} (FORMAT PARQUET, COMPRESSION ZSTD)`;

// Demand stays DECIMAL here so every sum taken from it is exact (see exact-sum.ts).
const TOTALS_SQL = (
  validated: readonly string[],
  items: string,
  target: string,
  itemsPerPart: number,
  periodStart: SqlText,
) => sql`
COPY (
  WITH movements AS (
    SELECT item_id, movement_date, quantity
    FROM read_parquet(${sqlStringList(validated)})
    ${validated.length > 1 ? sql`QUALIFY row_number() OVER (PARTITION BY movement_id ORDER BY _batch_id DESC) = 1` : sql``}
  )
  SELECT
    CAST((items.item_key - 1) // ${itemsPerPart} AS INTEGER) AS part,
    items.item_key,
    ${periodStart} AS date,
    sum(${exactDecimal(sql`movements.quantity`)}) AS demand,
    count(*) AS orders
  FROM movements
  JOIN read_parquet(${sqlString(items)}) AS items USING (item_id)
  WHERE movements.movement_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
  GROUP BY items.item_key, ${periodStart}
) TO ${sqlString(target)} (
  FORMAT PARQUET, COMPRESSION ZSTD, ROW_GROUP_SIZE ${TOTALS_ROW_GROUP_SIZE}, PARTITION_BY (part), OVERWRITE_OR_IGNORE
)`;

// DuckDB keeps at most partitioned_write_max_open_files (default 100) part files open and starts a
// new file whenever it has to reopen one, so 1,547 parts (100M rows) came out as 107 files each,
// and every later query of a part opened them all. With every part open at once each part is one
// file; small row groups bound what each open file buffers (1,547 × 8,192 rows).
const TOTALS_ROW_GROUP_SIZE = 8_192;
const OPEN_PART_FILES_SQL = (parts: number) => sql`SET partitioned_write_max_open_files = ${parts}`;
const DEFAULT_OPEN_PART_FILES_SQL = sql`RESET partitioned_write_max_open_files`;

function noFolderIsEmpty(error: unknown): string[] {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
  throw error;
}

/** One item_key range: the items of one daily fact file and their movement totals. */
export interface DemandPart {
  index: number;
  keys: { min: number; max: number };
  /** Glob of the part's totals files (absent when no item of the range moved). */
  totals: string | undefined;
}

export interface DemandInputs {
  /** Parquet of item_key, item_id, category, unit, unit_cost_brl. */
  items: string;
  itemCount: number;
  parts: DemandPart[];
  /** Glob of every part's totals, or undefined when nothing moved in the window. */
  totals: string | undefined;
}

export async function stageDemandInputs(
  connection: DuckDBConnection,
  paths: { items: readonly string[]; validated: readonly string[]; workDir: string },
  window: { from: string; to: string },
  layout: { grain: DemandGrain; itemsPerPart: number },
): Promise<DemandInputs> {
  const { itemsPerPart } = layout;
  const items = `${paths.workDir}/items.parquet`;
  const totalsDir = `${paths.workDir}/totals`;
  await runStep(connection, STEP, ITEMS_SQL(paths.items, items));
  const [count] = await queryStep<{ n: number }>(
    connection,
    STEP,
    sql`SELECT count(*) AS n FROM read_parquet(${sqlString(items)})`,
  );
  const itemCount = count?.n ?? 0;
  await runStep(
    connection,
    STEP,
    OPEN_PART_FILES_SQL(Math.max(100, Math.ceil(itemCount / itemsPerPart) + 1)),
  );
  try {
    await runStep(
      connection,
      STEP,
      TOTALS_SQL(paths.validated, items, totalsDir, itemsPerPart, periodStartOf[layout.grain]),
      window,
    );
  } finally {
    await runStep(connection, STEP, DEFAULT_OPEN_PART_FILES_SQL);
  }
  // DuckDB writes a folder per part that has rows; an item range where nothing moved has none.
  const movedParts = new Set(
    (await fs.readdir(totalsDir).catch(noFolderIsEmpty)).map((name) => name.replace('part=', '')),
  );
  const parts: DemandPart[] = [];
  for (let index = 0; index * itemsPerPart < itemCount; index += 1) {
    parts.push({
      index,
      keys: { min: index * itemsPerPart + 1, max: Math.min(itemCount, (index + 1) * itemsPerPart) },
      totals: movedParts.has(String(index)) ? `${totalsDir}/part=${index}/*.parquet` : undefined,
    });
  }
  const totals = movedParts.size > 0 ? `${totalsDir}/*/*.parquet` : undefined;
  return { items, itemCount, parts, totals };
}
