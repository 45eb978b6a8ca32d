import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { sqlString } from '#schema/literal.ts';
import { goldTables } from '#schema/tables.ts';
import { engines } from '../helpers/engines.ts';
import { writeGold } from '../helpers/write-gold.ts';
import { sampleItems } from '../helpers/sample-gold.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nova-views-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each(engines)('gold views on $name', (engine) => {
  it('select exactly the schema/ columns, whatever the file order or extras', async () => {
    const { dim_item: path = '' } = await writeGold(dir, { dim_item: sampleItems });
    // Same data with columns reversed and one extra column the contract does not know.
    const shuffled = join(dir, `shuffled-${engine.name.length}.parquet`);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const columns = goldTables.dim_item.map((c) => `"${c.name}"`).reverse();
    await connection.run(
      `COPY (SELECT 1 AS extra, ${columns.join(', ')} FROM read_parquet(${sqlString(path)}))
       TO ${sqlString(shuffled)} (FORMAT PARQUET)`,
    );
    connection.closeSync();
    instance.closeSync();

    const db = await engine.open({ dim_item: shuffled });
    const [row] = await db.query<Record<string, unknown>>('SELECT * FROM dim_item ORDER BY item_id LIMIT 1');
    db.close();
    expect(Object.keys(row ?? {})).toEqual(goldTables.dim_item.map((c) => c.name));
    expect(row).toEqual(sampleItems[0]);
  });

  it('fail at creation when a contract column is missing from the file', async () => {
    const partial = join(dir, `partial-${engine.name.length}.parquet`);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT 'IT1' AS item_id) TO ${sqlString(partial)} (FORMAT PARQUET)`);
    connection.closeSync();
    instance.closeSync();
    await expect(engine.open({ dim_item: partial })).rejects.toThrow(/item_key/);
  });
});
