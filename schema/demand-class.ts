/**
 * Syntetos–Boylan demand classes: the one definition, used by the builder (dim_item.demand_class,
 * in SQL through the cut-offs) and by ml (fact_metrics.demand_class, series files).
 * - ADI: periods in the history divided by the periods with demand (1 = demand every period);
 * - CV²: squared coefficient of variation of the non-zero demand sizes (population variance).
 */
import type { DemandClass } from './tables.ts';

export const ADI_CUTOFF = 1.32;
export const CV2_CUTOFF = 0.49;

export interface DemandShape {
  adi: number;
  cv2: number;
  demandClass: DemandClass;
}

/** Class from ADI and CV²; a series with no demand at all (ADI undefined) counts as intermittent. */
export function demandClassOf(adi: number | undefined, cv2: number): DemandClass {
  if (adi === undefined || adi >= ADI_CUTOFF) return cv2 >= CV2_CUTOFF ? 'lumpy' : 'intermittent';
  return cv2 >= CV2_CUTOFF ? 'erratic' : 'smooth';
}

export function classifyDemand(values: readonly number[]): DemandShape {
  const sizes = values.filter((value) => value > 0);
  if (sizes.length === 0) return { adi: Infinity, cv2: 0, demandClass: demandClassOf(undefined, 0) };
  const adi = values.length / sizes.length;
  const mean = sizes.reduce((sum, value) => sum + value, 0) / sizes.length;
  const variance = sizes.reduce((sum, value) => sum + (value - mean) ** 2, 0) / sizes.length;
  const cv2 = mean > 0 ? variance / mean ** 2 : 0;
  return { adi, cv2, demandClass: demandClassOf(adi, cv2) };
}
