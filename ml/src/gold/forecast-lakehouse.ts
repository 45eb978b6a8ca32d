/**
 * `npm run forecast` on a lakehouse: read the current gold (a folder, or a bucket through the
 * builder's working copy), fit, and publish a NEW build through the builder's atomic publish with
 * the same dimensions and fact files and new ML tables, so actuals and forecasts always match.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { goldFileName, goldTableIds, type GoldTableId, type Manifest, type ManifestTable } from '#schema';
import {
  CliError,
  describeGoldTable,
  ExitCode,
  newBuildId,
  openDb,
  readCurrentManifest,
  withConnection,
  withLakehouse,
  type LakehouseLocation,
  type Progress,
} from '#builder';
import { forecastItems } from '../forecast-items.ts';
import { writeMlTables } from '../io/write-ml-tables.ts';
import type { ModelConfig } from '../model-config.ts';
import { defaultSpec } from '../series.ts';
import { readGoldSeries } from './read-gold-series.ts';

export interface LakehouseForecastOptions {
  location: LakehouseLocation;
  config: ModelConfig;
  progress: Progress;
  keepBuilds: number;
  workers?: number;
  now?: () => Date;
}

/** Written by the forecast job: the ML tables and the aggregate derived from them. */
const ML_TABLES: readonly GoldTableId[] = ['fact_forecasts', 'fact_metrics', 'agg_forecast_category'];

export async function forecastLakehouse(options: LakehouseForecastOptions): Promise<Manifest> {
  const now = options.now ?? (() => new Date());
  const { progress } = options;
  return withLakehouse(options.location, progress, async (session) => {
    const { layout } = session;
    const current = await readCurrentManifest(layout);
    if (!current) {
      throw new CliError('no gold build to forecast from', {
        exitCode: ExitCode.invalidInput,
        hint: 'build the lakehouse first: npm run lakehouse -- run',
      });
    }
    const instance = await openDb();
    const buildId = newBuildId(now());
    const staged = layout.resolve('gold', `.tmp-${buildId}`);
    try {
      return await withConnection(instance, async (connection) => {
        const gold = await progress.step('ml: read gold', async () => {
          const result = await readGoldSeries(connection, layout, current);
          return {
            ...result,
            rows: result.series.length,
            detail: `build ${current.build_id}, ${result.period} series`,
          };
        });
        const output = await progress.step('ml: fit, backtest, select', async () => {
          // Gold's grain decides the period: a lakehouse built from a monthly export has only months.
          const config =
            gold.period === options.config.spec.period
              ? options.config
              : { ...options.config, spec: defaultSpec(gold.period) };
          const result = await forecastItems(gold.series, {
            config,
            items: gold.items,
            source: `gold/${current.build_id}`,
            generatedAt: now().toISOString(),
            workers: options.workers,
            log: progress.info,
          });
          return { ...result, rows: result.metrics.length, detail: result.modelVersion };
        });
        await fs.mkdir(staged, { recursive: true });
        const tables = {} as Record<GoldTableId, ManifestTable>;
        for (const table of goldTableIds.filter((id) => !ML_TABLES.includes(id))) {
          const entry = current.tables[table];
          const files = [];
          for (const file of entry.files) {
            const name = path.posix.basename(file.path);
            await fs.copyFile(layout.resolve(file.path), path.join(staged, name));
            files.push({ ...file, path: `gold/${buildId}/${name}` });
          }
          tables[table] = { ...entry, files };
        }
        await progress.step('ml: fact_forecasts, fact_metrics, agg_forecast_category', async () => {
          await writeMlTables(connection, staged, output, path.join(staged, goldFileName('dim_item')));
          for (const table of ML_TABLES) {
            tables[table] = await describeGoldTable(connection, [
              {
                staged: path.join(staged, `${table}.parquet`),
                published: layout.goldRelativePath(buildId, table),
              },
            ]);
          }
          return { rows: output.forecasts.length + output.metrics.length };
        });
        const manifest: Manifest = {
          ...current,
          build_id: buildId,
          generated_at: now().toISOString(),
          tables,
        };
        await progress.step('publish: manifest', async () => {
          const pruned = await session.publishGold(staged, manifest, options.keepBuilds);
          return { detail: `build ${buildId}${pruned.length > 0 ? `, pruned ${pruned.length} old` : ''}` };
        });
        return manifest;
      });
    } finally {
      instance.closeSync();
      await fs.rm(staged, { recursive: true, force: true });
    }
  });
}
