/**
 * Writes gold/manifest.json with brotli and gzip siblings (manifest.json.br, .gz), which the static
 * server sends to a browser that accepts them (static-server/src/precompressed.ts). The app fetches
 * the manifest before anything else, and it lists every gold file with its hash: 512 KiB at 100M
 * fact rows (1,547 daily files), about a sixth of that as brotli or gzip. The siblings are replaced first, so
 * each one always describes a build whose files are all in place: the one the plain manifest names
 * or the one about to replace it.
 */
import fs from 'node:fs/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Manifest } from '#schema';
import { writeAtomically } from '../files.ts';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

// Brotli quality 9: on the 30M-row manifest (161 KiB) 25.8 KiB in 0.14 s; 10 and 11 save another
// 4 KiB but take 0.9 s, and three times that at 100M rows.
const BROTLI_QUALITY = 9;

const MANIFEST_SIBLINGS = [
  {
    suffix: '.br',
    compress: (text: Buffer) =>
      brotli(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }),
  },
  { suffix: '.gz', compress: (text: Buffer) => gzip(text, { level: zlib.constants.Z_BEST_COMPRESSION }) },
] as const;

export async function writeManifestFile(file: string, manifest: Manifest): Promise<void> {
  const text = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  for (const { suffix, compress } of MANIFEST_SIBLINGS) {
    const compressed = await compress(text);
    await writeAtomically(`${file}${suffix}`, (temp) => fs.writeFile(temp, compressed));
  }
  await writeAtomically(file, (temp) => fs.writeFile(temp, text));
}
