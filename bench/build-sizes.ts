/**
 * Builds one mock lakehouse per size, one after the other (each build uses both cores), each in a
 * child process running build-once.ts so its time and peak RSS are its own.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runCli } from '#support/run-cli.ts';
import { itemsFor, type BenchConfig } from './bench-config.ts';
import { isBuildMeasurement, type BuildMeasurement } from './build-measurement.ts';

const BUILD_ONCE = 'bench/build-once.ts';
/** Where `--built DIR` finds the build's measurement: build-once's JSON line, saved by hand. */
export const BUILD_MEASUREMENT_FILE = 'build-measurement.json';

export interface BuiltLakehouse extends BuildMeasurement {
  targetRows: number;
  /** The folder holding gold/, kept for the browser and native measurements. */
  dataDir: string;
}

/** The lakehouse build-once.ts built into `dataDir`, its measurement saved beside gold/. */
export async function builtLakehouse(dataDir: string, targetRows: number): Promise<BuiltLakehouse> {
  const file = path.join(dataDir, BUILD_MEASUREMENT_FILE);
  const measurement: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!isBuildMeasurement(measurement)) throw new Error(`${file} is not a build-once measurement`);
  return { ...measurement, targetRows, dataDir };
}

export async function buildSizes(
  config: BenchConfig,
  workDir: string,
  log: (line: string) => void,
): Promise<BuiltLakehouse[]> {
  const built: BuiltLakehouse[] = [];
  for (const targetRows of config.targetRows) {
    const items = itemsFor(targetRows);
    const dataDir = path.join(workDir, `lakehouse-${targetRows}`);
    log(`building ~${targetRows.toLocaleString('en-US')} fact rows (${items} items × 3 years)…`);
    const run = await runCli(BUILD_ONCE, [
      ...['--items', String(items), '--seed', String(config.seed), '--out', dataDir],
      ...['--from', config.window.from, '--to', config.window.to],
    ]);
    if (run.code !== 0) throw new Error(`build of ${items} items failed (exit ${run.code}): ${run.stderr}`);
    const lastLine = run.stdout.trim().split('\n').at(-1);
    const measurement: unknown = lastLine ? JSON.parse(lastLine) : undefined;
    if (!isBuildMeasurement(measurement)) throw new Error(`build-once printed no measurement: ${run.stdout}`);
    log(`  ${measurement.factRows.toLocaleString('en-US')} rows in ${measurement.seconds.toFixed(1)} s`);
    built.push({ ...measurement, targetRows, dataDir });
  }
  return built;
}
