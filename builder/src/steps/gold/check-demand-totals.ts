/**
 * Conservation for the demand grains: every demand table that holds data (the daily fact, its
 * weekly and monthly roll-ups, the per-category table) must sum to the same demand and orders as
 * the finest grain, read back from the files just written. A gap means a roll-up lost or invented
 * demand: the build fails before anything is published. Tables of grains the source does not have
 * are written empty and must stay empty.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { demandTableIds, sql, sqlStringList, type DemandTableId, type DemandTotals } from '#schema';
import { queryStep } from '../../db.ts';
import { StepError } from '../../errors.ts';
import { exactSum } from './exact-sum.ts';

const STEP = 'gold.conservation';

const TOTALS_SQL = (files: readonly string[]) => sql`
SELECT
  count(*) AS rows,
  coalesce(${exactSum(sql`demand`)}, 0) AS demand,
  CAST(coalesce(sum(orders), 0) AS BIGINT) AS orders
FROM read_parquet(${sqlStringList(files)})`;

/** Sums of doubles taken in another order differ in the last bits; a real gap is far larger. */
function sameDemand(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export async function checkDemandTotals(
  connection: DuckDBConnection,
  files: Record<DemandTableId, readonly string[]>,
  /** The tables that hold data; the finest comes first and sets the totals the others must match. */
  filled: readonly DemandTableId[],
): Promise<Record<DemandTableId, DemandTotals>> {
  const totals = {} as Record<DemandTableId, DemandTotals>;
  const rows = {} as Record<DemandTableId, number>;
  for (const table of demandTableIds) {
    const [row] = await queryStep<{ rows: number; demand: number; orders: number }>(
      connection,
      STEP,
      TOTALS_SQL(files[table]),
    );
    totals[table] = { demand: row?.demand ?? 0, orders: row?.orders ?? 0 };
    rows[table] = row?.rows ?? 0;
  }
  const [reference, ...rollUps] = filled;
  const problems: string[] = [];
  if (reference) {
    const expected = totals[reference];
    for (const table of rollUps) {
      const actual = totals[table];
      if (!sameDemand(actual.demand, expected.demand) || actual.orders !== expected.orders) {
        problems.push(
          `${table} sums to demand ${actual.demand} / orders ${actual.orders}, ${reference} to ${expected.demand} / ${expected.orders}`,
        );
      }
    }
  }
  for (const table of demandTableIds.filter((id) => !filled.includes(id) && rows[id] > 0)) {
    problems.push(`${table} holds ${rows[table]} rows although its grain has no data`);
  }
  if (problems.length > 0) {
    throw new StepError(STEP, `demand conservation violated: ${problems.join('; ')}`);
  }
  return totals;
}
