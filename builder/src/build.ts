/**
 * Gold from silver: the star schema over every active batch in the ledger, staged under
 * gold/.tmp-<build_id>/ and published atomically with its manifest. No SQL here.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  demandTableOfGrain,
  goldTableIds,
  isDemandTableId,
  READER_DUCKDB_WASM_VERSION,
  SCHEMA_VERSION,
  type GoldTableId,
  type Lineage,
  type Manifest,
  type ManifestTable,
} from '#schema';
import { batchGrain } from './catalog/batch-grain.ts';
import { activeBatches, readLedger, type BatchRecord } from './catalog/batch-ledger.ts';
import { grainWindow } from './calendar/grain-window.ts';
import { addDays } from './calendar/dates.ts';
import { duckdbVersion } from './db.ts';
import { CliError, ExitCode } from './errors.ts';
import type { Layout } from './layout.ts';
import type { Progress } from './progress.ts';
import { newId } from './publish/build-id.ts';
import { describeGoldTable } from './publish/describe-gold-table.ts';
import type { LakehouseSession } from './publish/lakehouse-target.ts';
import { readCurrentManifest } from './publish/read-current-manifest.ts';
import { buildDemandTables } from './build-demand.ts';
import { buildDimItem } from './steps/gold/build-dim-item.ts';
import { buildDimTime } from './steps/gold/build-dim-time.ts';
import { carryOverTable } from './steps/gold/carry-over-table.ts';
import { fillLeadTimeDemand } from './steps/gold/fill-lead-time-demand.ts';
import { buildAggForecastCategory } from './steps/gold/build-agg-forecast-category.ts';
import { checkForecastDerivations } from './steps/gold/check-forecast-derivations.ts';
import { summarizeGold } from './steps/gold/summarize-gold.ts';

export interface BuildOptions {
  layout: Layout;
  /** Publishes the staged build to the lakehouse's target (a folder or a bucket). */
  publish: LakehouseSession['publishGold'];
  progress: Progress;
  keepBuilds: number;
  /** Build even when the current gold was made from exactly the active batches. */
  force: boolean;
  now: () => Date;
}

export type BuildOutcome =
  { status: 'published'; manifest: Manifest } | { status: 'up-to-date'; manifest: Manifest };

/** Days of dim_time past the last actual, so forecasts have calendar rows to join. */
const FORECAST_HORIZON_DAYS = 90;

function sumLineage(batches: readonly BatchRecord[]): Lineage {
  const total: Lineage = {
    bronze_rows: 0,
    duplicates_dropped: 0,
    cleaned_rows: 0,
    validated_rows: 0,
    rejected_rows: 0,
    rejected_by_rule: {},
  };
  for (const { lineage } of batches) {
    total.bronze_rows += lineage.bronze_rows;
    total.duplicates_dropped += lineage.duplicates_dropped;
    total.cleaned_rows += lineage.cleaned_rows;
    total.validated_rows += lineage.validated_rows;
    total.rejected_rows += lineage.rejected_rows;
    for (const [rule, rows] of Object.entries(lineage.rejected_by_rule)) {
      total.rejected_by_rule[rule] = (total.rejected_by_rule[rule] ?? 0) + rows;
    }
  }
  return total;
}

function sameBatches(manifest: Manifest | undefined, batches: readonly BatchRecord[]): manifest is Manifest {
  return (
    manifest !== undefined && manifest.batches.join(',') === batches.map((batch) => batch.batch_id).join(',')
  );
}

export async function buildGold(connection: DuckDBConnection, options: BuildOptions): Promise<BuildOutcome> {
  const { layout, progress } = options;
  const batches = activeBatches(await readLedger(layout)).filter((batch) => batch.dates.from !== '');
  if (batches.length === 0) {
    throw new CliError('nothing to build: no batch with valid movements has been ingested', {
      exitCode: ExitCode.invalidInput,
      hint: 'run "npm run lakehouse -- ingest" first',
    });
  }
  const current = await readCurrentManifest(layout);
  if (!options.force && sameBatches(current, batches)) return { status: 'up-to-date', manifest: current };

  const buildId = newId(options.now());
  const stagedBuild = layout.resolve('gold', `.tmp-${buildId}`);
  const staged = (table: GoldTableId) => path.join(stagedBuild, `${table}.parquet`);
  await fs.mkdir(stagedBuild, { recursive: true });
  try {
    const items = batches
      .filter((batch) => batch.files.some((file) => file.role === 'items'))
      .map((batch) => layout.silverFile('items', batch.batch_id));
    const validated = batches.map((batch) => layout.silverFile('validated', batch.batch_id));
    const from = batches.map((batch) => batch.dates.from).sort()[0] ?? '';
    const to =
      batches
        .map((batch) => batch.dates.to)
        .sort()
        .at(-1) ?? '';
    const grain = batchGrain(batches);
    const window = grainWindow(grain, { from, to });
    const demand = await buildDemandTables(
      connection,
      progress,
      {
        items,
        validated,
        stagedBuild,
        workDir: `${stagedBuild}-work`,
        published: (name) => `gold/${buildId}/${name}`,
      },
      { grain, window },
    );
    const finest = demand.files[demandTableOfGrain[grain]].map((file) => file.staged);
    await progress.step('gold: dim_item', () =>
      buildDimItem(connection, { items, facts: finest, target: staged('dim_item') }),
    );
    await progress.step('gold: dim_time', () =>
      buildDimTime(connection, staged('dim_time'), {
        from: window.from,
        to: addDays(window.to, FORECAST_HORIZON_DAYS),
      }),
    );
    await progress.step('gold: fact_forecasts, fact_metrics, agg_forecast_category', async () => {
      const dimItem = staged('dim_item');
      const forecasts = await carryOverTable(connection, layout, current, 'fact_forecasts', {
        dimItem,
        target: staged('fact_forecasts'),
      });
      const metrics = await carryOverTable(connection, layout, current, 'fact_metrics', {
        dimItem,
        target: staged('fact_metrics'),
      });
      // Lead times, categories and costs come from the new dim_item: what is derived follows them.
      const forecastFiles = { forecasts: staged('fact_forecasts'), metrics: staged('fact_metrics'), dimItem };
      if (metrics.rows > 0) await fillLeadTimeDemand(connection, forecastFiles);
      const aggregate = staged('agg_forecast_category');
      await buildAggForecastCategory(connection, { ...forecastFiles, target: aggregate });
      await checkForecastDerivations(connection, { ...forecastFiles, aggregate });
      return {
        rows: forecasts.rows + metrics.rows,
        detail: forecasts.rows > 0 ? 'kept from the last forecast' : 'empty until forecast runs',
      };
    });

    const manifest = await progress.step('publish: manifest', async () => {
      const tables = {} as Record<GoldTableId, ManifestTable>;
      for (const table of goldTableIds) {
        tables[table] = await describeGoldTable(
          connection,
          isDemandTableId(table)
            ? demand.files[table]
            : [{ staged: staged(table), published: layout.goldRelativePath(buildId, table) }],
        );
      }
      const builderDuckdb = await duckdbVersion(connection);
      const result: Manifest = {
        schema_version: SCHEMA_VERSION,
        build_id: buildId,
        generated_at: options.now().toISOString(),
        source: [...new Set(batches.map((batch) => batch.source))].join('+'),
        engine: {
          builder_duckdb: builderDuckdb,
          reader_duckdb_wasm: READER_DUCKDB_WASM_VERSION,
        },
        tables,
        batches: batches.map((batch) => batch.batch_id),
        lineage: sumLineage(batches),
        grains: demand.grains,
        demand_totals: demand.totals,
        summary: await summarizeGold(
          connection,
          {
            categoryDaily: staged('agg_category_daily'),
            monthly: staged('fact_demand_monthly'),
            items: staged('dim_item'),
          },
          grain === 'day' ? undefined : { period: grain, facts: finest },
        ),
      };
      const prunedBuilds = await options.publish(stagedBuild, result, options.keepBuilds);
      const bytes = goldTableIds.reduce((sum, table) => sum + tables[table].bytes, 0);
      const pruned = prunedBuilds.length > 0 ? `, pruned ${prunedBuilds.length} old` : '';
      return { manifest: result, bytes, detail: `build ${buildId}${pruned}` };
    });
    return { status: 'published', manifest: manifest.manifest };
  } finally {
    await fs.rm(stagedBuild, { recursive: true, force: true });
    await fs.rm(`${stagedBuild}-work`, { recursive: true, force: true });
  }
}
