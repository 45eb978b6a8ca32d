/**
 * A lakehouse whose silver has something to show: a mock snapshot with a high fault rate, then an
 * ERP export (the repo's sample plus a line dated in the future and one without id), so every
 * rejection rule fires and gold holds two batches from two sources. Built by the real builder CLI;
 * with `forecasts`, the real forecast CLI fills fact_forecasts and fact_metrics too.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Manifest } from '#schema/manifest.ts';
import { BUILDER_CLI, FORECAST_CLI, QUICK_FORECAST_ARGS, runCli } from '#support/run-cli.ts';
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

async function run(script: string, args: string[]): Promise<void> {
  const cli = await runCli(script, args);
  if (cli.code !== 0) throw new Error(`${script} ${args[0] ?? ''} failed (${cli.code}): ${cli.stderr}`);
}
const builder = (args: string[]) => run(BUILDER_CLI, args);

export async function buildQualityLakehouse(
  dataDir: string,
  workDir: string,
  options: { forecasts?: boolean } = {},
): Promise<Manifest> {
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
  if (options.forecasts) await run(FORECAST_CLI, ['--out', dataDir, ...QUICK_FORECAST_ARGS]);
  return readManifest(dataDir);
}
