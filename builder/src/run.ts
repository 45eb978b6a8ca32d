/**
 * A builder run: ingest a batch and/or build gold, inside one DuckDB instance whose spill folder
 * and scratch files live under the output root and are removed afterwards. No SQL here.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildGold, type BuildOutcome } from './build.ts';
import type { DuckDBInstance } from '@duckdb/node-api';
import { openDb, withConnection } from './db.ts';
import { ingestBatch, type IngestOutcome } from './ingest.ts';
import { removeLeftovers } from './publish/remove-leftovers.ts';
import { lockLakehouse } from './lakehouse-lock.ts';
import { Layout } from './layout.ts';
import type { Progress } from './progress.ts';
import type { SourceSpec } from './sources/source-spec.ts';

export interface RunOptions {
  /** Ingest this source first; without it only gold is (re)built from what was ingested before. */
  source: SourceSpec | undefined;
  /** Build and publish gold after ingesting. */
  build: boolean;
  outDir: string;
  /** Builds kept in gold/ (the current one included). */
  keepBuilds: number;
  /** Ingest identical content again and rebuild an up-to-date gold. */
  force: boolean;
  progress: Progress;
  now?: () => Date;
}

export interface RunResult {
  ingest: IngestOutcome | undefined;
  build: BuildOutcome | undefined;
}

export async function runPipeline(options: RunOptions): Promise<RunResult> {
  const now = options.now ?? (() => new Date());
  const layout = new Layout(options.outDir);
  await fs.mkdir(layout.goldDir(), { recursive: true });
  const unlock = await lockLakehouse(layout);
  let scratchDir: string | undefined;
  let instance: DuckDBInstance | undefined;
  try {
    await removeLeftovers(layout);
    scratchDir = await fs.mkdtemp(path.join(layout.root, '.scratch-'));
    instance = await openDb({ tempDirectory: path.join(scratchDir, 'duckdb-spill') });
    const scratch = scratchDir;
    return await withConnection(instance, async (connection) => {
      const ingest = options.source
        ? await ingestBatch(connection, {
            source: options.source,
            layout,
            progress: options.progress,
            force: options.force,
            startedAt: now(),
            scratchDir: scratch,
          })
        : undefined;
      if (ingest?.status === 'skipped') {
        options.progress.info(
          `= source: identical to batch ${ingest.identicalTo.batch_id} (ingested ${ingest.identicalTo.ingested_at}); skipped`,
        );
      }
      const build = options.build
        ? await buildGold(connection, {
            layout,
            progress: options.progress,
            keepBuilds: options.keepBuilds,
            force: options.force,
            now,
          })
        : undefined;
      if (build?.status === 'up-to-date')
        options.progress.info(`= gold: build ${build.manifest.build_id} is up to date`);
      return { ingest, build };
    });
  } finally {
    instance?.closeSync();
    if (scratchDir) await fs.rm(scratchDir, { recursive: true, force: true });
    await unlock();
  }
}
