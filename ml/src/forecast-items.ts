/**
 * The forecasting core end to end, with no knowledge of where series come from: fit every series
 * with every candidate in worker threads, score and select per item, and return the rows of both
 * ML tables sorted by item_key.
 */
import type { ModelName } from '#schema';
import { classifyDemand } from '#schema';
import type { SeriesFit } from './fit-series.ts';
import { fitLstmAll } from './fit-lstm-all.ts';
import { itemRows, type ForecastRow, type ItemMeta, type MetricsRow, type RunMeta } from './item-result.ts';
import { modelVersion, type ModelConfig } from './model-config.ts';
import { fitInWorkers } from './pool/worker-pool.ts';
import type { Series } from './series.ts';

export interface ForecastOptions {
  config: ModelConfig;
  /** Attributes per item id; items missing here get their rank, their own demand class, no lead time. */
  items?: ReadonlyMap<string, ItemMeta>;
  source: string;
  generatedAt: string;
  workers?: number;
  log: (line: string) => void;
}

export interface ForecastOutput {
  forecasts: ForecastRow[];
  metrics: MetricsRow[];
  fits: SeriesFit[];
  modelVersion: string;
  /** Seconds per model family, summed over workers (the LSTM's: its wall time). */
  fitSeconds: Partial<Record<ModelName, number>>;
  /** CPU seconds the LSTM took (the workers are done by then, so the process's CPU is its own). */
  lstmCpuSeconds: number | undefined;
}

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** Library errors span lines and repeat their cause; a log line needs its gist. */
function oneLine(message: string): string {
  const flat = message.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}

/**
 * A model that cannot fit a series is left out of that item's selection; say how often that
 * happened per model, with one example, so a model that fails widely is seen rather than silently
 * never chosen.
 */
export function logFailures(fits: readonly SeriesFit[], total: number, log: (line: string) => void): void {
  const byModel = new Map<ModelName, { count: number; example: string }>();
  for (const fit of fits) {
    for (const { model, message } of fit.failures) {
      const seen = byModel.get(model);
      if (seen) seen.count += 1;
      else byModel.set(model, { count: 1, example: `${fit.itemId}: ${oneLine(message)}` });
    }
  }
  for (const [model, { count, example }] of byModel) {
    log(
      `ml: ${model} could not fit ${count} of ${total} series and was left out of their selection (${example})`,
    );
  }
}

export async function forecastItems(
  series: readonly Series[],
  options: ForecastOptions,
): Promise<ForecastOutput> {
  const { config } = options;
  const sorted = [...series].sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  const pool = await fitInWorkers(sorted, config.spec, config.models, {
    workers: options.workers,
    log: options.log,
  });
  let lstmCpuSeconds: number | undefined;
  if (config.models.includes('lstm')) {
    const started = performance.now();
    const cpu = cpuSeconds();
    await fitLstmAll(sorted, pool.fits, config.spec, { ...config.lstm, seed: config.seed });
    pool.seconds.lstm = (performance.now() - started) / 1000;
    lstmCpuSeconds = cpuSeconds() - cpu;
    options.log(`ml: lstm trained across ${sorted.length} series in ${pool.seconds.lstm.toFixed(1)} s`);
  }
  logFailures(pool.fits, sorted.length, options.log);
  const perModel = Object.entries(pool.seconds).map(([model, seconds]) => `${model} ${seconds.toFixed(1)} s`);
  options.log(`ml: fit time per model (all workers): ${perModel.join(', ')}`);
  const run: RunMeta = {
    modelVersion: modelVersion(config),
    generatedAt: options.generatedAt,
    source: options.source,
    level: config.level,
    serviceLevel: config.serviceLevel,
    order: config.models,
  };
  const forecasts: ForecastRow[] = [];
  const metrics: MetricsRow[] = [];
  const byKey = sorted.map((one, rank) => ({
    fit: pool.fits[rank],
    meta: options.items?.get(one.itemId) ?? {
      itemKey: rank + 1,
      demandClass: classifyDemand(one.values).demandClass,
      leadTimeDays: undefined,
    },
  }));
  byKey.sort((a, b) => a.meta.itemKey - b.meta.itemKey);
  for (const { fit, meta } of byKey) {
    if (!fit) continue;
    const rows = itemRows(fit, config.spec, meta, run);
    forecasts.push(...rows.forecasts);
    metrics.push(...rows.metrics);
  }
  return {
    forecasts,
    metrics,
    fits: pool.fits,
    modelVersion: run.modelVersion,
    fitSeconds: pool.seconds,
    lstmCpuSeconds,
  };
}
