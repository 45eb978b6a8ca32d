import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../../../../builder/src/errors.ts';
import { ingestFile, type IngestInput } from '../../../../builder/src/steps/bronze/ingest-file.ts';
import { openTestConnection } from '../../../helpers/duckdb.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

describe('bronze: ingestFile', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let db: Awaited<ReturnType<typeof openTestConnection>>;
  const file = (name: string) => path.join(dir, name);
  const input = (name: string, extra: Partial<IngestInput> = {}): IngestInput => ({
    file: file(name),
    format: name.endsWith('.parquet') ? 'parquet' : 'csv',
    sourceFile: name,
    encoding: 'auto',
    batchId: 'b1',
    ingestedAt: '2025-01-01T00:00:00Z',
    target: file(`${name}.bronze.parquet`),
    ...extra,
  });

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('bronze'));
    db = await openTestConnection();
  });

  afterAll(async () => {
    db.close();
    await cleanup();
  });

  it('numbers rows in file order even when DuckDB reads the CSV in parallel', async () => {
    // ~40 MB, well past the size at which DuckDB splits a CSV across threads.
    await db.connection.run(`COPY (
        SELECT i AS line, 'MV-' || i AS id, repeat('x', 80) AS padding FROM range(1, 400001) t(i)
      ) TO '${file('big.csv')}' (HEADER, DELIMITER ';')`);
    const result = await ingestFile(db.connection, input('big.csv', { delimiter: ';' }));
    expect(result).toEqual({ rows: 400_000, encoding: 'utf-8' });
    const [check] = await db.rows<{ mismatched: number; text_columns: number }>(`
      SELECT count(*) FILTER (WHERE CAST(line AS BIGINT) <> _row_number)::INTEGER AS mismatched,
             (SELECT count(*)::INTEGER FROM (DESCRIBE SELECT line, id, padding FROM '${file('big.csv.bronze.parquet')}')
              WHERE column_type = 'VARCHAR') AS text_columns
      FROM read_parquet('${file('big.csv.bronze.parquet')}')`);
    expect(check).toEqual({ mismatched: 0, text_columns: 3 });
  });

  it('reads Latin-1 when the bytes are not UTF-8, and sniffs the separator', async () => {
    await fs.writeFile(file('latin1.csv'), Buffer.from('código,descrição\nA,Cabo elétrico\n', 'latin1'));
    const result = await ingestFile(db.connection, input('latin1.csv'));
    expect(result.encoding).toBe('latin-1');
    const rows = await db.rows(
      `SELECT "código", "descrição", _row_number FROM '${file('latin1.csv.bronze.parquet')}'`,
    );
    expect(rows).toEqual([{ código: 'A', descrição: 'Cabo elétrico', _row_number: '1' }]);
  });

  it('keeps Parquet columns as text', async () => {
    await db.connection.run(
      `COPY (SELECT 1.5::DOUBLE AS qty, DATE '2025-02-03' AS dia) TO '${file('in.parquet')}'`,
    );
    const result = await ingestFile(db.connection, input('in.parquet'));
    expect(result).toEqual({ rows: 1, encoding: 'parquet' });
    const rows = await db.rows(`SELECT * EXCLUDE (_ingested_at) FROM '${file('in.parquet.bronze.parquet')}'`);
    expect(rows).toEqual([
      { qty: '1.5', dia: '2025-02-03', _source_file: 'in.parquet', _row_number: '1', _batch_id: 'b1' },
    ]);
  });

  it.each([
    { name: 'header-only.csv', content: 'a;b\n', message: /has no data rows/ },
    {
      name: 'garbage.parquet',
      content: 'not a parquet file',
      message: /cannot read garbage\.parquet as PARQUET/,
    },
  ])('$name fails with a CliError', async ({ name, content, message }) => {
    await fs.writeFile(file(name), content);
    const attempt = ingestFile(db.connection, input(name));
    await expect(attempt).rejects.toBeInstanceOf(CliError);
    await expect(attempt).rejects.toThrow(message);
    await expect(fs.access(file(`${name}.bronze.parquet`))).rejects.toThrow();
  });
});
