/**
 * Fits series in parallel: one worker thread per core, each taking the next batch when done, with a
 * progress line per batch (items done, elapsed, ETA). Results come back in input order.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ModelName } from '#schema';
import type { SeriesFit } from '../fit-series.ts';
import type { Series, SeriesSpec } from '../series.ts';
import type { FitRequest, FitResponse } from './fit-messages.ts';

export interface PoolOptions {
  workers?: number;
  batchSize?: number;
  log: (line: string) => void;
  now?: () => number;
}

export interface PoolResult {
  fits: SeriesFit[];
  /** CPU seconds per model family, summed over workers. */
  seconds: Partial<Record<ModelName, number>>;
}

/**
 * Workers run TypeScript as the rest of the project does, through tsx: a tiny ES module registers
 * tsx's loader in the new thread, then imports the worker (a worker does not take `--import`).
 */
function workerSource(): URL {
  const register = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const entry = new URL('./fit-worker.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(register)}; register(); await import(${JSON.stringify(entry)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

export function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism());
}

export async function fitInWorkers(
  series: readonly Series[],
  spec: SeriesSpec,
  models: readonly ModelName[],
  options: PoolOptions,
): Promise<PoolResult> {
  const now = options.now ?? (() => performance.now());
  const batchSize = options.batchSize ?? 20;
  const batches: Series[][] = [];
  for (let i = 0; i < series.length; i += batchSize) batches.push(series.slice(i, i + batchSize));
  const results: SeriesFit[][] = new Array<SeriesFit[]>(batches.length);
  const seconds: Partial<Record<ModelName, number>> = {};
  const workerCount = Math.max(1, Math.min(options.workers ?? defaultWorkers(), batches.length));
  const started = now();
  let next = 0;
  let done = 0;
  let items = 0;

  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(workerSource());
      const send = () => {
        if (next >= batches.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const batch = next++;
        worker.postMessage({
          type: 'fit',
          batch,
          series: batches[batch] ?? [],
          spec,
          models: [...models],
        } satisfies FitRequest);
      };
      worker.on('message', (response: FitResponse) => {
        if (response.type === 'failed') {
          void worker.terminate();
          reject(new Error(`fitting batch ${response.batch} failed: ${response.message}`));
          return;
        }
        results[response.batch] = response.fits;
        for (const [model, value] of Object.entries(response.seconds) as [ModelName, number][]) {
          seconds[model] = (seconds[model] ?? 0) + value;
        }
        done += 1;
        items += response.fits.length;
        const elapsed = (now() - started) / 1000;
        const eta = (elapsed / items) * (series.length - items);
        options.log(
          `ml: fitted ${items}/${series.length} items (batch ${done}/${batches.length}), ${formatDuration(elapsed)} elapsed, ETA ${formatDuration(eta)}`,
        );
        send();
      });
      worker.on('error', reject);
      worker.on('online', send);
    });

  await Promise.all(Array.from({ length: workerCount }, runWorker));
  return { fits: results.flat(), seconds };
}
