/** Fits a batch of series with the named local models, timing each model family (for the bench). */
import type { ModelName } from '#schema';
import { fitSeries, type SeriesFit } from '../fit-series.ts';
import { localModel } from '../models/local-models.ts';
import type { Series, SeriesSpec } from '../series.ts';

export async function fitBatch(
  series: readonly Series[],
  spec: SeriesSpec,
  models: readonly ModelName[],
): Promise<{ fits: SeriesFit[]; seconds: Partial<Record<ModelName, number>> }> {
  const seconds: Partial<Record<ModelName, number>> = {};
  const locals = models.flatMap((name) => {
    const model = localModel(name);
    return model ? [model] : [];
  });
  return { fits: series.map((one) => fitSeries(one, spec, locals, seconds)), seconds };
}
