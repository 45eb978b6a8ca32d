/**
 * `npm run bench:readme`: rewrites the README's performance table from bench/results.json (a full
 * run) and bench/results-scale.json (a `--scale` run, when present). Run it after a bench run whose
 * numbers should be the README's; it never runs by itself.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';
import type { BenchResults } from './bench-results.ts';
import { readmeTable, replaceBetweenMarkers } from './readme-table.ts';

const README = 'README.md';
const FULL_RESULTS = 'bench/results.json';
const SCALE_RESULTS = 'bench/results-scale.json';

async function readResults(file: string): Promise<BenchResults> {
  // Written by run.ts from the BenchResults type; a hand-edited file is the reader's own risk.
  return JSON.parse(await readFile(file, 'utf8')) as BenchResults;
}

const full = await readResults(FULL_RESULTS);
if (full.mode !== 'full')
  throw new Error(`${FULL_RESULTS} is from a ${full.mode} run; the README shows a full one`);
const scale = existsSync(SCALE_RESULTS) ? await readResults(SCALE_RESULTS) : undefined;
const readme = await readFile(README, 'utf8');
const updated = replaceBetweenMarkers(readme, readmeTable(full, scale));
// Formatted as `prettier --check .` wants it (it aligns table columns), so the README stays green.
const options = await resolveConfig(README);
await writeFile(README, await format(updated, { ...options, filepath: README }));
console.error(`bench: README performance table from ${FULL_RESULTS}${scale ? ` and ${SCALE_RESULTS}` : ''}`);
