import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256File } from '../../../../builder/src/files.ts';
import { writeMockExport, type MockOptions } from '../../../../builder/src/sources/mock/write-mock-export.ts';
import { openTestConnection } from '../../../helpers/duckdb.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

// Enough items for several row groups of the item scan, so the export runs on every thread.
const OPTIONS: MockOptions = { items: 5_000, from: '2024-12-01', to: '2024-12-31', seed: 7, faultRate: 0.02 };

describe('mock ERP export', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let db: Awaited<ReturnType<typeof openTestConnection>>;
  const exportTo = async (name: string, options: MockOptions = OPTIONS) => {
    const folder = path.join(dir, name);
    await fs.mkdir(folder);
    const written = await writeMockExport(db.connection, folder, options);
    return { ...written, sha256: await sha256File(written.movementsFile) };
  };

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('mock-export'));
    db = await openTestConnection();
    await db.connection.run('SET threads = 4');
  });

  afterAll(async () => {
    db.close();
    await cleanup();
  });

  it('writes the same bytes for the same seed, read in parallel, and other bytes for another', async () => {
    const first = await exportTo('a');
    const again = await exportTo('b');
    const other = await exportTo('c', { ...OPTIONS, seed: 8 });
    expect(first.movementRows).toBeGreaterThan(OPTIONS.items);
    expect(again).toMatchObject({ movementRows: first.movementRows, sha256: first.sha256 });
    expect(other.sha256).not.toBe(first.sha256);
  });

  it('cuts demand on holidays (Christmas) to a fraction of the weekdays around it', async () => {
    const { movementsFile } = await exportTo('d', { ...OPTIONS, faultRate: 0 });
    const [row] = await db.rows<{ christmas: number; around: number }>(`
      SELECT
        sum(units) FILTER (WHERE data = '25/12/2024') AS christmas,
        sum(units) FILTER (WHERE data IN ('24/12/2024', '26/12/2024')) / 2 AS around
      FROM (
        SELECT data, CAST(replace(quantidade, ',', '.') AS DOUBLE) AS units
        FROM read_csv('${movementsFile}', delim = ';', header = true, all_varchar = true)
      )`);
    expect(row?.christmas).toBeLessThan((row?.around ?? 0) * 0.4);
  });
});
