/** A worker thread that fits the batches it is sent (run through tsx's loader, as the project is). */
import { parentPort } from 'node:worker_threads';
import type { FitRequest, FitResponse } from './fit-messages.ts';
import { fitBatch } from './fit-batch.ts';

const port = parentPort;
if (!port) throw new Error('fit-worker.ts runs as a worker thread');

port.on('message', (request: FitRequest) => {
  fitBatch(request.series, request.spec, request.models).then(
    ({ fits, seconds }) =>
      port.postMessage({ type: 'fitted', batch: request.batch, fits, seconds } satisfies FitResponse),
    (error: unknown) =>
      port.postMessage({
        type: 'failed',
        batch: request.batch,
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies FitResponse),
  );
});
