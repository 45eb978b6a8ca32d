/** MSTL (seasonal-trend decomposition by Loess, trend forecast by ETS) from @bsull/augurs. */
import { augursMstl } from './augurs-wasm.ts';
import type { LocalModel } from './model.ts';

export const mstl: LocalModel = {
  name: 'mstl',
  forecast(train, horizon, context) {
    const { MSTL } = augursMstl();
    if (train.length < 2 * context.seasonLength) throw new Error('MSTL needs two seasons of history');
    const model = MSTL.ets([context.seasonLength]);
    try {
      model.fit(Float64Array.from(train));
      return Array.from(model.predict(horizon).point);
    } finally {
      model.free();
    }
  },
};
