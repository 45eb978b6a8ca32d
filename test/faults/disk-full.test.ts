/**
 * A disk that fills up during a run, and an S3 endpoint that goes away mid-upload: each a clear
 * one-line error and a non-zero exit, the previous build still whole for readers, and a retry
 * (disk freed, endpoint back) that publishes.
 *
 * The small disk is a tmpfs mounted for the test (root can, here and in CI); where mounting is
 * refused, the child runs under `ulimit -f` with SIGXFSZ ignored, so a write past the limit fails
 * with EFBIG instead of killing the process.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, testS3Client, type S3TestServer } from '#support/s3-server.ts';
import { BUILDER_CLI, runCli } from '#support/run-cli.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { runBuilder } from './kill-points.ts';
import { expectReaderSeesWholeBuild } from './reader-check.ts';

const WINDOW = ['--items', '40', '--from', '2024-07-01', '--to', '2025-06-30'];
const noStack = /\n\s+at /;

let temp: Awaited<ReturnType<typeof makeTempDir>>;

beforeAll(async () => {
  temp = await makeTempDir('faults-disk');
});

afterAll(() => temp?.cleanup());

function tryMountTmpfs(dir: string, bytes: number): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('disk full', () => {
  it('a run that fills the disk fails with one line, the previous build stays whole, a retry publishes', async () => {
    const disk = path.join(temp.dir, 'disk');
    await fs.mkdir(disk);
    const mounted = tryMountTmpfs(disk, 16 * 1024 * 1024);
    try {
      const lake = path.join(disk, 'lake');
      const read = (relative: string) => fs.readFile(path.join(lake, relative));
      const first = await runCli(BUILDER_CLI, ['run', '--out', lake, ...WINDOW, '--seed', '1']);
      expect(first.code, first.stderr).toBe(0);
      const before = await expectReaderSeesWholeBuild(read, temp.dir);

      let run;
      const filler = path.join(disk, 'filler');
      if (mounted) {
        // Leave 48 KiB: less than one mock export, so the next run runs out part way.
        const { bavail, bsize } = await fs.statfs(disk);
        await fs.writeFile(filler, Buffer.alloc(Math.max(0, bavail * bsize - 48 * 1024)));
        run = await runCli(BUILDER_CLI, ['run', '--out', lake, ...WINDOW, '--seed', '2']);
      } else {
        const node = [process.execPath, '--import', 'tsx', BUILDER_CLI, 'run', '--out', lake, ...WINDOW];
        const command = `trap '' XFSZ; ulimit -f 64; exec ${node.map((a) => `'${a}'`).join(' ')} --seed 2`;
        const child = spawnSync('bash', ['-c', command], { encoding: 'utf8' });
        run = { code: child.status, stderr: child.stderr, stdout: child.stdout };
      }
      expect(run.code, run.stderr).toBe(4);
      expect(run.stderr.split('\n')[0]).toMatch(
        /^builder: .*(no space left on device|ENOSPC|EFBIG|File too large)/i,
      );
      expect(run.stderr).not.toMatch(noStack);
      const after = await expectReaderSeesWholeBuild(read, temp.dir);
      expect(after.build_id).toBe(before.build_id);

      await fs.rm(filler, { force: true });
      const retry = await runCli(BUILDER_CLI, ['run', '--out', lake, ...WINDOW, '--seed', '2']);
      expect(retry.code, retry.stderr).toBe(0);
      const published = await expectReaderSeesWholeBuild(read, temp.dir);
      expect(published.build_id).not.toBe(before.build_id);
      console.log(
        `[faults] disk full (${mounted ? 'tmpfs 16 MiB' : 'ulimit -f'}): ${run.stderr.split('\n')[0]}`,
      );
    } finally {
      if (mounted) execFileSync('umount', [disk]);
    }
  }, 300_000);
});

describe('S3 endpoint gone mid-upload', () => {
  let server: S3TestServer;

  afterAll(() => server?.stop());

  it('the run fails with one line naming the endpoint; the previous build is whole once it is back; a retry publishes', async () => {
    const dataDir = path.join(temp.dir, 's3-data');
    await fs.mkdir(dataDir);
    server = await startS3Server({ dataDir });
    const { port, accessKeyId, secretAccessKey, bucket } = server;
    const location = `s3://${bucket}/away`;
    const read = async (relative: string) => {
      const response = await fetch(server.url(`away/${relative}`));
      if (!response.ok) throw new Error(`${relative}: HTTP ${response.status}`);
      return Buffer.from(await response.arrayBuffer());
    };
    const first = await runCli(BUILDER_CLI, ['run', '--s3', location, ...WINDOW, '--seed', '1'], server.env);
    expect(first.code, first.stderr).toBe(0);
    const before = await expectReaderSeesWholeBuild(read, temp.dir);
    const env = server.env;

    // Stop the server once the run's first upload has landed (a bronze object it did not have).
    const client = testS3Client(server);
    const count = async () =>
      (await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'away/bronze/' }))).KeyCount ?? 0;
    const bronzeBefore = await count();
    const running = runBuilder(['run', '--s3', location, ...WINDOW, '--seed', '2'], env);
    for (let i = 0; i < 600 && (await count()) === bronzeBefore; i++)
      await new Promise((r) => setTimeout(r, 25));
    client.destroy();
    await server.kill();
    const run = await running;
    expect(run.code, run.output).toBe(4);
    const line = run.output.split('\n').find((l) => l.startsWith('builder: '));
    expect(line).toMatch(
      new RegExp(
        `^builder: s3: .*(cannot reach the S3 endpoint|closed the connection).*127\\.0\\.0\\.1:${port}`,
      ),
    );
    expect(run.output).not.toMatch(noStack);
    expect(run.output).not.toContain(secretAccessKey);

    server = await startS3Server({ dataDir, port, accessKeyId, secretAccessKey, bucket });
    const whileBack = await expectReaderSeesWholeBuild(read, temp.dir);
    expect(whileBack.build_id).toBe(before.build_id);
    // The dead run's lock lease: what its running out looks like.
    const lock = await fetch(server.url('away/.builder.lock'));
    if (lock.ok) {
      const body = (await lock.json()) as Record<string, unknown>;
      const again = testS3Client(server);
      await again.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: 'away/.builder.lock',
          Body: JSON.stringify({ ...body, expires_at: new Date(Date.now() - 1000).toISOString() }),
        }),
      );
      again.destroy();
    }
    const retry = await runCli(BUILDER_CLI, ['run', '--s3', location, ...WINDOW, '--seed', '2'], server.env);
    expect(retry.code, retry.stderr).toBe(0);
    const published = await expectReaderSeesWholeBuild(read, temp.dir);
    expect(published.build_id).not.toBe(before.build_id);
    console.log(`[faults] S3 endpoint gone mid-upload: ${line}`);
  }, 300_000);
});
