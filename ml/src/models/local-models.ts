/** The local candidates by name; the global LSTM is fitted across series elsewhere. */
import type { ModelName } from '#schema';
import { croston, sba } from './croston.ts';
import type { LocalModel } from './model.ts';
import { seasonalNaive } from './seasonal-naive.ts';
import { tsb } from './tsb.ts';

const localModels: Partial<Record<ModelName, LocalModel>> = {
  seasonal_naive: seasonalNaive,
  croston,
  sba,
  tsb,
};

export function localModel(name: ModelName): LocalModel | undefined {
  return localModels[name];
}
