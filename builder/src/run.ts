/**
 * A builder run: ingest a batch and/or build gold, inside one DuckDB instance whose spill folder
 * and scratch files live under the working folder and are removed afterwards. The target (a
 * folder, or a bucket through a local working copy) is opened under its writer lock; the steps
 * only see the working folder's layout and the session's publish calls. No SQL here.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildGold, type BuildOutcome } from './build.ts';
import type { DuckDBInstance } from '@duckdb/node-api';
import { openDb, withConnection } from './db.ts';
import { ingestBatch, type IngestOutcome } from './ingest.ts';
import type { LakehouseLocation } from './publish/location.ts';
import { targetFor } from './publish/open-target.ts';
import type { Progress } from './progress.ts';
import type { SourceSpec } from './sources/source-spec.ts';

export interface RunOptions {
  /** Ingest this source first; without it only gold is (re)built from what was ingested before. */
  source: SourceSpec | undefined;
  /** Build and publish gold after ingesting. */
  build: boolean;
  /** Where the lakehouse lives: a folder, or s3://bucket/prefix. */
  location: LakehouseLocation;
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
  const lakehouse = await targetFor(options.location).open(options.progress);
  const { layout } = lakehouse;
  let scratchDir: string | undefined;
  let instance: DuckDBInstance | undefined;
  try {
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
      if (ingest?.status === 'ingested') await lakehouse.publishLayers(options.progress);
      const build = options.build
        ? await buildGold(connection, {
            layout,
            publish: lakehouse.publishGold,
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
    await lakehouse.close();
  }
}
