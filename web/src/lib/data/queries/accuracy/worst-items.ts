/** The items whose selected model forecasts worst (highest backtest MASE), to look at first. */
import {
  item,
  metrics,
  itemId,
  itemKey,
  name,
  model,
  mase,
  wape,
  bias,
  coverage80,
  isSelected,
  demandClass,
} from '../gold-names.ts';
import type { Db } from '../../db-port.ts';
import { sql } from '#schema/sql.ts';

export const WORST_ITEMS_MAX = 500;

export interface WorstItemRow {
  item_id: string;
  name: string;
  demand_class: string;
  model: string;
  mase: number;
  wape: number | null;
  bias: number | null;
  coverage_80: number | null;
}

// Ties on MASE are broken by item_id so the list is the same on every engine and reload.
const SQL = sql`
SELECT i.${itemId} AS item_id, i.${name} AS name, m.${demandClass} AS demand_class, m.${model} AS model,
  m.${mase} AS mase, m.${wape} AS wape, m.${bias} AS bias, m.${coverage80} AS coverage_80
FROM ${metrics} AS m
JOIN ${item} AS i ON i.${itemKey} = m.${itemKey}
WHERE m.${isSelected} AND m.${mase} IS NOT NULL AND isfinite(m.${mase})
ORDER BY m.${mase} DESC, i.${itemId}
LIMIT ?`;

export function worstItems(db: Db, limit: number): Promise<WorstItemRow[]> {
  if (!Number.isInteger(limit) || limit < 1 || limit > WORST_ITEMS_MAX) {
    throw new RangeError(`worst items limit must be an integer from 1 to ${WORST_ITEMS_MAX}, got ${limit}`);
  }
  return db.query<WorstItemRow>(SQL, [limit]);
}
