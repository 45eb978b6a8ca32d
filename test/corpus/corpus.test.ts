/**
 * The bad-input corpus (cases.ts) through the real builder CLI, each case on its own copy of a
 * lakehouse that already has a build; plus two inputs too big to commit, generated here: a 3 MB
 * header line and a 3 MB data line. Their 1 GB versions run in `npm run test:faults`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../helpers/lakehouse.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { corpusCases } from './cases.ts';
import { buildBaseLake, CORPUS, expectLoaded, expectRefused, lakeState, runCase } from './corpus-lake.ts';

let root: string;
let cleanup: () => Promise<void>;
let base: string;
let baseState: Record<string, string>;
let baseBuild: string;
let counter = 0;

async function freshLake(): Promise<string> {
  const lake = path.join(root, `lake-${++counter}`);
  await fs.cp(base, lake, { recursive: true });
  return lake;
}

beforeAll(async () => {
  ({ dir: root, cleanup } = await makeTempDir('corpus'));
  base = path.join(root, 'base');
  await buildBaseLake(base);
  baseState = await lakeState(base);
  baseBuild = (await readManifest(base)).build_id;
});

afterAll(() => cleanup());

describe('bad-input corpus', () => {
  it('covers every file under test/corpus/files, and only those', async () => {
    const files = (await fs.readdir(CORPUS)).filter((name) => name !== 'movements-for-items.csv').sort();
    expect(corpusCases.map((c) => c.file).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.concurrent.each(corpusCases.map((c) => ({ ...c, name: `${c.file} (${c.what})` })))(
    '$outcome $name',
    async (corpusCase) => {
      const lake = await freshLake();
      const run = await runCase(lake, {
        input: path.join(CORPUS, corpusCase.file),
        mapping: corpusCase.mapping,
        itemMaster: corpusCase.itemMaster,
      });
      if (corpusCase.outcome === 'refuses') await expectRefused(run, corpusCase.message, lake, baseState);
      else await expectLoaded(run, lake, baseBuild, corpusCase);
    },
    120_000,
  );
});

describe('inputs too long to commit', () => {
  const header = 'Nº Documento;Data Movimento;Código Material;Quantidade;Centro/Site';
  it.concurrent.each([
    {
      name: 'a 3 MB first line is not a header',
      content: () => 'x'.repeat(3_000_000),
      message: /^builder: cannot read long-header\.csv as CSV: line 1 is longer than 1048576 bytes/,
      file: 'long-header.csv',
    },
    {
      name: 'a 3 MB data line is refused with its line number',
      content: () =>
        `${header}\nLNG-1;01/04/2025;BAT-100AH;1;BA-1\nLNG-2;01/04/2025;BAT-100AH;1;${'x'.repeat(3_000_000)}\n`,
      message: /^builder: cannot read long-line\.csv as CSV: line 3 is longer than 2097152 bytes/,
      file: 'long-line.csv',
    },
  ])(
    '$name',
    async ({ content, message, file }) => {
      const input = path.join(root, file);
      await fs.writeFile(input, content());
      const lake = await freshLake();
      await expectRefused(await runCase(lake, { input }), message, lake, baseState);
    },
    120_000,
  );
});
