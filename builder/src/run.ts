/**
 * The pipeline in order: source → bronze → silver → gold → publish. No SQL here: each step is a
 * named function in steps/ or publish/.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  goldTableIds,
  READER_DUCKDB_WASM_VERSION,
  SCHEMA_VERSION,
  type GoldTableId,
  type Lineage,
  type Manifest,
  type ManifestTable,
} from '../../schema/index.ts';
import { openDb, queryStep, withConnection } from './db.ts';
import { Layout, type BatchRef } from './layout.ts';
import type { Progress } from './progress.ts';
import { newId } from './publish/build-id.ts';
import { describeGoldFile } from './publish/describe-gold-file.ts';
import { publishLocal } from './publish/publish-local.ts';
import { defaultErpMapping } from './sources/erp-mapping.ts';
import { writeMockExport, type MockOptions } from './sources/mock/write-mock-export.ts';
import { ingestCsv } from './steps/bronze/ingest-csv.ts';
import { landRawFile } from './steps/bronze/land-raw-file.ts';
import { buildDimItem } from './steps/gold/build-dim-item.ts';
import { buildDimTime } from './steps/gold/build-dim-time.ts';
import { buildFactDemandDaily } from './steps/gold/build-fact-demand-daily.ts';
import { summarizeGold } from './steps/gold/summarize-gold.ts';
import { writeEmptyTable } from './steps/gold/write-empty-table.ts';
import { checkConservation } from './steps/silver/check-conservation.ts';
import { cleanItems } from './steps/silver/clean-items.ts';
import { cleanMovements } from './steps/silver/clean-movements.ts';
import { validateMovements } from './steps/silver/validate-movements.ts';

export interface MockSource extends MockOptions {
  kind: 'mock';
}
export type SourceSpec = MockSource;

export interface RunOptions {
  source: SourceSpec;
  outDir: string;
  /** Builds kept in gold/ (the current one included). */
  keepBuilds: number;
  progress: Progress;
  now?: () => Date;
}

/** Days of dim_time past the last actual, so forecasts have calendar rows to join. */
const FORECAST_HORIZON_DAYS = 90;

export async function runPipeline(options: RunOptions): Promise<Manifest> {
  const now = options.now ?? (() => new Date());
  const { progress, source } = options;
  const layout = new Layout(options.outDir);
  const startedAt = now();
  const batch: BatchRef = {
    source: source.kind,
    batchId: newId(startedAt),
    ingestDate: startedAt.toISOString().slice(0, 10),
  };
  const buildId = newId(startedAt);
  const mapping = defaultErpMapping;

  await fs.mkdir(layout.goldDir(), { recursive: true });
  const staging = await fs.mkdtemp(path.join(layout.root, '.staging-'));
  const stagedBuild = layout.resolve('gold', `.tmp-${buildId}`);
  const instance = await openDb({ tempDirectory: path.join(staging, 'duckdb-spill') });
  try {
    return await withConnection(instance, async (connection) => {
      const exported = await progress.step('source: mock ERP export', async () => {
        const result = await writeMockExport(connection, staging, source);
        return {
          ...result,
          rows: result.movementRows,
          detail: `${source.items} items, ${source.from} → ${source.to}`,
        };
      });

      const { itemsRaw, movementsRaw } = await progress.step('bronze: land raw files', async () => {
        const itemsFile = await landRawFile(layout, batch, exported.itemsFile);
        const movementsFile = await landRawFile(layout, batch, exported.movementsFile);
        return {
          itemsRaw: itemsFile,
          movementsRaw: movementsFile,
          bytes: itemsFile.bytes + movementsFile.bytes,
        };
      });
      const bronzeItems = layout.ingestedFile(batch, 'items');
      const bronzeMovements = layout.ingestedFile(batch, 'movements');
      const ingestedAt = startedAt.toISOString();
      const common = { delimiter: mapping.delimiter, batchId: batch.batchId, ingestedAt };
      await progress.step('bronze: ingest item master', () =>
        ingestCsv(connection, {
          ...common,
          csvFile: itemsRaw.path,
          sourceFile: itemsRaw.originalName,
          target: bronzeItems,
        }),
      );
      const bronze = await progress.step('bronze: ingest movements', () =>
        ingestCsv(connection, {
          ...common,
          csvFile: movementsRaw.path,
          sourceFile: movementsRaw.originalName,
          target: bronzeMovements,
        }),
      );

      const silverItems = layout.silverFile('items', batch.batchId);
      const cleanedFile = layout.silverFile('cleaned', batch.batchId);
      const validatedFile = layout.silverFile('validated', batch.batchId);
      await progress.step('silver: clean item master', () =>
        cleanItems(connection, bronzeItems, silverItems, mapping),
      );
      const cleaned = await progress.step('silver: clean movements', () =>
        cleanMovements(connection, bronzeMovements, cleanedFile, mapping),
      );
      const validated = await progress.step('silver: validate movements', async () => {
        const result = await validateMovements(
          connection,
          {
            cleaned: cleanedFile,
            items: silverItems,
            validated: validatedFile,
            rejected: layout.silverFile('rejected', batch.batchId),
          },
          batch.ingestDate,
        );
        return { ...result, rows: result.validatedRows, detail: `${result.rejectedRows} rejected` };
      });
      const lineage: Lineage = {
        bronze_rows: bronze.rows,
        duplicates_dropped: bronze.rows - cleaned.rows,
        cleaned_rows: cleaned.rows,
        validated_rows: validated.validatedRows,
        rejected_rows: validated.rejectedRows,
        rejected_by_rule: validated.rejectedByRule,
      };
      checkConservation(lineage);

      await fs.mkdir(stagedBuild, { recursive: true });
      const staged = (table: GoldTableId) => path.join(stagedBuild, `${table}.parquet`);
      const window = { from: source.from, to: source.to };
      await progress.step('gold: fact_demand_daily', () =>
        buildFactDemandDaily(
          connection,
          { items: silverItems, validated: [validatedFile], target: staged('fact_demand_daily') },
          window,
        ),
      );
      await progress.step('gold: dim_item', () =>
        buildDimItem(connection, {
          items: silverItems,
          fact: staged('fact_demand_daily'),
          target: staged('dim_item'),
        }),
      );
      const horizonEnd = new Date(`${source.to}T00:00:00Z`);
      horizonEnd.setUTCDate(horizonEnd.getUTCDate() + FORECAST_HORIZON_DAYS);
      await progress.step('gold: dim_time', () =>
        buildDimTime(connection, staged('dim_time'), {
          from: source.from,
          to: horizonEnd.toISOString().slice(0, 10),
        }),
      );
      await progress.step('gold: fact_forecasts, fact_metrics (empty until forecast runs)', async () => {
        await writeEmptyTable(connection, 'fact_forecasts', staged('fact_forecasts'));
        return writeEmptyTable(connection, 'fact_metrics', staged('fact_metrics'));
      });

      return progress
        .step('publish: manifest', async () => {
          const tables = {} as Record<GoldTableId, ManifestTable>;
          for (const table of goldTableIds) {
            tables[table] = await describeGoldFile(
              connection,
              staged(table),
              layout.goldRelativePath(buildId, table),
            );
          }
          const [engine] = await queryStep<{ version: string }>(
            connection,
            'publish',
            'SELECT version() AS version',
          );
          const manifest: Manifest = {
            schema_version: SCHEMA_VERSION,
            build_id: buildId,
            generated_at: now().toISOString(),
            source: source.kind,
            engine: {
              builder_duckdb: engine?.version ?? 'unknown',
              reader_duckdb_wasm: READER_DUCKDB_WASM_VERSION,
            },
            tables,
            lineage,
            summary: await summarizeGold(connection, {
              fact: staged('fact_demand_daily'),
              items: staged('dim_item'),
            }),
          };
          const published = await publishLocal(layout, stagedBuild, manifest, options.keepBuilds);
          const bytes = goldTableIds.reduce((sum, table) => sum + tables[table].bytes, 0);
          return {
            manifest,
            bytes,
            detail: `build ${buildId}${published.pruned.length ? `, pruned ${published.pruned.length}` : ''}`,
          };
        })
        .then((result) => result.manifest);
    });
  } finally {
    instance.closeSync();
    await fs.rm(staging, { recursive: true, force: true });
    await fs.rm(stagedBuild, { recursive: true, force: true });
  }
}
