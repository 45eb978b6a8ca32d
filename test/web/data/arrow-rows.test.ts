import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeDb } from '#support/node-db.ts';
import { engines } from '../helpers/engines.ts';

// One literal of each type the app can meet; both engines must hand back the same plain values.
const SQL = `
SELECT
  DATE '2024-03-01' AS day,
  TIMESTAMP '2024-03-01 10:11:12' AS stamp,
  CAST(NULL AS DATE) AS no_day,
  CAST(5 AS BIGINT) AS big,
  CAST(3 AS HUGEINT) AS huge,
  CAST(1.25 AS DECIMAL(10, 2)) AS money,
  CAST(2.5 AS DOUBLE) AS dbl,
  CAST(7 AS INTEGER) AS int,
  true AS flag,
  'texto' AS text,
  count(*) AS n,
  [1, 2] AS list,
  {'a': 1, 'b': 'x'} AS struct`;

const expected = {
  day: '2024-03-01',
  stamp: '2024-03-01T10:11:12.000Z',
  no_day: null,
  big: 5,
  huge: 3,
  money: 1.25,
  dbl: 2.5,
  int: 7,
  flag: true,
  text: 'texto',
  n: 1,
  list: [1, 2],
  struct: { a: 1, b: 'x' },
};

describe.each(engines)('plain rows from $name', (engine) => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await engine.open({});
  });
  afterAll(() => db.close());

  it('converts every type to the shared plain shape', async () => {
    expect(await db.query(SQL)).toEqual([expected]);
  });

  // DuckDB-WASM 1.28 binds a JS boolean as the integer 1 unless the SQL gives the ? a type.
  it('binds positional parameters of each JS type', async () => {
    const sql = 'SELECT ? AS s, ? + 1 AS n, CAST(? AS BOOLEAN) AS b, CAST(? AS VARCHAR) AS z';
    const rows = await db.query(sql, ['a', 2, true, null]);
    expect(rows).toEqual([{ s: 'a', n: 3, b: true, z: null }]);
  });
});
