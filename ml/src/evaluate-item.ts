/**
 * Scores every model of one series on its backtest: MASE and RMSSE per origin (averaged), WAPE,
 * bias and interval coverage over all test points. Coverage is measured honestly: the band for one
 * origin comes from the residuals of the other origins only.
 */
import type { ModelName } from '#schema';
import type { ModelFit, SeriesFit } from './fit-series.ts';
import { bias, coverage, mase, meanOf, rmsse, wape } from './metrics.ts';
import { applyBand, residualBand, type ResidualBand } from './residual-interval.ts';

export interface ModelScore {
  model: ModelName;
  mase: number;
  rmsse: number;
  wape: number | undefined;
  bias: number | undefined;
  coverage: number;
  testPoints: number;
  /** Root mean squared error per period over the backtest (safety stock). */
  rmse: number;
  /** Band from every origin's residuals, for the future forecast. */
  band: ResidualBand;
}

function residualsOf(fit: ModelFit, actuals: readonly number[][], skip?: number): number[] {
  return actuals.flatMap((actual, k) =>
    k === skip ? [] : actual.map((y, i) => y - (fit.backtest[k]?.[i] ?? 0)),
  );
}

export function scoreModel(series: SeriesFit, fit: ModelFit, level: number): ModelScore {
  const { actuals, scales } = series;
  const all = actuals.flat();
  const forecasts = fit.backtest.flat();
  let inside = 0;
  actuals.forEach((actual, k) => {
    const others = actuals.length > 1 ? residualsOf(fit, actuals, k) : residualsOf(fit, actuals);
    const { lower, upper } = applyBand(fit.backtest[k] ?? [], residualBand(others, level));
    inside += coverage(actual, lower, upper) * actual.length;
  });
  const residuals = residualsOf(fit, actuals);
  return {
    model: fit.model,
    mase: meanOf(actuals.map((actual, k) => mase(actual, fit.backtest[k] ?? [], scales[k]?.mae ?? 1))),
    rmsse: meanOf(actuals.map((actual, k) => rmsse(actual, fit.backtest[k] ?? [], scales[k]?.mse ?? 1))),
    wape: wape(all, forecasts),
    bias: bias(all, forecasts),
    coverage: all.length === 0 ? 0 : inside / all.length,
    testPoints: all.length,
    rmse: Math.sqrt(meanOf(residuals.map((r) => r * r))),
    band: residualBand(residuals, level),
  };
}

/** The model with the lowest mean MASE; ties go to the earlier model in `order` (simpler first). */
export function selectModel(
  scores: readonly ModelScore[],
  order: readonly ModelName[],
): ModelScore | undefined {
  let best: ModelScore | undefined;
  for (const score of scores) {
    if (!Number.isFinite(score.mase)) continue;
    if (
      best === undefined ||
      score.mase < best.mase ||
      (score.mase === best.mase && order.indexOf(score.model) < order.indexOf(best.model))
    ) {
      best = score;
    }
  }
  return best;
}
