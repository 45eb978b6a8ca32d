/**
 * gold.dim_item: the item master, its item_key as assigned by the fact (every item is in the fact's
 * dense grid), and two classes derived from demand history:
 * - abc_class by share of consumption value (A: first 80 %, B: next 15 %, C: the rest);
 * - demand_class by Syntetos-Boylan: ADI (average interval between demands, cut-off 1.32) and
 *   CV² of non-zero demand sizes (cut-off 0.49) → smooth, erratic, intermittent, lumpy; the cut-offs
 *   and the rule are schema/demand-class.ts, shared with ml.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ADI_CUTOFF, CV2_CUTOFF, sqlString, sqlStringList, sql } from '#schema';
import { queryStep } from '../../db.ts';
import { parquetOptions } from './parquet-options.ts';

const STEP = 'gold.dim_item';

// The item master is the union of the item batches; for an item sent twice the latest batch wins.
const DIM_ITEM_SQL = (items: readonly string[], facts: readonly string[], target: string) => sql`
COPY (
  WITH item_master AS (
    SELECT item_id, name, category, unit, unit_cost_brl, lead_time_days, supplier
    FROM read_parquet(${sqlStringList(items)}, filename = true)
    QUALIFY row_number() OVER (PARTITION BY item_id ORDER BY filename DESC) = 1
  ),
  demand_stats AS (
    SELECT
      item_id,
      any_value(item_key) AS item_key,
      count(*) AS days,
      count(*) FILTER (WHERE demand > 0) AS demand_days,
      avg(demand) FILTER (WHERE demand > 0) AS mean_size,
      stddev_pop(demand) FILTER (WHERE demand > 0) AS sd_size,
      sum(demand) AS units
    FROM read_parquet(${sqlStringList(facts)})
    GROUP BY item_id
  ),
  valued AS (
    SELECT
      items.item_id, demand_stats.item_key, items.name, items.category, items.unit, items.unit_cost_brl,
      items.lead_time_days, items.supplier,
      CASE WHEN demand_stats.demand_days > 0 THEN demand_stats.days / demand_stats.demand_days END AS adi,
      coalesce(power(demand_stats.sd_size / nullif(demand_stats.mean_size, 0), 2), 0) AS cv2,
      coalesce(demand_stats.units * items.unit_cost_brl, 0) AS consumption_value
    FROM item_master AS items
    LEFT JOIN demand_stats USING (item_id)
  ),
  ranked AS (
    SELECT
      *,
      (sum(consumption_value) OVER (ORDER BY consumption_value DESC, item_id ROWS UNBOUNDED PRECEDING)
        - consumption_value) / nullif(sum(consumption_value) OVER (), 0) AS value_share_before
    FROM valued
  )
  SELECT
    item_id, item_key, name, category, unit, unit_cost_brl, lead_time_days, supplier,
    CASE
      WHEN value_share_before < 0.80 THEN 'A'
      WHEN value_share_before < 0.95 THEN 'B'
      ELSE 'C'
    END AS abc_class,
    CASE
      WHEN adi IS NULL OR adi >= ${ADI_CUTOFF}
        THEN CASE WHEN cv2 >= ${CV2_CUTOFF} THEN 'lumpy' ELSE 'intermittent' END
      ELSE CASE WHEN cv2 >= ${CV2_CUTOFF} THEN 'erratic' ELSE 'smooth' END
    END AS demand_class
  FROM ranked
  ORDER BY item_id
) TO ${sqlString(target)} ${parquetOptions()}`;

export async function buildDimItem(
  connection: DuckDBConnection,
  paths: { items: readonly string[]; facts: readonly string[]; target: string },
): Promise<{ rows: number }> {
  const [result] = await queryStep<{ Count: number }>(
    connection,
    STEP,
    DIM_ITEM_SQL(paths.items, paths.facts, paths.target),
  );
  return { rows: result?.Count ?? 0 };
}
