/**
 * Runs one corpus input through the real builder CLI on its own copy of a lakehouse that already
 * holds a build, and checks the outcome the case table promises: a new build with every row
 * accounted for, or a refusal that leaves the lakehouse exactly as it was.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { sqlString, sqlStringList } from '#schema';
import { BUILDER_CLI, runCli, type CliRun } from '#support/run-cli.ts';
import { openTestConnection } from '../helpers/duckdb.ts';
import { expectManifestIntact, readManifest, tableFiles } from '../helpers/lakehouse.ts';
import { SAMPLE_EXPORT, sampleExportArgs } from '../helpers/sample-export.ts';
import type { CorpusCase, Literal } from './cases.ts';

export const CORPUS = path.join(import.meta.dirname, 'files');

/** The lakehouse every case starts from: the sample export ingested and built. */
export async function buildBaseLake(dir: string): Promise<void> {
  const run = await runCli(BUILDER_CLI, ['run', '--out', dir, ...sampleExportArgs]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
}

/** Every file of the lakehouse with its sha256: what "untouched" is compared on. */
export async function lakeState(dir: string): Promise<Record<string, string>> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const state: Record<string, string> = {};
  for (const entry of entries.filter((e) => e.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    state[path.relative(dir, file)] = createHash('sha256')
      .update(await fs.readFile(file))
      .digest('hex');
  }
  return state;
}

export interface CaseInput {
  /** Path of the movements file (or the item master for item cases). */
  input: string;
  mapping?: string | undefined;
  itemMaster?: boolean | undefined;
}

export function runCase(lake: string, input: CaseInput): Promise<CliRun> {
  const mapping = input.mapping
    ? path.join(import.meta.dirname, 'mappings', input.mapping)
    : SAMPLE_EXPORT.mapping;
  const files = input.itemMaster
    ? ['--input', path.join(CORPUS, 'movements-for-items.csv'), '--item-master', input.input]
    : ['--input', input.input];
  return runCli(BUILDER_CLI, ['run', '--out', lake, '--source', 'file', ...files, '--mapping', mapping]);
}

/** Exit 3, one `builder:` line matching `message` (plus at most a hint), and nothing changed. */
export async function expectRefused(
  run: CliRun,
  message: RegExp,
  lake: string,
  before: Record<string, string>,
): Promise<void> {
  expect(run.code, run.stderr).toBe(3);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(message);
  expect(
    lines.slice(1).every((line) => /^(hint: |\(run with --debug)/.test(line)),
    run.stderr,
  ).toBe(true);
  expect(run.stdout).not.toMatch(/published build/);
  expect(await lakeState(lake)).toEqual(before);
  await expectManifestIntact(lake);
}

async function literalValues(lake: string, literal: Literal, batchId: string): Promise<unknown[]> {
  const db = await openTestConnection();
  try {
    const column = `"${literal.column}"`;
    if (literal.from === 'validated') {
      const file = path.join(lake, 'silver', 'validated', `${batchId}.parquet`);
      const rows = await db.rows<Record<string, unknown>>(
        `SELECT ${column} AS v FROM read_parquet(${sqlString(file)}) ORDER BY _row_number`,
      );
      return rows.map((row) => row.v);
    }
    const manifest = await readManifest(lake);
    const rows = await db.rows<Record<string, unknown>>(
      `SELECT ${column} AS v FROM read_parquet(${sqlStringList(tableFiles(lake, manifest, 'dim_item'))})
       WHERE item_id IN ('XSS-IMG', 'SQL-DROP') ORDER BY item_id`,
    );
    return rows.map((row) => row.v);
  } finally {
    db.close();
  }
}

/** Exit 0, a new intact build, and the batch's rows all accounted for in silver. */
export async function expectLoaded(
  run: CliRun,
  lake: string,
  previousBuild: string,
  expected: Extract<CorpusCase, { outcome: 'loads' }>,
): Promise<void> {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const manifest = await expectManifestIntact(lake);
  expect(manifest.build_id).not.toBe(previousBuild);
  const ledger = JSON.parse(await fs.readFile(path.join(lake, 'silver', 'batches.json'), 'utf8')) as {
    batches: { batch_id: string; lineage: Record<string, unknown> }[];
  };
  const batch = ledger.batches.at(-1);
  if (!batch) throw new Error('no batch in the ledger');
  const rejected = expected.rejected ?? {};
  const rejectedRows = Object.values(rejected).reduce((sum, rows) => sum + rows, 0);
  const duplicates = expected.duplicates ?? 0;
  expect(batch.lineage).toEqual({
    bronze_rows: expected.rows,
    duplicates_dropped: duplicates,
    cleaned_rows: expected.rows - duplicates,
    validated_rows: expected.rows - duplicates - rejectedRows,
    rejected_rows: rejectedRows,
    rejected_by_rule: rejected,
  });
  if (expected.literal) {
    expect(await literalValues(lake, expected.literal, batch.batch_id)).toEqual(expected.literal.values);
  }
}
