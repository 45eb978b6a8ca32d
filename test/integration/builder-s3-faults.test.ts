/**
 * The S3 target when things go wrong, against a real S3-compatible server process: a publisher
 * SIGKILLed mid-upload (bronze, then gold) leaves the published build served whole and its lock
 * behind until the lease runs out, after which the next run takes over and cleans up; a refused
 * access key and an endpoint that is down are one clear line and a non-zero exit, never echoing
 * credentials.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isManifest, manifestFiles, type Manifest } from '#schema';
import { runAndKill } from '#support/run-and-kill.ts';
import { BUILDER_CLI, runCli } from '#support/run-cli.ts';
import { expireBucketLock } from '#support/s3-expire-lock.ts';
import { startS3Server, testS3Client, type S3TestServer } from '#support/s3-server.ts';

const PREFIX = 'faults';
// Big enough that uploading a batch takes a while (a 4 MB raw export, 110k movements).
const WINDOW = ['--items', '150', '--from', '2023-07-01', '--to', '2025-06-30'];

let server: S3TestServer;
let client: S3Client;
/** Bronze objects before a run, so the first one it uploads can be seen. */
let bronzeBefore = 0;
const location = () => `s3://${server.bucket}/${PREFIX}`;

async function published(): Promise<{ manifest: Manifest; etag: string | null }> {
  const response = await fetch(server.url(`${PREFIX}/gold/manifest.json`));
  const value: unknown = await response.json();
  if (!isManifest(value)) throw new Error('no valid manifest in the bucket');
  return { manifest: value, etag: response.headers.get('etag') };
}

/** What a reader sees: the manifest and every file it names, whole (bytes and sha256). */
async function expectServedIntact(): Promise<Manifest> {
  const { manifest } = await published();
  for (const entry of manifestFiles(manifest)) {
    const bytes = Buffer.from(await (await fetch(server.url(`${PREFIX}/${entry.path}`))).arrayBuffer());
    expect(bytes.length, entry.path).toBe(entry.bytes);
    expect(createHash('sha256').update(bytes).digest('hex'), entry.path).toBe(entry.sha256);
  }
  return manifest;
}

async function objectsUnder(folder: string): Promise<number> {
  const listed = await client.send(
    new ListObjectsV2Command({ Bucket: server.bucket, Prefix: `${PREFIX}/${folder}` }),
  );
  return listed.KeyCount ?? 0;
}

async function goldBuilds(): Promise<string[]> {
  const listed = await client.send(
    new ListObjectsV2Command({ Bucket: server.bucket, Prefix: `${PREFIX}/gold/`, Delimiter: '/' }),
  );
  return (listed.CommonPrefixes ?? []).map((p) => (p.Prefix ?? '').split('/').at(-2) ?? '').sort();
}

beforeAll(async () => {
  server = await startS3Server();
  client = testS3Client(server);
  const first = await runCli(BUILDER_CLI, ['run', '--s3', location(), ...WINDOW, '--seed', '1'], server.env);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
});

afterAll(async () => {
  client?.destroy();
  await server?.stop();
});

describe('publisher killed mid-upload', () => {
  it.each([
    {
      at: 'while uploading bronze and silver',
      when: async () => (await objectsUnder('bronze/')) > bronzeBefore,
      batchPublished: false,
    },
    {
      at: 'while uploading gold files',
      when: async () => (await goldBuilds()).length > 1,
      batchPublished: true,
    },
  ])('killed $at: the previous build is still served, whole', async ({ when, batchPublished }) => {
    const before = await expectServedIntact();
    bronzeBefore = await objectsUnder('bronze/');
    const readLedger = async () =>
      (await (await fetch(server.url(`${PREFIX}/silver/batches.json`))).json()) as {
        batches: { batch_id: string }[];
      };
    const ledger = await readLedger();
    await expireBucketLock(server, client, PREFIX); // a lock left by the previous case
    const seed = String(100 + Math.floor(Math.random() * 1000));
    const args = ['run', '--s3', location(), ...WINDOW, '--seed', seed];
    const output = await runAndKill(BUILDER_CLI, args, server.env, when);
    expect(output).not.toMatch(/published build/);
    const after = await expectServedIntact();
    expect(after.build_id).toBe(before.build_id);
    // The ledger names a new batch only once all its files arrived (they go up first).
    const now = await readLedger();
    expect(now.batches.length).toBe(ledger.batches.length + (batchPublished ? 1 : 0));
    for (const { batch_id } of now.batches) {
      for (const kind of ['cleaned', 'validated', 'rejected', 'items']) {
        const head = await fetch(server.url(`${PREFIX}/silver/${kind}/${batch_id}.parquet`), {
          method: 'HEAD',
        });
        expect(head.status, `${kind}/${batch_id}`).toBe(200);
      }
    }
  });

  it('the lock stays until its lease runs out; then the next run takes over, cleans up and publishes', async () => {
    const held = await runCli(BUILDER_CLI, ['run', '--s3', location(), ...WINDOW, '--seed', '2'], server.env);
    expect(held.code).toBe(4);
    expect(held.stderr).toMatch(
      /another builder is writing s3:\/\/\S+\/faults: \S+:\d+:\w+ \(since .*, expires .*\)/,
    );
    expect(held.stderr).toMatch(/hint: wait for it to finish/);

    const before = (await published()).manifest;
    expect((await goldBuilds()).length).toBeGreaterThan(1); // the killed run's partial build
    await expireBucketLock(server, client, PREFIX);
    const run = await runCli(BUILDER_CLI, ['run', '--s3', location(), ...WINDOW, '--seed', '2'], server.env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const after = await expectServedIntact();
    expect(after.build_id).not.toBe(before.build_id);
    expect(await goldBuilds()).toEqual([before.build_id, after.build_id].sort());
  });
});

describe('credentials and endpoint', () => {
  const noStack = /\n\s+at /;

  it('a refused access key is one clear line, exit 4, and no credential is echoed', async () => {
    const wrong = { AWS_ACCESS_KEY_ID: 'AKIAWRONGKEY0000TEST', AWS_SECRET_ACCESS_KEY: 'wrong-secret-Zq8x' };
    for (const debug of [[], ['--debug']]) {
      const result = await runCli(BUILDER_CLI, ['run', '--s3', location(), ...WINDOW, ...debug], {
        ...server.env,
        ...wrong,
      });
      expect(result.code).toBe(4);
      expect(result.stderr).toMatch(/^builder: s3: GET s3:\/\/\S+: the server does not know this access key/);
      expect(result.stderr).toMatch(/hint: check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
      for (const secret of [...Object.values(wrong), server.secretAccessKey]) {
        expect(result.stdout + result.stderr).not.toContain(secret);
      }
      if (debug.length === 0) expect(result.stderr).not.toMatch(noStack);
    }
  });

  it('an endpoint that is down is named, with what to check, exit 4', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await runCli(BUILDER_CLI, ['run', '--s3', location(), ...WINDOW], {
      ...server.env,
      AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(
      new RegExp(
        `^builder: s3: GET s3://\\S+: cannot reach the S3 endpoint http://127.0.0.1:${port} \\(ECONNREFUSED\\)`,
      ),
    );
    expect(result.stderr).toMatch(/hint: check AWS_ENDPOINT_URL/);
    expect(result.stderr).not.toMatch(noStack);
  });

  it.each([
    {
      case: 'a bucket that does not exist',
      args: ['--s3', 's3://no-such-bucket/x'],
      code: 4,
      message: /NoSuchBucket/,
    },
    {
      case: 'a malformed URL',
      args: ['--s3', 'http://bucket/x'],
      code: 2,
      message: /--s3: "http:\/\/bucket\/x" is not an s3:\/\/bucket\/prefix URL/,
    },
    {
      case: '--out with --s3',
      args: ['--s3', 's3://b1/x', '--out', 'data'],
      code: 2,
      message: /give --out or --s3, not both/,
    },
  ])('$case exits $code with a precise message', async ({ args, code, message }) => {
    const result = await runCli(BUILDER_CLI, ['run', ...args, ...WINDOW], server.env);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
  });
});
