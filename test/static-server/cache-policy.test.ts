import { describe, expect, it } from 'vitest';
import { cachePolicy, immutable, revalidate } from '../../static-server/src/cache-policy.ts';

describe('cachePolicy', () => {
  it.each([
    { segments: [], expected: revalidate },
    { segments: ['index.html'], expected: revalidate },
    { segments: ['gold', 'manifest.json'], expected: revalidate },
    { segments: ['gold', '20240101-abc', 'fact_demand_daily.parquet'], expected: immutable },
    { segments: ['gold', '20240101-abc', 'nested', 'part-0.parquet'], expected: immutable },
    { segments: ['assets', 'index-3f9a1c.js'], expected: immutable },
    { segments: ['assets'], expected: revalidate },
    { segments: ['duckdb-eh.wasm'], expected: revalidate },
    { segments: ['silver', 'cleaned', 'b1.parquet'], expected: revalidate },
    { segments: ['web', 'assets', 'x.js'], expected: revalidate },
  ])('$segments -> $expected', ({ segments, expected }) => {
    expect(cachePolicy(segments)).toBe(expected);
  });

  it('uses the exact header values the design asks for', () => {
    expect(immutable).toBe('public, max-age=31536000, immutable');
    expect(revalidate).toBe('no-cache');
  });
});
