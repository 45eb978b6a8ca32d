/** The worker boundary, described entirely by these messages (as duckdb-wasm's worker_request). */
import type { ModelName } from '#schema';
import type { SeriesFit } from '../fit-series.ts';
import type { Series, SeriesSpec } from '../series.ts';

export interface FitRequest {
  type: 'fit';
  batch: number;
  series: Series[];
  spec: SeriesSpec;
  models: ModelName[];
}

export type FitResponse =
  | { type: 'fitted'; batch: number; fits: SeriesFit[]; seconds: Partial<Record<ModelName, number>> }
  | { type: 'failed'; batch: number; message: string };
