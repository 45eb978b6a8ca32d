/** The silver probes against the real static server, over a folder laid out as the builder writes it. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_PATH, rejectedFilePath, type BatchRecord, type LedgerDocument } from '#schema/silver.ts';
import { startStaticServer, type StaticServer } from '#static-server';
import { findRejectedFiles, loadLedger } from '../../../web/src/lib/data/silver-files.ts';
import { lineageFixture } from '../../helpers/manifest-fixture.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const record = (batch_id: string): BatchRecord => ({
  batch_id,
  source: 'mock',
  mode: 'snapshot',
  ingest_date: '2026-01-01',
  ingested_at: '2026-01-01T00:00:00Z',
  files: [],
  dates: { from: '2025-01-01', to: '2025-12-31' },
  lineage: { ...lineageFixture(), bronze_rows: batch_id.length },
});

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let server: StaticServer;
let base: URL;

beforeAll(async () => {
  temp = await makeTempDir('nova-silver');
  await mkdir(join(temp.dir, 'silver', 'rejected'), { recursive: true });
  // Ledger order differs from the manifest's, and holds a batch the build no longer uses.
  const ledger: LedgerDocument = { batches: [record('b2'), record('old'), record('b1')] };
  await writeFile(join(temp.dir, LEDGER_PATH), JSON.stringify(ledger));
  for (const id of ['b1', 'b2']) await writeFile(join(temp.dir, rejectedFilePath(id)), 'PAR1');
  server = await startStaticServer({ roots: [temp.dir], port: 0 });
  base = new URL(server.url);
});

afterAll(async () => {
  await server?.close();
  await temp?.cleanup();
});

describe('loadLedger', () => {
  it("returns the manifest's batches in the manifest's order", async () => {
    const found = await loadLedger(base, ['b1', 'b2']);
    expect(found).toEqual({ available: true, value: [record('b1'), record('b2')] });
  });

  it('is unavailable when the ledger lacks a batch of the build', async () => {
    const found = await loadLedger(base, ['b1', 'b3']);
    expect(found).toEqual({ available: false, reason: expect.stringMatching(/no record of batch b3/) });
  });

  it('is unavailable, with the status, when the host does not publish silver', async () => {
    const found = await loadLedger(new URL('nowhere/', base), ['b1']);
    expect(found).toEqual({ available: false, reason: expect.stringMatching(/nowhere\/silver\/batches\.json: HTTP 404/) });
  });

  it('is unavailable when the file is not a ledger', async () => {
    await mkdir(join(temp.dir, 'bad', 'silver'), { recursive: true });
    await writeFile(join(temp.dir, 'bad', LEDGER_PATH), '{"batches": [{"batch_id": 1}]}');
    const found = await loadLedger(new URL('bad/', base), ['b1']);
    expect(found).toEqual({ available: false, reason: expect.stringMatching(/not a batch ledger/) });
  });
});

describe('findRejectedFiles', () => {
  it('finds every batch file by HEAD', async () => {
    await expect(findRejectedFiles(base, ['b1', 'b2'])).resolves.toEqual({
      available: true,
      value: [
        { batchId: 'b1', url: `${server.url}silver/rejected/b1.parquet` },
        { batchId: 'b2', url: `${server.url}silver/rejected/b2.parquet` },
      ],
    });
  });

  it('is unavailable when one batch file is missing, naming it', async () => {
    const found = await findRejectedFiles(base, ['b1', 'b9']);
    expect(found).toEqual({ available: false, reason: expect.stringMatching(/b9\.parquet: HTTP 404/) });
  });

  it.each(['../gold/manifest', 'a/b', '.hidden', ''])('refuses batch id %j as a path', async (id) => {
    const found = await findRejectedFiles(base, [id]);
    expect(found).toEqual({ available: false, reason: expect.stringMatching(/not a safe file name/) });
  });

  it('is unavailable when the host cannot be reached', async () => {
    const gone = await startStaticServer({ roots: [temp.dir], port: 0 });
    await gone.close();
    const found = await findRejectedFiles(new URL(gone.url), ['b1']);
    expect(found.available).toBe(false);
  });
});
