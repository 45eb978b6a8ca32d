/**
 * One mock → gold build in a process of its own, so the peak RSS it reports is that build's alone
 * (DuckDB's native memory included). Started by build-sizes.ts; prints one JSON line on stdout.
 *
 *   node --import tsx bench/build-once.ts --items N --from YYYY-MM-DD --to YYYY-MM-DD --seed N --out DIR
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createProgress, runPipeline } from '#builder';
import { manifestFiles } from '#schema/manifest.ts';
import type { BuildMeasurement } from './build-measurement.ts';
import { BUILD_MEASUREMENT_FILE } from './build-sizes.ts';

const { values } = parseArgs({
  options: {
    items: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
  },
  strict: true,
});
const { items, from, to, seed, out } = values;
if (!items || !from || !to || !seed || !out)
  throw new Error('build-once needs --items --from --to --seed --out');

// stdout carries only the JSON result; step lines go to stderr with the process's RSS at the end
// of each step, so a slow or heavy build shows where its time and memory went.
// The CPU seconds since the previous line tell a step that runs on every core from one that runs on
// one (cpu ≈ 2 × wall on two cores, or ≈ wall).
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
let cpuBefore = process.cpuUsage();
const progress = createProgress((line) => {
  const cpu = process.cpuUsage(cpuBefore);
  cpuBefore = process.cpuUsage();
  const cpuSeconds = ((cpu.user + cpu.system) / 1e6).toFixed(2);
  process.stderr.write(`${line} · cpu ${cpuSeconds} s · rss ${mib(process.memoryUsage.rss())}\n`);
});
const started = performance.now();
const result = await runPipeline({
  source: { kind: 'mock', items: Number(items), from, to, seed: Number(seed), faultRate: 0.005 },
  build: true,
  location: { kind: 'folder', dir: out },
  keepBuilds: 1,
  force: true,
  progress,
});
const seconds = (performance.now() - started) / 1000;
if (result.build?.status !== 'published') throw new Error('the build published nothing');

const fact = result.build.manifest.tables.fact_demand_daily;
const goldFiles = manifestFiles(result.build.manifest);
const measurement: BuildMeasurement = {
  items: Number(items),
  factRows: fact.rows,
  factBytes: fact.bytes,
  seconds,
  // resourceUsage() reports kilobytes on Linux.
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
  steps: progress.records().map((record) => ({ step: record.step, seconds: record.seconds })),
  goldFiles: goldFiles.length,
  goldBytes: goldFiles.reduce((sum, file) => sum + file.bytes, 0),
};
// Also beside gold/, so `npm run bench -- --scale --built DIR` can measure this lakehouse again.
await writeFile(path.join(out, BUILD_MEASUREMENT_FILE), `${JSON.stringify(measurement)}\n`);
process.stdout.write(`${JSON.stringify(measurement)}\n`);
