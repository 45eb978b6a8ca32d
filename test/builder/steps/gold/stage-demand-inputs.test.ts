import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageDemandInputs } from '../../../../builder/src/steps/gold/stage-demand-inputs.ts';
import { openTestConnection } from '../../../helpers/duckdb.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

// More item ranges than DuckDB keeps part files open by default (100), with the movements in no
// order, so a writer that reopened parts would leave several files in some of them.
const ITEMS = 400;
const DAYS = 20;

describe('gold: stage demand inputs', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let db: Awaited<ReturnType<typeof openTestConnection>>;
  const file = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('gold-stage'));
    db = await openTestConnection();
    await db.connection.run(`COPY (
        SELECT 'NC-' || lpad(CAST(i AS VARCHAR), 4, '0') AS item_id, 'cable' AS category, 'un' AS unit,
          1.0 AS unit_cost_brl
        FROM range(${ITEMS}) t(i)
      ) TO '${file('items.parquet')}' (FORMAT PARQUET)`);
    await db.connection.run(`COPY (
        SELECT 'NC-' || lpad(CAST(i AS VARCHAR), 4, '0') AS item_id, DATE '2025-01-01' + CAST(d AS INTEGER) AS movement_date,
          CAST(1 + (i + d) % 3 AS DOUBLE) AS quantity, 'MV-' || i || '-' || d AS movement_id
        FROM range(${ITEMS}) t(i), range(${DAYS}) s(d)
        ORDER BY hash(i, d)
      ) TO '${file('validated.parquet')}' (FORMAT PARQUET, ROW_GROUP_SIZE 2048)`);
    await db.connection.run('SET threads = 4');
  });

  afterAll(async () => {
    db.close();
    await cleanup();
  });

  it('writes each item range as one file holding every movement of its items', async () => {
    const workDir = file('work');
    await fs.mkdir(workDir);
    const inputs = await stageDemandInputs(
      db.connection,
      { items: [file('items.parquet')], validated: [file('validated.parquet')], workDir },
      { from: '2025-01-01', to: '2025-01-31' },
      { grain: 'day', itemsPerPart: 2 },
    );
    expect(inputs.itemCount).toBe(ITEMS);
    expect(inputs.parts).toHaveLength(ITEMS / 2);
    const filesPerPart = await Promise.all(
      inputs.parts.map(
        async (part) => (await fs.readdir(path.join(workDir, 'totals', `part=${part.index}`))).length,
      ),
    );
    expect(new Set(filesPerPart)).toEqual(new Set([1]));
    const [totals] = await db.rows<{ rows: number; orders: number }>(
      `SELECT count(*)::INTEGER AS rows, sum(orders)::INTEGER AS orders FROM read_parquet('${inputs.totals}')`,
    );
    expect(totals).toEqual({ rows: ITEMS * DAYS, orders: ITEMS * DAYS });
    const [setting] = await db.rows<{ value: string }>(
      `SELECT current_setting('partitioned_write_max_open_files')::VARCHAR AS value`,
    );
    expect(setting?.value).toBe('100');
  });
});
