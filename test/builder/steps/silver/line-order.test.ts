import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultErpMapping } from '../../../../builder/src/sources/erp-mapping.ts';
import { cleanMovements } from '../../../../builder/src/steps/silver/clean-movements.ts';
import { validateMovements } from '../../../../builder/src/steps/silver/validate-movements.ts';
import { openTestConnection } from '../../../helpers/duckdb.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

// Large enough, in small row groups, that DuckDB scans it with several threads.
const ROWS = 300_000;

describe('silver: line order and duplicates on a file read in parallel', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let db: Awaited<ReturnType<typeof openTestConnection>>;
  const file = (name: string) => path.join(dir, name);
  /** Rows whose position in the file disagrees with their line order, and the row count. */
  const order = async (name: string) => {
    const [row] = await db.rows<{ rows: number; out_of_order: number }>(`
      SELECT count(*)::INTEGER AS rows,
             count(*) FILTER (WHERE _row_number <= previous)::INTEGER AS out_of_order
      FROM (
        SELECT _row_number, lag(_row_number) OVER (ORDER BY file_row_number) AS previous
        FROM read_parquet('${file(name)}', file_row_number = true)
      )`);
    return row;
  };

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('silver-order'));
    db = await openTestConnection();
    // Every 1000th line repeats the id of a line 150,000 lines earlier (in lower case: the same
    // id once normalised); every 777th names an item the master lacks.
    await db.connection.run(`COPY (
        SELECT
          CASE WHEN i > 150000 AND i % 1000 = 0 THEN 'mv-' || (i - 150000) ELSE 'MV-' || i END AS id_movimento,
          '01/03/2025' AS data,
          CASE WHEN i % 777 = 0 THEN 'NC-XXX-99999' ELSE 'NC-BAT-00001' END AS codigo_material,
          CAST(i % 5 + 1 AS VARCHAR) AS quantidade,
          'BA-0001' AS site,
          'movimentos.csv' AS _source_file,
          CAST(i AS BIGINT) AS _row_number,
          'b1' AS _batch_id,
          TIMESTAMP '2025-03-10 00:00:00' AS _ingested_at
        FROM range(1, ${ROWS + 1}) t(i)
      ) TO '${file('bronze.parquet')}' (FORMAT PARQUET, ROW_GROUP_SIZE 8192)`);
    await db.connection.run(
      `COPY (SELECT 'NC-BAT-00001' AS item_id) TO '${file('items.parquet')}' (FORMAT PARQUET)`,
    );
  });

  afterAll(async () => {
    db.close();
    await cleanup();
  });

  it('drops the later copy of each id, keeps the first, and writes every output in line order', async () => {
    const cleaned = await cleanMovements(
      db.connection,
      file('bronze.parquet'),
      file('c.parquet'),
      defaultErpMapping,
    );
    const copies = 150; // i = 151,000 … 300,000 in steps of 1000
    expect(cleaned.rows).toBe(ROWS - copies);
    const [kept] = await db.rows<{ later_copies: number }>(
      `SELECT count(*)::INTEGER AS later_copies FROM read_parquet('${file('c.parquet')}')
       WHERE _row_number > 150000 AND _row_number % 1000 = 0`,
    );
    expect(kept?.later_copies).toBe(0);
    const validated = await validateMovements(
      db.connection,
      {
        cleaned: file('c.parquet'),
        items: [file('items.parquet')],
        validated: file('v.parquet'),
        rejected: file('r.parquet'),
      },
      '2025-03-10',
    );
    const unknown = Math.floor(ROWS / 777); // no multiple of 777 is a later copy (lcm 777,000)
    expect(validated.rejectedByRule).toEqual({ UNKNOWN_ITEM: unknown });
    expect(validated.validatedRows).toBe(ROWS - copies - unknown);
    expect(await order('c.parquet')).toEqual({ rows: ROWS - copies, out_of_order: 0 });
    expect(await order('v.parquet')).toEqual({ rows: ROWS - copies - unknown, out_of_order: 0 });
    expect(await order('r.parquet')).toEqual({ rows: unknown, out_of_order: 0 });
  });
});
