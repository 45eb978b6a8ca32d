import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlString } from '#schema/literal.ts';
import { csvField, resultCsv } from '../../../../web/src/lib/data/explorer/result-csv.ts';
import type { Plain } from '../../../../web/src/lib/data/arrow-rows.ts';
import { engines } from '../../helpers/engines.ts';
import { TRICKY_COLUMNS, TRICKY_SQL } from '../../helpers/tricky-values.ts';
import { openWasmResults, type WasmResults } from '../../helpers/wasm-results.ts';

describe('csvField', () => {
  it.each<{ value: Plain; expected: string }>([
    { value: null, expected: '' },
    { value: '', expected: '""' },
    { value: 'plain', expected: 'plain' },
    { value: 'a,b', expected: '"a,b"' },
    { value: 'say "hi"', expected: '"say ""hi"""' },
    { value: 'two\nlines', expected: '"two\nlines"' },
    { value: 'cr\rhere', expected: '"cr\rhere"' },
    { value: ' lead', expected: '" lead"' },
    { value: 'trail ', expected: '"trail "' },
    { value: 'semi;colon', expected: 'semi;colon' },
    { value: 0.1 + 0.2, expected: '0.30000000000000004' },
    { value: -7, expected: '-7' },
    { value: true, expected: 'true' },
    { value: [1, 'a,b'], expected: '"[1,""a,b""]"' },
    { value: { k: 'v' }, expected: '"{""k"":""v""}"' },
  ])('$value → $expected', ({ value, expected }) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('resultCsv', () => {
  let wasm: WasmResults;
  let dir = '';
  beforeAll(async () => {
    wasm = await openWasmResults();
    dir = await mkdtemp(join(tmpdir(), 'nova-csv-'));
  });
  afterAll(async () => {
    wasm?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a header, CRLF records and every row, even across record batches', () => {
    const { result, batches } = wasm.result('SELECT range AS n, range % 3 AS r FROM range(5000)');
    expect(batches).toBeGreaterThan(1);
    const lines = resultCsv(result).split('\r\n');
    expect(lines[0]).toBe('n,r');
    expect(lines.length).toBe(5000 + 2); // header, rows, and the empty string after the last CRLF
    expect(lines[4999 + 1]).toBe('4999,1');
    expect(lines.at(-1)).toBe('');
  });

  it('quotes header names that need it', () => {
    const { result } = wasm.result(`SELECT 1 AS "a,b", 2 AS "say ""x"""`);
    expect(resultCsv(result).split('\r\n')[0]).toBe('"a,b","say ""x"""');
  });

  describe.each(engines)('read back by $name', (engine) => {
    it('gives the rows the query gives', async () => {
      const csv = join(dir, `tricky-${engine.name.replace(/\W+/g, '-')}.csv`);
      await writeFile(csv, resultCsv(wasm.result(TRICKY_SQL).result));
      const db = await engine.open({});
      try {
        const columns = Object.entries(TRICKY_COLUMNS)
          .map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`)
          .join(', ');
        // allow_quoted_nulls = false: "" is the empty string and an empty field NULL (PostgreSQL's rule).
        const readBack = await db.query(
          `SELECT * FROM read_csv(${sqlString(csv)}, header = true, allow_quoted_nulls = false, columns = {${columns}}) ORDER BY id`,
        );
        expect(readBack).toEqual(await db.query(TRICKY_SQL));
        expect(readBack).toHaveLength(9);
      } finally {
        db.close();
      }
    });
  });
});
