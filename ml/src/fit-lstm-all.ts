/**
 * The global LSTM on the same backtest as the local models: for each origin (counted from the
 * end, so series of different lengths line up) one model is trained on every series' values
 * before its own origin and forecasts that origin's window; a last one, trained on whole histories,
 * forecasts the future. Its fits join each series' local fits.
 */
import type { SeriesFit } from './fit-series.ts';
import { fitGlobalLstm, type LstmConfig } from './models/lstm.ts';
import type { Series, SeriesSpec } from './series.ts';

export async function fitLstmAll(
  series: readonly Series[],
  fits: readonly SeriesFit[],
  spec: SeriesSpec,
  config: LstmConfig,
): Promise<void> {
  const lstm = { ...config, window: spec.period === 'day' ? config.window : spec.seasonLength };
  const backtests = fits.map(() => [] as number[][]);
  const deepest = Math.max(0, ...fits.map((fit) => fit.origins.length));
  for (let fromEnd = deepest; fromEnd >= 1; fromEnd -= 1) {
    const members = fits.flatMap((fit, i) => (fit.origins.length >= fromEnd ? [i] : []));
    const trains = members.map((i) => {
      const fit = fits[i] as SeriesFit;
      return (series[i]?.values ?? []).slice(0, fit.origins[fit.origins.length - fromEnd]);
    });
    const forecasts = await fitGlobalLstm(trains, spec.backtestHorizon, lstm);
    members.forEach((i, m) => backtests[i]?.push(forecasts[m] ?? []));
  }
  const future = await fitGlobalLstm(
    series.map((one) => one.values),
    spec.horizon,
    lstm,
  );
  fits.forEach((fit, i) =>
    fit.fits.push({ model: 'lstm', backtest: backtests[i] ?? [], future: future[i] ?? [] }),
  );
}
