import { describe, expect, it } from 'vitest';
import {
  MASE_HISTOGRAM_MAX_BINS,
  maseHistogram,
} from '../../../../../web/src/lib/data/queries/accuracy/mase-histogram.ts';
import { engines } from '../../../helpers/engines.ts';
import { useGold } from '../../../helpers/use-gold.ts';
import { sampleItems } from '../../../helpers/sample-gold.ts';
import { sampleMetrics } from '../../../helpers/sample-ml.ts';

function expected(width: number, bins: number) {
  const counts = new Map<number, number>();
  for (const m of sampleMetrics) {
    if (!m.is_selected || m.mase === null || !Number.isFinite(m.mase)) continue;
    const bin = Math.min(Math.floor(m.mase / width), bins - 1);
    counts.set(bin, (counts.get(bin) ?? 0) + 1);
  }
  return [...counts.entries()].sort(([a], [b]) => a - b).map(([bin, items]) => ({ bin, items }));
}

describe.each(engines)('maseHistogram on $name', (engine) => {
  const db = useGold(engine, { dim_item: sampleItems, fact_metrics: sampleMetrics });

  it.each([
    { width: 0.1, bins: 30 },
    { width: 0.25, bins: 8 },
    { width: 1, bins: 2 },
    { width: 5, bins: 1 },
  ])('width $width, $bins bins', async ({ width, bins }) => {
    expect(await maseHistogram(db(), { width, bins })).toEqual(expected(width, bins));
  });

  it('puts a MASE past the last bin into it', async () => {
    const rows = await maseHistogram(db(), { width: 0.5, bins: 4 });
    expect(rows.at(-1)?.bin).toBe(3);
  });
});

describe('maseHistogram input', () => {
  const db = { query: () => Promise.reject(new Error('must not be called')) };
  it.each([
    { width: 0, bins: 10 },
    { width: -1, bins: 10 },
    { width: Number.NaN, bins: 10 },
    { width: Number.POSITIVE_INFINITY, bins: 10 },
    { width: 0.1, bins: 0 },
    { width: 0.1, bins: 2.5 },
    { width: 0.1, bins: MASE_HISTOGRAM_MAX_BINS + 1 },
  ])('rejects width $width, bins $bins', (input) => {
    expect(() => maseHistogram(db, input)).toThrow(RangeError);
  });
});
