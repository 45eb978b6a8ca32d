/**
 * Writes bench/results.json formatted the way the repo's `prettier --check .` expects, so a run
 * never leaves `npm test` failing on a file it generated.
 */
import { writeFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';
import type { BenchResults } from './bench-results.ts';

export async function writeResults(file: string, results: BenchResults): Promise<void> {
  const options = await resolveConfig(file);
  await writeFile(file, await format(JSON.stringify(results), { ...options, filepath: file }));
}
