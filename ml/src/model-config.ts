/**
 * Everything that decides the numbers a run produces, hashed into model_version with the ml
 * version, so two rows with the same model_version come from the same code and settings.
 */
import { createHash } from 'node:crypto';
import { modelNames, type ModelName } from '#schema';
import { ALPHA_GRID } from './models/croston.ts';
import type { LstmConfig } from './models/lstm.ts';
import { TSB_GRID } from './models/tsb.ts';
import type { SeriesSpec } from './series.ts';

/** Bumped with every change to the forecasting code that changes its output. */
export const ML_VERSION = '0.6.0';

export interface ModelConfig {
  models: readonly ModelName[];
  spec: SeriesSpec;
  /** Interval level (0.8: the 80 % band). */
  level: number;
  serviceLevel: number;
  seed: number;
  lstm: LstmConfig;
}

export const defaultModels: readonly ModelName[] = modelNames;

export function modelVersion(config: ModelConfig): string {
  const settings = {
    ...config,
    croston: { alphaGrid: ALPHA_GRID },
    tsb: { grid: TSB_GRID },
    interval: 'residual-quantiles-conformal',
  };
  const hash = createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 10);
  return `${ML_VERSION}+${hash}`;
}
