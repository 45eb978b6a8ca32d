import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlString } from '#schema/literal.ts';
import { exportParquet } from '../../../../web/src/lib/data/explorer/parquet-export.ts';
import { EmptyStatementError } from '../../../../web/src/lib/data/explorer/user-statement.ts';
import { engines } from '../../helpers/engines.ts';
import { TRICKY_COLUMNS, TRICKY_SQL } from '../../helpers/tricky-values.ts';
import { openWasmResults, type WasmResults } from '../../helpers/wasm-results.ts';

describe('exportParquet from DuckDB-WASM', () => {
  let wasm: WasmResults;
  let dir = '';
  let file = '';
  beforeAll(async () => {
    wasm = await openWasmResults();
    dir = await mkdtemp(join(tmpdir(), 'nova-parquet-'));
    file = join(dir, 'tricky.parquet');
    // A trailing semicolon and comment, as people type them, must not break the COPY around it.
    await writeFile(file, await exportParquet(wasm.files, `${TRICKY_SQL};  -- last line\n`));
  });
  afterAll(async () => {
    wasm?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a Parquet file (magic bytes at both ends)', async () => {
    const bytes = await exportParquet(wasm.files, 'SELECT 1 AS one');
    const text = (from: number) => new TextDecoder().decode(bytes.subarray(from, from + 4));
    expect([text(0), text(bytes.length - 4)]).toEqual(['PAR1', 'PAR1']);
  });

  it('gives DuckDB an error for a statement COPY cannot wrap, and refuses an empty one', async () => {
    await expect(exportParquet(wasm.files, 'SELEC 1')).rejects.toThrow(/syntax error/i);
    await expect(exportParquet(wasm.files, ' ; ')).rejects.toThrow(EmptyStatementError);
  });

  describe.each(engines)('read by $name', (engine) => {
    it('holds every row and the column types of the query', async () => {
      const db = await engine.open({});
      try {
        const source = `read_parquet(${sqlString(file)})`;
        expect(await db.query(`SELECT * FROM ${source} ORDER BY id`)).toEqual(await db.query(TRICKY_SQL));
        const types = await db.query<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${source}`);
        expect(Object.fromEntries(types.map((t) => [t.column_name, t.column_type]))).toEqual(TRICKY_COLUMNS);
      } finally {
        db.close();
      }
    });
  });
});
