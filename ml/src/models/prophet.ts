/**
 * Prophet from @bsull/augurs with the Stan optimizer compiled to wasm
 * (@bsull/augurs-prophet-wasmstan). Daily series are fitted on their last two years (yearly and
 * weekly seasonality), which holds the seasonality Prophet can use and bounds its cost.
 */
import { optimizer } from '@bsull/augurs-prophet-wasmstan';
import { addPeriods } from '../period-dates.ts';
import { augursProphet } from './augurs-wasm.ts';
import type { LocalModel } from './model.ts';

const DAILY_WINDOW = 730;

function seconds(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 1000;
}

export const prophet: LocalModel = {
  name: 'prophet',
  forecast(train, horizon, context) {
    const { Prophet } = augursProphet();
    const skip = context.period === 'day' ? Math.max(0, train.length - DAILY_WINDOW) : 0;
    const values = train.slice(skip);
    const ds = values.map((_, i) => seconds(addPeriods(context.start, context.period, skip + i)));
    const future = Array.from({ length: horizon }, (_, h) =>
      seconds(addPeriods(context.start, context.period, train.length + h)),
    );
    const model = new Prophet({ optimizer, uncertaintySamples: 0 });
    try {
      model.fit({ ds, y: values });
      return Array.from(model.predict({ ds: future }).yhat.point);
    } finally {
      model.free();
    }
  },
};
