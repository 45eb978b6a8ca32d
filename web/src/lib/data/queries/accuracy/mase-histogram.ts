/**
 * How the selected models' MASE is spread over items: counts per bin of fixed width from 0, the
 * last bin holding every value at or above its start (MASE has a long right tail). Bins with no
 * items are absent; the view fills them in.
 */
import { metrics, mase, isSelected } from '../gold-names.ts';
import type { Db } from '../../db-port.ts';
import { sql } from '#schema/sql.ts';

export interface MaseHistogramInput {
  /** Bin width, in MASE units. */
  width: number;
  /** Number of bins; the last one is open-ended. */
  bins: number;
}

export interface MaseBinRow {
  /** 0-based; bin `b` holds [b × width, (b + 1) × width), the last one [b × width, ∞). */
  bin: number;
  items: number;
}

export const MASE_HISTOGRAM_MAX_BINS = 200;

// Items without a finite MASE (a series that never moved) cannot be placed and are left out.
const SQL = sql`
SELECT least(CAST(floor(${mase} / CAST(? AS DOUBLE)) AS INTEGER), CAST(? AS INTEGER) - 1) AS bin,
  count(*) AS items
FROM ${metrics}
WHERE ${isSelected} AND ${mase} IS NOT NULL AND isfinite(${mase}) AND ${mase} >= 0
GROUP BY bin
ORDER BY bin`;

export function maseHistogram(db: Db, input: MaseHistogramInput): Promise<MaseBinRow[]> {
  const { width, bins } = input;
  if (!Number.isFinite(width) || width <= 0) throw new RangeError(`bin width must be positive, got ${width}`);
  if (!Number.isInteger(bins) || bins < 1 || bins > MASE_HISTOGRAM_MAX_BINS) {
    throw new RangeError(`bins must be an integer from 1 to ${MASE_HISTOGRAM_MAX_BINS}, got ${bins}`);
  }
  return db.query<MaseBinRow>(SQL, [width, bins]);
}
