/**
 * 50 SIGKILLs at seeded random points of a publish to a folder, and 50 to a bucket on a real S3
 * server process; after each, a reader following gold/manifest.json gets a whole, self-consistent
 * build (the previous one or the new one), and the next run goes on from there. The seeds, the
 * delays and how many kills landed a new build are printed for the report.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireBucketLock } from '#support/s3-expire-lock.ts';
import { startS3Server, testS3Client, type S3TestServer } from '#support/s3-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { runBuilder, seededRandom } from './kill-points.ts';
import { expectReaderSeesWholeBuild } from './reader-check.ts';

const KILLS = 50;
const WINDOW = ['--items', '20', '--from', '2025-01-01', '--to', '2025-06-30'];

interface Target {
  name: string;
  seed: number;
  args: () => string[];
  env: () => NodeJS.ProcessEnv;
  read: (relativePath: string) => Promise<Buffer>;
  /** What a killed writer leaves that the next run cannot take over by itself at once. */
  afterKill: () => Promise<void>;
}

async function killRepeatedly(target: Target, root: string): Promise<void> {
  // Each target checks files in its own folder: the two run at the same time.
  const scratch = await fs.mkdtemp(path.join(root, `${target.name}-check-`));
  const random = seededRandom(target.seed);
  const first = await runBuilder(['run', ...target.args(), ...WINDOW, '--seed', '1'], target.env());
  expect(first.code, first.output).toBe(0);
  const calibration = await runBuilder(['run', ...target.args(), ...WINDOW, '--seed', '2'], target.env());
  expect(calibration.code, calibration.output).toBe(0);
  const span = calibration.afterAnchorMs ?? 2000;
  let previous = (await expectReaderSeesWholeBuild(target.read, scratch)).build_id;
  let landed = 0;
  const delays: number[] = [];
  for (let kill = 0; kill < KILLS; kill++) {
    const delay = Math.round(random() * span * 1.1);
    delays.push(delay);
    const run = await runBuilder(
      ['run', ...target.args(), ...WINDOW, '--seed', String(100 + kill)],
      target.env(),
      delay,
    );
    if (run.code !== null && run.code !== 0) throw new Error(`run ${kill} failed by itself:\n${run.output}`);
    const seen = await expectReaderSeesWholeBuild(target.read, scratch);
    if (seen.build_id !== previous) landed++;
    previous = seen.build_id;
    await target.afterKill();
  }
  const after = await runBuilder(['run', ...target.args(), ...WINDOW, '--seed', '999'], target.env());
  expect(after.code, after.output).toBe(0);
  const final = await expectReaderSeesWholeBuild(target.read, scratch);
  expect(final.build_id).not.toBe(previous);
  console.log(
    `[faults] ${target.name}: ${KILLS} kills (seed ${target.seed}, span ${Math.round(span)} ms, delays ${Math.min(...delays)}–${Math.max(...delays)} ms): ${landed} landed a new build, ${KILLS - landed} left the previous one; every reader check passed`,
  );
}

describe('SIGKILL during a publish', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let server: S3TestServer;
  let client: S3Client;

  beforeAll(async () => {
    temp = await makeTempDir('faults-kill');
    server = await startS3Server();
    client = testS3Client(server);
  });

  afterAll(async () => {
    client?.destroy();
    await server?.stop();
    await temp?.cleanup();
  });

  it.concurrent(
    'to a folder: 50 seeded kills, a whole build after each',
    async () => {
      const lake = path.join(temp.dir, 'lake');
      await killRepeatedly(
        {
          name: 'folder',
          seed: 20261203,
          args: () => ['--out', lake],
          env: () => ({}),
          read: (relative) => fs.readFile(path.join(lake, relative)),
          afterKill: async () => {},
        },
        temp.dir,
      );
    },
    900_000,
  );

  it.concurrent(
    'to S3: 50 seeded kills, a whole build after each',
    async () => {
      const prefix = 'kills';
      await killRepeatedly(
        {
          name: 's3',
          seed: 31122026,
          args: () => ['--s3', `s3://${server.bucket}/${prefix}`],
          env: () => server.env,
          read: async (relative) => {
            const response = await fetch(server.url(`${prefix}/${relative}`));
            if (!response.ok) throw new Error(`${relative}: HTTP ${response.status}`);
            return Buffer.from(await response.arrayBuffer());
          },
          // A killed writer's lock holds until its lease runs out; what that looks like, at once.
          afterKill: () => expireBucketLock(server, client, prefix),
        },
        path.join(temp.dir),
      );
    },
    900_000,
  );
});
