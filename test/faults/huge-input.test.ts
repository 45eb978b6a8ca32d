/**
 * The 1 GB single-line inputs of the corpus, generated here (streamed to a temp file, never held
 * in memory): a first line of 1 GB is refused after reading 1 MiB of it, and a header followed by
 * a 1 GB line is refused too. Both leave the lakehouse exactly as it was.
 */
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { buildBaseLake, expectRefused, lakeState, runCase } from '../corpus/corpus-lake.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const GIB = 1024 * 1024 * 1024;
const HEADER = 'Nº Documento;Data Movimento;Código Material;Quantidade;Centro/Site\n';

async function writeLongLine(file: string, prefix: string): Promise<void> {
  const out = createWriteStream(file);
  out.write(prefix);
  const chunk = Buffer.alloc(1024 * 1024, 'x');
  for (let written = 0; written < GIB; written += chunk.length) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end('\n');
  await once(out, 'finish');
}

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let lake: string;
let before: Record<string, string>;

beforeAll(async () => {
  temp = await makeTempDir('faults-huge');
  lake = path.join(temp.dir, 'lake');
  await buildBaseLake(lake);
  before = await lakeState(lake);
});

afterAll(() => temp?.cleanup());

describe('1 GB of one line', () => {
  it.each([
    {
      name: 'as the first line',
      file: 'one-line-1gb.csv',
      prefix: '',
      message: /^builder: cannot read one-line-1gb\.csv as CSV: line 1 is longer than 1048576 bytes/,
    },
    {
      name: 'after the header',
      file: 'long-row-1gb.csv',
      prefix: `${HEADER}BIG-1;01/04/2025;BAT-100AH;1;`,
      message: /^builder: cannot read long-row-1gb\.csv as CSV: line 2 is longer than 2097152 bytes/,
    },
  ])(
    '$name: refused with one line, nothing changed',
    async ({ file, prefix, message }) => {
      const input = path.join(temp.dir, file);
      await writeLongLine(input, prefix);
      const started = performance.now();
      await expectRefused(await runCase(lake, { input }), message, lake, before);
      console.log(`[faults] 1 GB ${file}: refused in ${Math.round(performance.now() - started)} ms`);
      await fs.rm(input);
    },
    300_000,
  );
});
