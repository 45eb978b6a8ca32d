/**
 * The MASE histogram's bins, every one present (the query returns only non-empty bins), each with
 * the range it covers as text. The last bin is open-ended.
 */
import type { MaseBinRow } from '../../data/queries/accuracy/mase-histogram.ts';
import { formatRatio } from '../../format.ts';

export const MASE_BIN_WIDTH = 0.1;
/** 30 bins of 0.1 up to 3, then one for 3 and above. */
export const MASE_BINS = 31;

export interface HistogramBin {
  key: string;
  /** "0,80–0,90", or "≥ 3,00" for the last bin. */
  range: string;
  lower: number;
  items: number;
}

export function histogramBins(
  rows: readonly MaseBinRow[],
  width = MASE_BIN_WIDTH,
  bins = MASE_BINS,
): HistogramBin[] {
  const counts = new Map(rows.map((row) => [row.bin, row.items]));
  return Array.from({ length: bins }, (_, bin) => {
    const lower = bin * width;
    const range =
      bin === bins - 1 ? `≥ ${formatRatio(lower)}` : `${formatRatio(lower)}–${formatRatio(lower + width)}`;
    return { key: String(bin), range, lower, items: counts.get(bin) ?? 0 };
  });
}
