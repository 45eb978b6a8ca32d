import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileDigests } from '../../../../builder/src/publish/s3/file-digests.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

const PART = 1000;
const sha = (data: Buffer) => createHash('sha256').update(data);

/** S3's composite checksum, straight from its definition: SHA-256 over the parts' raw digests. */
function composite(data: Buffer): string {
  const parts: Buffer[] = [];
  for (let start = 0; start < data.length; start += PART)
    parts.push(sha(data.subarray(start, start + PART)).digest());
  return `${sha(Buffer.concat(parts)).digest('base64')}-${parts.length}`;
}

describe('fileDigests', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    temp = await makeTempDir('digests');
  });
  afterAll(() => temp.cleanup());

  it.each([
    { bytes: 0, single: true },
    { bytes: 1, single: true },
    { bytes: PART, single: true },
    { bytes: PART + 1, single: false },
    { bytes: 3 * PART, single: false },
    { bytes: 200_000 + 17, single: false },
  ])('$bytes bytes in parts of 1000', async ({ bytes, single }) => {
    const data = Buffer.from(Array.from({ length: bytes }, (_, i) => (i * 7919) % 251));
    const file = path.join(temp.dir, `f${bytes}`);
    await fs.writeFile(file, data);
    // Read in the stream's own chunks (64 KiB), which do not line up with the parts.
    const digests = await fileDigests(file, PART);
    expect(digests.bytes).toBe(bytes);
    expect(digests.sha256).toBe(sha(data).digest('hex'));
    expect(digests.s3Checksum).toBe(single ? sha(data).digest('base64') : composite(data));
  });
});
