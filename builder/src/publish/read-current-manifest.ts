/** The manifest readers currently follow, or undefined when gold has never been published here. */
import fs from 'node:fs/promises';
import { isRecord, manifestProblem, SCHEMA_VERSION, type Manifest } from '#schema';
import { CliError, ExitCode } from '../errors.ts';
import type { Layout } from '../layout.ts';

/**
 * The manifest in `text` (read from `where`), or undefined when it is of an older gold schema: a
 * build of an older schema is replaced, not extended, and its files stay until pruned.
 */
export function parseCurrentManifest(text: string, where: string): Manifest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${where} is not valid JSON`, { exitCode: ExitCode.io, cause: error });
  }
  if (isRecord(value) && value.schema_version !== SCHEMA_VERSION) return undefined;
  const problem = manifestProblem(value);
  if (problem !== undefined) {
    throw new CliError(`${where} is not a manifest this builder can extend: ${problem}`, {
      exitCode: ExitCode.io,
      hint: 'move it away to publish a fresh build',
    });
  }
  return value as Manifest;
}

export async function readCurrentManifest(layout: Layout): Promise<Manifest | undefined> {
  const file = layout.manifestFile();
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseCurrentManifest(text, file);
}
