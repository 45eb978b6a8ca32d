import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLineLengths, MAX_LINE_BYTES } from '../../../../builder/src/steps/bronze/check-line-lengths.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => (temp = await makeTempDir('nova-line-lengths')));
afterAll(async () => temp.cleanup());

const line = (bytes: number) => 'x'.repeat(bytes);

describe('checkLineLengths', () => {
  // The scanner reads 1 MiB chunks, so lines that straddle chunks are among the cases.
  it.each([
    { name: 'short lines', text: 'a;b\n1;2\n3;4\n', refusedLine: undefined },
    {
      name: 'a line of exactly the limit, no final newline',
      text: `h\n${line(MAX_LINE_BYTES)}`,
      refusedLine: undefined,
    },
    {
      name: 'a line of exactly the limit, across chunks',
      text: `h\n${line(MAX_LINE_BYTES)}\nok\n`,
      refusedLine: undefined,
    },
    {
      name: 'one byte over the limit in the middle',
      text: `h\nok\n${line(MAX_LINE_BYTES + 1)}\nok\n`,
      refusedLine: 3,
    },
    { name: 'a huge last line', text: `h\n${line(3 * MAX_LINE_BYTES)}`, refusedLine: 2 },
    { name: 'a huge first line', text: line(MAX_LINE_BYTES + 10), refusedLine: 1 },
  ])('$name', async ({ text, refusedLine }) => {
    const file = path.join(temp.dir, 'input.csv');
    await fs.writeFile(file, text);
    const check = checkLineLengths(file, 'input.csv');
    if (refusedLine === undefined) await expect(check).resolves.toBeUndefined();
    else {
      await expect(check).rejects.toMatchObject({
        message: `cannot read input.csv as CSV: line ${refusedLine} is longer than ${MAX_LINE_BYTES} bytes`,
        exitCode: 3,
      });
    }
  });
});
