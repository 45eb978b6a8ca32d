import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrowToRows, type ArrowTable } from '../../../../web/src/lib/data/arrow-rows.ts';
import { TRICKY_SQL } from '../../helpers/tricky-values.ts';
import { openWasmResults, type WasmResults } from '../../helpers/wasm-results.ts';
import { openWasmBindings } from '../../helpers/wasm-db.ts';

/** The rows nova.sql() and the views would get for the same statement, for comparison. */
async function plainRows(sql: string) {
  const bindings = await openWasmBindings();
  try {
    const conn = bindings.connect();
    try {
      return arrowToRows(conn.query(sql) as ArrowTable);
    } finally {
      conn.close();
    }
  } finally {
    bindings.reset();
  }
}

describe('resultFromBatches on DuckDB-WASM record batches', () => {
  let wasm: WasmResults;
  beforeAll(async () => {
    wasm = await openWasmResults();
  });
  afterAll(() => wasm?.close());

  it('reads each cell as the plain value the row conversion gives', async () => {
    const { result } = wasm.result(TRICKY_SQL);
    const expected = await plainRows(TRICKY_SQL);
    expect(result.columns.map((c) => c.name)).toEqual(['id', 'label', 'amount', 'day', 'flag']);
    expect(result.columns.map((c) => c.numeric)).toEqual([true, false, true, false, false]);
    const cells = Array.from({ length: result.rowCount }, (_, row) =>
      Object.fromEntries(result.columns.map((column, c) => [column.name, result.cell(row, c)])),
    );
    expect(cells).toEqual(expected);
  });

  it('addresses rows across batches and columns by position, duplicate names included', () => {
    const { result, batches } = wasm.result('SELECT range AS a, range * 2 AS a FROM range(10000)');
    expect(batches).toBeGreaterThan(2);
    expect(result.rowCount).toBe(10000);
    expect(result.columns.map((c) => c.name)).toEqual(['a', 'a']);
    for (const row of [0, 2047, 2048, 4095, 4096, 9999]) {
      expect([result.cell(row, 0), result.cell(row, 1)]).toEqual([row, row * 2]);
    }
  });

  it('keeps the columns of an empty result', () => {
    const { result } = wasm.result('SELECT 1 AS one, $$x$$ AS x WHERE false');
    expect(result.rowCount).toBe(0);
    expect(result.columns.map((c) => c.name)).toEqual(['one', 'x']);
  });

  it('refuses a cell outside the result', () => {
    const { result } = wasm.result('SELECT 1 AS one');
    expect(() => result.cell(1, 0)).toThrow(RangeError);
    expect(() => result.cell(0, 1)).toThrow(RangeError);
    expect(() => result.cell(-1, 0)).toThrow(RangeError);
  });
});
