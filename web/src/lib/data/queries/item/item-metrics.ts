/**
 * One item's backtest: every candidate model's errors, best MASE first, with the selected model's
 * inventory policy (safety stock, reorder point, service level; NULL on the other rows).
 */
import {
  metrics,
  itemKey,
  model,
  mase,
  rmsse,
  wape,
  bias,
  coverage80,
  nTestPoints,
  isSelected,
  safetyStock,
  reorderPoint,
  serviceLevel,
  generatedAt,
} from '../gold-names.ts';
import type { Db } from '../../db-port.ts';
import { sql } from '#schema/sql.ts';

export interface ItemMetricRow {
  model: string;
  mase: number | null;
  rmsse: number | null;
  wape: number | null;
  bias: number | null;
  coverage_80: number | null;
  n_test_points: number;
  is_selected: boolean;
  safety_stock: number | null;
  reorder_point: number | null;
  service_level: number | null;
  generated_at: string;
}

const SQL = sql`
SELECT ${model} AS model, ${mase} AS mase, ${rmsse} AS rmsse, ${wape} AS wape, ${bias} AS bias,
  ${coverage80} AS coverage_80, ${nTestPoints} AS n_test_points, coalesce(${isSelected}, false) AS is_selected,
  ${safetyStock} AS safety_stock, ${reorderPoint} AS reorder_point, ${serviceLevel} AS service_level,
  ${generatedAt} AS generated_at
FROM ${metrics}
WHERE ${itemKey} = CAST(? AS INTEGER)
ORDER BY ${mase} ASC NULLS LAST, ${model}`;

export function itemMetrics(db: Db, key: number): Promise<ItemMetricRow[]> {
  if (!Number.isInteger(key)) throw new RangeError(`item key must be an integer, got ${key}`);
  return db.query<ItemMetricRow>(SQL, [key]);
}
