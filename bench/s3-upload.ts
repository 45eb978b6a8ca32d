/**
 * `npm run bench:s3 -- [--mib N]`: streams one large file (default 1 GiB) to the S3 test server on
 * loopback the way the builder publishes a bronze file (multipart, 8 MiB parts, 4 in flight, SHA-256
 * per part), then reads it back and hashes it as gold verification does, sampling the process's RSS
 * every 50 ms. Prints throughput and memory; a measurement, not a test. The server (a separate
 * process) shares the machine's cores and writes every byte to disk, so this is a floor, not S3.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { publishFile } from '../builder/src/publish/s3/publish-file.ts';
import { openBucketStore } from '../builder/src/publish/s3/s3-target.ts';
import { startS3Server } from '#support/s3-server.ts';

const { values } = parseArgs({ options: { mib: { type: 'string', default: '1024' } } });
const MIB = 1024 * 1024;
const size = Number(values.mib) * MIB;
const log = (line: string) => console.error(`bench:s3: ${line}`);

async function writeFile(file: string): Promise<void> {
  // Incompressible content in 1 MiB writes, so the writer's own memory stays small.
  const out = createWriteStream(file);
  const block = randomBytes(MIB);
  for (let written = 0; written < size; written += MIB) {
    block.writeUInt32LE(written / MIB, 0);
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function sampleRss(): { stop: () => { peakMiB: number; baselineMiB: number } } {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return {
    stop() {
      clearInterval(timer);
      return { peakMiB: peak / MIB, baselineMiB: baseline / MIB };
    },
  };
}

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-s3-'));
const server = await startS3Server();
try {
  const file = path.join(dir, 'export.csv');
  log(`writing a ${values.mib} MiB file`);
  await writeFile(file);
  const store = openBucketStore(server.bucket, 'bench', server.env);
  global.gc?.();
  const upload = sampleRss();
  let started = performance.now();
  const published = await publishFile(store, 'bronze/raw_data/big/export.csv', file, { readBack: false });
  const uploadSeconds = (performance.now() - started) / 1000;
  const uploadRss = upload.stop();
  const readBack = sampleRss();
  started = performance.now();
  const sha256 = await store.readBackSha256('bronze/raw_data/big/export.csv');
  const readSeconds = (performance.now() - started) / 1000;
  const readRss = readBack.stop();
  if (sha256 !== published.sha256) throw new Error('read back a different file');
  const result = {
    mib: size / MIB,
    upload: { seconds: uploadSeconds, mibPerSecond: size / MIB / uploadSeconds, rss: uploadRss },
    readBack: { seconds: readSeconds, mibPerSecond: size / MIB / readSeconds, rss: readRss },
    verifiedBy: published.verifiedBy,
    node: process.version,
    cpus: os.cpus().length,
  };
  console.log(JSON.stringify(result, null, 2));
  log(
    `upload ${result.upload.mibPerSecond.toFixed(0)} MiB/s (${uploadSeconds.toFixed(1)} s), RSS ${uploadRss.baselineMiB.toFixed(0)} → peak ${uploadRss.peakMiB.toFixed(0)} MiB; ` +
      `read back ${result.readBack.mibPerSecond.toFixed(0)} MiB/s, RSS peak ${readRss.peakMiB.toFixed(0)} MiB`,
  );
} finally {
  await server.stop();
  await fs.rm(dir, { recursive: true, force: true });
}
