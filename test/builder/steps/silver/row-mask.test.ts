import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../../schema/sql.ts';
import { clearRowMask, inRowMask, setRowMask } from '../../../../builder/src/steps/silver/row-mask.ts';
import { openTestConnection } from '../../../helpers/duckdb.ts';

describe('silver: row masks', () => {
  let db: Awaited<ReturnType<typeof openTestConnection>>;
  const masked = async () => {
    const rows = await db.rows<{ n: string }>(
      `SELECT _row_number AS n FROM range(1, 11) t(_row_number) WHERE ${inRowMask('silver_duplicate_rows')} ORDER BY n`,
    );
    return rows.map((row) => Number(row.n));
  };

  beforeAll(async () => {
    db = await openTestConnection();
  });

  afterAll(() => db.close());

  it('answers membership for every row of the bounds, first and last included', async () => {
    const rows = sql`(SELECT CAST(unnest([1, 4, 10]) AS BIGINT) AS _row_number)`;
    await setRowMask(db.connection, 'test', 'silver_duplicate_rows', rows, 10);
    expect(await masked()).toEqual([1, 4, 10]);
  });

  it('is empty, not NULL, when no row is in the set, and replaces the earlier mask', async () => {
    const none = sql`(SELECT CAST(1 AS BIGINT) AS _row_number WHERE false)`;
    await setRowMask(db.connection, 'test', 'silver_duplicate_rows', none, 10);
    expect(await masked()).toEqual([]);
    const [all] = await db.rows<{ n: string }>(
      `SELECT count(*) AS n FROM range(1, 11) t(_row_number) WHERE NOT ${inRowMask('silver_duplicate_rows')}`,
    );
    expect(Number(all?.n)).toBe(10);
  });

  it('is gone once cleared', async () => {
    await clearRowMask(db.connection, 'test', 'silver_duplicate_rows');
    const [row] = await db.rows<{ gone: boolean }>(
      `SELECT getvariable('silver_duplicate_rows') IS NULL AS gone`,
    );
    expect(row?.gone).toBe(true);
  });

  it('refuses bounds a 32-bit bit position cannot reach', async () => {
    const rows = sql`(SELECT CAST(1 AS BIGINT) AS _row_number)`;
    await expect(setRowMask(db.connection, 'test', 'silver_duplicate_rows', rows, 2 ** 31)).rejects.toThrow(
      RangeError,
    );
    await expect(setRowMask(db.connection, 'test', 'silver_duplicate_rows', rows, 0)).rejects.toThrow(
      RangeError,
    );
  });
});
