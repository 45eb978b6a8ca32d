/**
 * A lakehouse whose silver has something to show: a mock snapshot with a high fault rate, then an
 * ERP export (the repo's sample plus a line dated in the future and one without id), so every
 * rejection rule fires and gold holds two batches from two sources. Built by the real builder CLI.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Manifest } from '#schema/manifest.ts';
import { BUILDER_CLI, runCli } from '#support/run-cli.ts';
import { readManifest } from '../../helpers/lakehouse.ts';

const SAMPLES = 'builder/samples/erp-export';
const MOCK = [
  '--items',
  '60',
  '--from',
  '2024-01-01',
  '--to',
  '2024-06-30',
  '--seed',
  '5',
  '--fault-rate',
  '0.03',
];

async function builder(args: string[]): Promise<void> {
  const cli = await runCli(BUILDER_CLI, args);
  if (cli.code !== 0) throw new Error(`builder ${args[0]} failed (${cli.code}): ${cli.stderr}`);
}

export async function buildQualityLakehouse(dataDir: string, workDir: string): Promise<Manifest> {
  await builder(['run', '--source', 'mock', '--out', dataDir, ...MOCK]);
  const sample = await readFile(join(SAMPLES, 'movimentos_2025T1.csv'), 'latin1');
  const extra = 'DOC-990001;15/01/2099;BAT-100AH;1;BA-0001\n;16/01/2025;BAT-100AH;1;BA-0001\n';
  const exportFile = join(workDir, 'movimentos_extra.csv');
  await writeFile(exportFile, sample.endsWith('\n') ? sample + extra : `${sample}\n${extra}`, 'latin1');
  await builder([
    'run',
    '--source',
    'file',
    '--input',
    exportFile,
    '--item-master',
    join(SAMPLES, 'itens.csv'),
    '--mapping',
    join(SAMPLES, 'mapping.json'),
    '--out',
    dataDir,
  ]);
  return readManifest(dataDir);
}
