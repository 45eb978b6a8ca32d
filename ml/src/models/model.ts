/**
 * A local model: fits one series' training values and forecasts `horizon` periods after them.
 * It sees only the values it is given (the backtest passes a copy that ends at the origin).
 * Intervals are not the model's business: they come from its backtest residuals (intervals.ts),
 * the same way for every model.
 */
import type { ModelName } from '#schema';
import type { Period } from '../series.ts';

export interface ModelContext {
  period: Period;
  seasonLength: number;
  /** ISO date of the first training value (Prophet needs timestamps). */
  start: string;
}

export interface LocalModel {
  readonly name: ModelName;
  forecast(train: readonly number[], horizon: number, context: ModelContext): number[];
}
