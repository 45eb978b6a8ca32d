import { describe, expect, it } from 'vitest';
import { histogramBins, MASE_BINS } from '../../../../web/src/lib/views/accuracy/histogram-bins.ts';

describe('histogramBins', () => {
  it('has every bin, empty ones with zero items, and an open last bin', () => {
    const bins = histogramBins([
      { bin: 2, items: 5 },
      { bin: 30, items: 1 },
    ]);
    expect(bins).toHaveLength(MASE_BINS);
    expect(bins[2]).toEqual({ key: '2', range: '0,20–0,30', lower: 0.2, items: 5 });
    expect(bins[0]?.items).toBe(0);
    expect(bins[30]).toMatchObject({ range: '≥ 3,00', items: 1 });
    expect(bins.reduce((sum, b) => sum + b.items, 0)).toBe(6);
  });

  it('follows the width and bin count given', () => {
    const bins = histogramBins([{ bin: 1, items: 2 }], 0.5, 3);
    expect(bins.map((b) => b.range)).toEqual(['0,00–0,50', '0,50–1,00', '≥ 1,00']);
  });
});
