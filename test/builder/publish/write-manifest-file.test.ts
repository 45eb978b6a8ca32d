import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeManifestFile } from '../../../builder/src/publish/write-manifest-file.ts';
import { manifestFixture } from '../../helpers/manifest-fixture.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const decoders = [
  { suffix: '.br', decode: (bytes: Buffer) => zlib.brotliDecompressSync(bytes) },
  { suffix: '.gz', decode: (bytes: Buffer) => zlib.gunzipSync(bytes) },
];

describe('writeManifestFile', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let file: string;

  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir('manifest-file'));
    file = path.join(dir, 'gold', 'manifest.json');
  });

  afterEach(async () => {
    await cleanup();
  });

  it('writes the manifest and brotli and gzip siblings holding the same bytes', async () => {
    const manifest = manifestFixture();
    await writeManifestFile(file, manifest);
    const plain = await fs.readFile(file);
    expect(JSON.parse(plain.toString('utf8'))).toEqual(manifest);
    for (const { suffix, decode } of decoders) {
      const compressed = await fs.readFile(`${file}${suffix}`);
      expect(compressed.length).toBeLessThan(plain.length);
      expect(decode(compressed).equals(plain)).toBe(true);
    }
  });

  it('replaces the siblings of an earlier manifest, so none is left describing an older build', async () => {
    await writeManifestFile(file, { ...manifestFixture(), build_id: '20260101T000000000Z-aaaaaa' });
    await writeManifestFile(file, { ...manifestFixture(), build_id: '20260102T000000000Z-bbbbbb' });
    for (const { suffix, decode } of decoders) {
      const sibling = JSON.parse(decode(await fs.readFile(`${file}${suffix}`)).toString('utf8')) as unknown;
      expect(sibling).toMatchObject({ build_id: '20260102T000000000Z-bbbbbb' });
    }
    expect((await fs.readdir(path.dirname(file))).sort()).toEqual([
      'manifest.json',
      'manifest.json.br',
      'manifest.json.gz',
    ]);
  });
});
