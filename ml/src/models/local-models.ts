/** The local candidates by name; the global LSTM is fitted across series elsewhere. */
import type { ModelName } from '#schema';
import { arima } from './arima.ts';
import { croston, sba } from './croston.ts';
import { ets } from './ets.ts';
import type { LocalModel } from './model.ts';
import { mstl } from './mstl.ts';
import { prophet } from './prophet.ts';
import { seasonalNaive } from './seasonal-naive.ts';
import { tsb } from './tsb.ts';

const localModels: Partial<Record<ModelName, LocalModel>> = {
  seasonal_naive: seasonalNaive,
  croston,
  sba,
  tsb,
  ets,
  mstl,
  prophet,
  arima,
};

export function localModel(name: ModelName): LocalModel | undefined {
  return localModels[name];
}
