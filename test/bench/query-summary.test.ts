import { describe, expect, it } from 'vitest';
import { shareOf, warmSummary, wasmToNative } from '../../bench/query-summary.ts';

describe('wasmToNative', () => {
  it.each([
    { wasm: 30, native: 10, expected: 3 },
    { wasm: 5, native: 20, expected: 0.25 },
    { wasm: 10, native: 0, expected: Number.NaN },
    { wasm: Number.NaN, native: 4, expected: Number.NaN },
  ])('$wasm ms / $native ms = $expected', ({ wasm, native, expected }) => {
    expect(wasmToNative(wasm, native)).toBe(expected);
  });
});

describe('warmSummary', () => {
  it.each([
    {
      name: 'odd count: the middle ratio; under counts strictly below the threshold',
      queries: [
        { wasmMs: 40, nativeMs: 10 },
        { wasmMs: 100, nativeMs: 50 },
        { wasmMs: 150, nativeMs: 15 },
      ],
      expected: { medianRatio: 4, under: 1, total: 3, thresholdMs: 100 },
    },
    {
      name: 'even count: the mean of the two middle ratios',
      queries: [
        { wasmMs: 10, nativeMs: 10 },
        { wasmMs: 20, nativeMs: 10 },
        { wasmMs: 40, nativeMs: 10 },
        { wasmMs: 80, nativeMs: 10 },
      ],
      expected: { medianRatio: 3, under: 4, total: 4, thresholdMs: 100 },
    },
    {
      name: 'a ratio that cannot be computed is left out of the median, not the count',
      queries: [
        { wasmMs: 20, nativeMs: 0 },
        { wasmMs: 20, nativeMs: 10 },
      ],
      expected: { medianRatio: 2, under: 2, total: 2, thresholdMs: 100 },
    },
  ])('$name', ({ queries, expected }) => {
    expect(warmSummary(queries, 100)).toEqual(expected);
  });

  it('has no median ratio without queries', () => {
    expect(warmSummary([], 100).medianRatio).toBeNaN();
  });
});

describe('shareOf', () => {
  it.each([
    { part: 86_000, whole: 8_600_000, expected: 0.01 },
    { part: 0, whole: 10, expected: 0 },
    { part: 5, whole: 0, expected: Number.NaN },
  ])('$part of $whole = $expected', ({ part, whole, expected }) => {
    expect(shareOf(part, whole)).toBe(expected);
  });
});
