import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { sqlString } from '#schema/literal.ts';
import { goldViewSql } from '../../../web/src/lib/data/gold-views.ts';
import { viewSources } from '../../../web/src/lib/data/view-sources.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { openWasmBindings } from '../helpers/wasm-db.ts';

const part = (build: string, n: number) => `gold/${build}/fact_demand_daily-${String(n).padStart(4, '0')}.parquet`;
const parts = [part('b2', 1), part('b2', 2), part('b2', 3)];
const others = ['gold/b2/dim_item.parquet', 'gold/b2/fact_demand_weekly.parquet'];

describe('viewSources', () => {
  it.each([
    { name: 'several parts in one folder: one glob', paths: parts, registered: [...parts, ...others], expected: ['gold/b2/fact_demand_daily-*.parquet'] },
    { name: 'one file: the file', paths: [part('b2', 1)], registered: [part('b2', 1)], expected: [part('b2', 1)] },
    { name: 'no files: none', paths: [], registered: others, expected: [] },
    { name: 'a registered name the glob would also match: the list', paths: parts, registered: [...parts, 'gold/b2/fact_demand_daily-old.parquet'], expected: parts },
    { name: 'a part in another folder: the list', paths: [part('b2', 1), part('b1', 2)], registered: [part('b2', 1), part('b1', 2)], expected: [part('b2', 1), part('b1', 2)] },
    { name: 'a folder with glob syntax: the list', paths: ['gold/b[2]/fact_demand_daily-0001.parquet', 'gold/b[2]/fact_demand_daily-0002.parquet'], registered: ['gold/b[2]/fact_demand_daily-0001.parquet', 'gold/b[2]/fact_demand_daily-0002.parquet'], expected: ['gold/b[2]/fact_demand_daily-0001.parquet', 'gold/b[2]/fact_demand_daily-0002.parquet'] },
    { name: 'files not named as parts: the list', paths: ['gold/b2/a.parquet', 'gold/b2/b.parquet'], registered: ['gold/b2/a.parquet', 'gold/b2/b.parquet'], expected: ['gold/b2/a.parquet', 'gold/b2/b.parquet'] },
  ])('$name', ({ paths, registered, expected }) => {
    expect(viewSources('fact_demand_daily', paths, registered)).toEqual(expected);
  });
});

describe('a view over the glob in DuckDB-WASM', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  const buffers = new Map<string, Uint8Array>();

  beforeAll(async () => {
    temp = await makeTempDir('nova-view-sources');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    // Three parts of this build (keys 1-2, 3-4, 5) and a file of an older build with the same name.
    const files = [
      { name: parts[0], keys: [1, 2] },
      { name: parts[1], keys: [3, 4] },
      { name: parts[2], keys: [5] },
      { name: part('b1', 1), keys: [100, 101, 102] },
    ];
    for (const [index, file] of files.entries()) {
      const local = join(temp.dir, `${index}.parquet`);
      await connection.run(
        `COPY (SELECT DATE '2024-01-01' AS date, 'IT' || k AS item_id, CAST(k AS INTEGER) AS item_key,
           CAST(k AS DOUBLE) AS demand, 1 AS orders FROM unnest([${file.keys.join(', ')}]) AS t(k))
         TO ${sqlString(local)} (FORMAT PARQUET)`,
      );
      buffers.set(file.name ?? '', new Uint8Array(await readFile(local)));
    }
    connection.closeSync();
    instance.closeSync();
  });
  afterAll(() => temp?.cleanup());

  it('reads every part of the table and no other registered file', async () => {
    const bindings = await openWasmBindings();
    try {
      for (const [name, bytes] of buffers) bindings.registerFileBuffer(name, bytes);
      const connection = bindings.connect();
      const sources = viewSources('fact_demand_daily', parts, [...buffers.keys()]);
      expect(sources).toEqual(['gold/b2/fact_demand_daily-*.parquet']);
      connection.query(goldViewSql('fact_demand_daily', sources));
      const table = connection.query('SELECT list(item_key ORDER BY item_key) AS keys FROM fact_demand_daily');
      expect(table.getChild('keys')?.get(0)?.toArray()).toEqual(Int32Array.from([1, 2, 3, 4, 5]));
      connection.close();
    } finally {
      bindings.reset();
    }
  });
});
