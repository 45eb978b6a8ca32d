/**
 * `npm run forecast -- --series FILE --period … --out DIR`: forecast any series file and write
 * fact_forecasts.parquet and fact_metrics.parquet to DIR (staged beside them, renamed into place).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { goldFileName } from '#schema';
import { openDb, withConnection, type Progress } from '#builder';
import { forecastItems } from '../forecast-items.ts';
import type { ModelConfig } from '../model-config.ts';
import { readSeriesFile } from './read-series-file.ts';
import { writeMlTables } from './write-ml-tables.ts';

export interface SeriesFileOptions {
  file: string;
  outDir: string;
  config: ModelConfig;
  progress: Progress;
  workers?: number;
  now?: () => Date;
}

export async function forecastSeriesFile(
  options: SeriesFileOptions,
): Promise<{ forecasts: number; metrics: number }> {
  const { progress, config } = options;
  const now = options.now ?? (() => new Date());
  const instance = await openDb();
  await fs.mkdir(options.outDir, { recursive: true });
  const staged = await fs.mkdtemp(path.join(options.outDir, '.tmp-forecast-'));
  try {
    return await withConnection(instance, async (connection) => {
      const series = await progress.step('ml: read series', async () => {
        const result = await readSeriesFile(connection, options.file, config.spec.period);
        return { series: result, rows: result.length, detail: `${config.spec.period} series` };
      });
      const output = await progress.step('ml: fit, backtest, select', async () => {
        const result = await forecastItems(series.series, {
          config,
          source: `file:${path.basename(options.file)}`,
          generatedAt: now().toISOString(),
          workers: options.workers,
          log: progress.info,
        });
        return { ...result, rows: result.metrics.length, detail: result.modelVersion };
      });
      await progress.step('ml: write tables', async () => {
        await writeMlTables(connection, staged, output);
        for (const table of ['fact_forecasts', 'fact_metrics'] as const) {
          await fs.rename(
            path.join(staged, goldFileName(table)),
            path.join(options.outDir, goldFileName(table)),
          );
        }
        return { rows: output.forecasts.length + output.metrics.length, detail: options.outDir };
      });
      return { forecasts: output.forecasts.length, metrics: output.metrics.length };
    });
  } finally {
    instance.closeSync();
    await fs.rm(staged, { recursive: true, force: true });
  }
}
