/**
 * The real builder CLI publishing to a real S3-compatible server (a separate process on a loopback
 * port): the layout, headers and checksums of every object, incremental runs that read the
 * lakehouse back from the bucket, pruning, and the same gold as a folder run of the same input.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isManifest, manifestFiles, type Manifest } from '#schema';
import { readManifest } from '../helpers/lakehouse.ts';
import { BUILDER_CLI, runCli } from '#support/run-cli.ts';
import { startS3Server, testS3Client, type S3TestServer } from '#support/s3-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const WINDOW = ['--items', '30', '--from', '2024-01-01', '--to', '2024-06-30'];
const PREFIX = 'lake/house';
const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('builder run --s3', () => {
  let server: S3TestServer;
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let client: S3Client;
  const s3 = `s3://nova-test/${PREFIX}`;
  const run = (...args: string[]) => runCli(BUILDER_CLI, ['run', '--s3', s3, ...WINDOW, ...args], server.env);
  const manifestUrl = () => server.url(`${PREFIX}/gold/manifest.json`);
  const published = async (): Promise<Manifest> => {
    const value: unknown = await (await fetch(manifestUrl())).json();
    if (!isManifest(value)) throw new Error('the bucket holds no valid manifest');
    return value;
  };
  const keys = async (under: string): Promise<string[]> => {
    const listed = await client.send(
      new ListObjectsV2Command({ Bucket: server.bucket, Prefix: `${PREFIX}/${under}` }),
    );
    return (listed.Contents ?? []).map((object) => (object.Key ?? '').slice(PREFIX.length + 1)).sort();
  };

  beforeAll(async () => {
    server = await startS3Server();
    temp = await makeTempDir('builder-s3');
    client = testS3Client(server);
    const first = await run('--seed', '5');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`published build \\S+ → ${s3}\n`));
  });

  afterAll(async () => {
    client?.destroy();
    await server?.stop();
    await temp?.cleanup();
  });

  it('lays out bronze, silver and gold as in a folder, the lock released', async () => {
    const manifest = await published();
    const [batch] = manifest.batches;
    expect(await keys('silver/')).toEqual(
      [
        `silver/batches.json`,
        ...['cleaned', 'items', 'rejected', 'validated'].map((kind) => `silver/${kind}/${batch}.parquet`),
      ].sort(),
    );
    const bronze = await keys('bronze/');
    expect(bronze.filter((key) => key.startsWith('bronze/raw_data/mock/'))).toHaveLength(2);
    expect(bronze.filter((key) => key.startsWith('bronze/ingested/mock/ingest_date='))).toHaveLength(2);
    expect(await keys('gold/')).toEqual(
      [...manifestFiles(manifest).map((file) => file.path), 'gold/manifest.json'].sort(),
    );
    expect(await keys('.builder.lock')).toEqual([]);
  });

  it('serves every gold file with the manifest bytes and sha256, typed and cached for good', async () => {
    const manifest = await published();
    const head = await fetch(manifestUrl(), { method: 'HEAD' });
    expect(head.headers.get('content-type')).toMatch(/^application\/json/);
    expect(head.headers.get('cache-control')).toBe('no-cache');
    for (const entry of manifestFiles(manifest)) {
      const table = entry.path;
      const response = await fetch(server.url(`${PREFIX}/${entry.path}`));
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.length, table).toBe(entry.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), table).toBe(entry.sha256);
      expect(response.headers.get('content-type'), table).toBe('application/vnd.apache.parquet');
      expect(response.headers.get('cache-control'), table).toBe(IMMUTABLE);
      // What DuckDB-WASM asks before it reads by ranges.
      const probe = await fetch(server.url(`${PREFIX}/${entry.path}`), {
        method: 'HEAD',
        headers: { Range: 'bytes=0-' },
      });
      expect(probe.status, table).toBe(206);
      expect(probe.headers.get('content-length'), table).toBe(String(entry.bytes));
    }
  });

  it('publishes the same gold as a folder run of the same input', async () => {
    const out = path.join(temp.dir, 'folder');
    const local = await runCli(BUILDER_CLI, ['run', '--out', out, ...WINDOW, '--seed', '5']);
    expect(local.code).toBe(0);
    const folder = await readManifest(out);
    const bucket = await published();
    const hashes = (manifest: Manifest) => manifestFiles(manifest).map((file) => file.sha256);
    expect(hashes(bucket)).toEqual(hashes(folder));
    expect(bucket.summary).toEqual(folder.summary);
  });

  it('reads the ledger back: identical content is skipped, new content builds on what the bucket holds', async () => {
    const before = await published();
    const again = await run('--seed', '5');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/identical to batch/);
    expect((await published()).build_id).toBe(before.build_id);

    const next = await run('--seed', '6');
    expect(next.stderr).toBe('');
    expect(next.code).toBe(0);
    const after = await published();
    expect(after.build_id).not.toBe(before.build_id);
    // A mock export is a snapshot: the new batch replaces the old one in gold; both stay in the ledger.
    expect(after.batches).toHaveLength(1);
    const ledger = (await (await fetch(server.url(`${PREFIX}/silver/batches.json`))).json()) as {
      batches: unknown[];
    };
    expect(ledger.batches).toHaveLength(2);
    expect(await keys(`gold/${before.build_id}/`)).toHaveLength(manifestFiles(before).length);
  });

  it('prunes to --keep builds after publishing, never the current one', async () => {
    await run('--seed', '7');
    const pruned = await run('--seed', '8', '--keep', '1');
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toMatch(/pruned \d+ old/);
    const current = await published();
    expect(await keys('gold/')).toEqual(
      [...manifestFiles(current).map((file) => file.path), 'gold/manifest.json'].sort(),
    );
  });

  it('refuses to build on gold that changed in the bucket after it was published', async () => {
    const current = await published();
    const [fact] = current.tables.fact_demand_daily.files;
    await client.send(
      new PutObjectCommand({ Bucket: server.bucket, Key: `${PREFIX}/${fact?.path}`, Body: 'tampered' }),
    );
    const run = await runCli(BUILDER_CLI, ['build', '--s3', s3, '--force'], server.env);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/does not match the sha256 its manifest records/);
    expect(run.stderr).toMatch(/hint: the object was changed after it was published/);
    expect((await published()).build_id).toBe(current.build_id);
    expect(await keys('.builder.lock')).toEqual([]);
  });
});
