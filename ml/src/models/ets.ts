/** Automatic ETS (error, trend, season chosen by AICc) from @bsull/augurs. */
import { augursEts } from './augurs-wasm.ts';
import type { LocalModel } from './model.ts';

export const ets: LocalModel = {
  name: 'ets',
  forecast(train, horizon, context) {
    const { AutoETS } = augursEts();
    // A season needs two full cycles of history to be estimated.
    const season = train.length >= 2 * context.seasonLength ? context.seasonLength : 1;
    const model = new AutoETS(season, 'ZZZ');
    try {
      model.fit(Float64Array.from(train));
      return Array.from(model.predict(horizon).point);
    } finally {
      model.free();
    }
  },
};
