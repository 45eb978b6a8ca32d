/** Scores of every model a series was fitted with, and the one selected by mean MASE. */
import type { ModelName } from '#schema';
import { scoreModel, selectModel, type ModelScore } from './evaluate-item.ts';
import type { SeriesFit } from './fit-series.ts';

export function evaluateSeries(
  fit: SeriesFit,
  level: number,
  order: readonly ModelName[],
): { scores: ModelScore[]; selected: ModelScore | undefined } {
  if (fit.origins.length === 0) return { scores: [], selected: undefined };
  const scores = fit.fits
    .map((model) => scoreModel(fit, model, level))
    .sort((a, b) => order.indexOf(a.model) - order.indexOf(b.model));
  return { scores, selected: selectModel(scores, order) };
}
