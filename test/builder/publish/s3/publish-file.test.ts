/**
 * One file up to a real S3-compatible server process (support/s3-server.ts) and proven stored:
 * a file larger than one part goes up as a multipart upload, a small one in one PUT, and both
 * read back byte for byte.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishFile } from '../../../../builder/src/publish/s3/publish-file.ts';
import { partSizeFor, type BucketStore } from '../../../../builder/src/publish/s3/bucket-store.ts';
import { openBucketStore } from '../../../../builder/src/publish/s3/s3-target.ts';
import { startS3Server, type S3TestServer } from '#support/s3-server.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

const MIB = 1024 * 1024;
let server: S3TestServer;
let temp: Awaited<ReturnType<typeof makeTempDir>>;

/** A file of `bytes` whose every MiB differs (numbered), written 1 MiB at a time; returns its SHA-256. */
async function writeNumbered(file: string, bytes: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(file);
  for (let offset = 0, n = 0; offset < bytes; offset += MIB, n++) {
    const block = Buffer.alloc(Math.min(MIB, bytes - offset), n % 251);
    block.writeUInt32LE(n, 0);
    hash.update(block);
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return hash.digest('hex');
}

const storedSha256 = async (key: string) => {
  const response = await fetch(server.url(key));
  expect(response.status).toBe(200);
  return createHash('sha256')
    .update(Buffer.from(await response.arrayBuffer()))
    .digest('hex');
};

/** The store the builder opens, with a record of the S3 commands its client sends. */
function recordingStore(): { store: BucketStore; commands: string[] } {
  const store = openBucketStore(server.bucket, 'lake', server.env);
  const commands: string[] = [];
  store.client.middlewareStack.add(
    (next, context) => (args) => {
      commands.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize' },
  );
  return { store, commands };
}

beforeAll(async () => {
  server = await startS3Server();
  temp = await makeTempDir('publish-file');
});
afterAll(async () => {
  await server?.stop();
  await temp?.cleanup();
});

describe('publishFile', () => {
  it.each([
    {
      what: 'a file over one part, in a multipart upload',
      bytes: 2 * partSizeFor(0) + 12_345,
      sent: [
        'CreateMultipartUploadCommand',
        ...Array(3).fill('UploadPartCommand'),
        'CompleteMultipartUploadCommand',
      ],
    },
    { what: 'a small file, in one PUT', bytes: 5_000, sent: ['PutObjectCommand'] },
  ])('uploads $what and proves it stored', async ({ bytes, sent }) => {
    const file = path.join(temp.dir, `file-${bytes}.bin`);
    const sha256 = await writeNumbered(file, bytes);
    const { store, commands } = recordingStore();
    const key = `bronze/raw_data/big/${bytes}.bin`;

    const published = await publishFile(store, key, file, { readBack: true });

    // The stand-in keeps no checksum, so the proof is the read-back; S3 and MinIO answer by checksum.
    expect(published).toEqual({ bytes, sha256, verifiedBy: 'read back' });
    await expect(storedSha256(`lake/${key}`)).resolves.toBe(sha256);
    const uploads = commands.filter((name) => /Multipart|UploadPart|PutObject/.test(name));
    expect(uploads).toEqual(sent);
  });

  it('reports a failed hash only once the upload beside it has ended, so none is left running', async () => {
    const notAFile = path.join(temp.dir, 'a-folder');
    await mkdir(notAFile);
    const { store } = recordingStore();
    let uploadEnded = false;
    store.upload = async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      uploadEnded = true;
    };
    await expect(publishFile(store, 'gold/a-folder', notAFile, { readBack: true })).rejects.toThrow(/EISDIR/);
    expect(uploadEnded).toBe(true);
  });
});
