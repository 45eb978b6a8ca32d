import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, sqlJoin } from '../../../../schema/sql.ts';
import {
  clearRowMask,
  inRowMask,
  ROWS_PER_PIECE,
  setRowMask,
  type RowMask,
} from '../../../../builder/src/steps/silver/row-mask.ts';
import { openTestConnection } from '../../../helpers/duckdb.ts';

describe('silver: row masks', () => {
  let db: Awaited<ReturnType<typeof openTestConnection>>;
  const rowsIn = (values: readonly number[]) =>
    sql`(SELECT CAST(unnest([${sqlJoin(
      values.map((value) => sql`${value}`),
      ', ',
    )}]) AS BIGINT) AS _row_number)`;
  /** The rows 1 … last that the mask holds. */
  const masked = async (mask: RowMask, last: number) => {
    const rows = await db.rows<{ n: string }>(
      `SELECT _row_number AS n FROM range(1, ${last + 1}) t(_row_number) WHERE ${inRowMask(mask)} ORDER BY n`,
    );
    return rows.map((row) => Number(row.n));
  };

  beforeAll(async () => {
    db = await openTestConnection();
  });

  afterAll(() => db.close());

  it('answers membership for every row of the bounds, first and last included', async () => {
    const mask = await setRowMask(db.connection, 'test', 'silver_duplicate_rows', rowsIn([1, 4, 10]), 10);
    expect(mask.pieces).toHaveLength(1);
    expect(await masked(mask, 10)).toEqual([1, 4, 10]);
  });

  it('splits the rows into pieces and finds rows on both sides of every boundary', async () => {
    const last = 2 * ROWS_PER_PIECE + 5;
    const edges = [1, ROWS_PER_PIECE, ROWS_PER_PIECE + 1, 2 * ROWS_PER_PIECE, 2 * ROWS_PER_PIECE + 1, last];
    const mask = await setRowMask(db.connection, 'test', 'silver_duplicate_rows', rowsIn(edges), last);
    expect(mask.pieces.map((piece) => [piece.first, piece.last])).toEqual([
      [1, ROWS_PER_PIECE],
      [ROWS_PER_PIECE + 1, 2 * ROWS_PER_PIECE],
      [2 * ROWS_PER_PIECE + 1, last],
    ]);
    expect(await masked(mask, last)).toEqual(edges);
  });

  it('is empty, not NULL, when no row is in the set', async () => {
    const none = sql`(SELECT CAST(1 AS BIGINT) AS _row_number WHERE false)`;
    const mask = await setRowMask(db.connection, 'test', 'silver_unknown_item_rows', none, 10);
    const [row] = await db.rows<{ n: string }>(
      `SELECT count(*) AS n FROM range(1, 11) t(_row_number) WHERE NOT ${inRowMask(mask)}`,
    );
    expect(Number(row?.n)).toBe(10);
  });

  it('is gone once cleared', async () => {
    const mask = await setRowMask(db.connection, 'test', 'silver_duplicate_rows', rowsIn([2]), 10);
    await clearRowMask(db.connection, 'test', mask);
    const [row] = await db.rows<{ gone: boolean }>(
      `SELECT getvariable('${mask.pieces[0]?.variable}') IS NULL AS gone`,
    );
    expect(row?.gone).toBe(true);
  });

  it('refuses bounds a 32-bit bit position cannot reach', async () => {
    const rows = rowsIn([1]);
    await expect(setRowMask(db.connection, 'test', 'silver_duplicate_rows', rows, 2 ** 31)).rejects.toThrow(
      RangeError,
    );
    await expect(setRowMask(db.connection, 'test', 'silver_duplicate_rows', rows, 0)).rejects.toThrow(
      RangeError,
    );
  });
});
