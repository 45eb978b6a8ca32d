/**
 * The leaderboard: each model's backtest errors averaged over the items it was tried on, per
 * demand class and over all classes, with how many items it was selected for. Averages are plain
 * means of the per-item values (every item weighs the same), best mean MASE first.
 */
import { metrics, model, mase, wape, bias, coverage80, isSelected, demandClass, generatedAt } from '../gold-names.ts';
import type { Db } from '../../db-port.ts';
import { sql } from '#schema/sql.ts';

export interface LeaderboardRow {
  /** `null` on the rows over all demand classes. */
  demand_class: string | null;
  model: string;
  /** Items with a backtest of this model (a MASE). */
  items: number;
  mean_mase: number | null;
  median_mase: number | null;
  mean_wape: number | null;
  mean_bias: number | null;
  mean_coverage_80: number | null;
  /** Items for which this model was selected. */
  selected_items: number;
  /** When the newest of these backtests was computed (ISO timestamp). */
  generated_at: string;
}

// grouping() tells the all-classes rows from rows of a class; the totals sort first.
const SQL = sql`
SELECT
  CASE WHEN grouping(${demandClass}) = 1 THEN NULL ELSE ${demandClass} END AS demand_class,
  ${model} AS model,
  count(${mase}) AS items,
  avg(${mase}) AS mean_mase,
  median(${mase}) AS median_mase,
  avg(${wape}) AS mean_wape,
  avg(${bias}) AS mean_bias,
  avg(${coverage80}) AS mean_coverage_80,
  count(*) FILTER (WHERE ${isSelected}) AS selected_items,
  max(${generatedAt}) AS generated_at
FROM ${metrics}
GROUP BY GROUPING SETS ((${demandClass}, ${model}), (${model}))
ORDER BY grouping(${demandClass}) DESC, ${demandClass}, mean_mase ASC NULLS LAST, ${model}`;

export function modelLeaderboard(db: Db): Promise<LeaderboardRow[]> {
  return db.query<LeaderboardRow>(SQL);
}
