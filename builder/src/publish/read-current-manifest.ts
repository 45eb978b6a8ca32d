/** The manifest readers currently follow, or undefined when gold has never been published here. */
import fs from 'node:fs/promises';
import { isRecord, manifestProblem, SCHEMA_VERSION, type Manifest } from '#schema';
import { CliError, ExitCode } from '../errors.ts';
import type { Layout } from '../layout.ts';

export async function readCurrentManifest(layout: Layout): Promise<Manifest | undefined> {
  const file = layout.manifestFile();
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not valid JSON`, { exitCode: ExitCode.io, cause: error });
  }
  // A build of an older gold schema is replaced, not extended: its files stay until pruned.
  if (isRecord(value) && value.schema_version !== SCHEMA_VERSION) return undefined;
  const problem = manifestProblem(value);
  if (problem !== undefined) {
    throw new CliError(`${file} is not a manifest this builder can extend: ${problem}`, {
      exitCode: ExitCode.io,
      hint: 'move it away to publish a fresh build',
    });
  }
  return value as Manifest;
}
