import { describe, expect, it } from 'vitest';
import { objectHeaders } from '../../../builder/src/publish/object-headers.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('objectHeaders', () => {
  it.each([
    { path: 'gold/manifest.json', contentType: 'application/json; charset=utf-8', cacheControl: 'no-cache' },
    {
      path: 'gold/20260101T000000000Z-abcdef/fact_demand_daily.parquet',
      contentType: 'application/vnd.apache.parquet',
      cacheControl: IMMUTABLE,
    },
    { path: 'index.html', contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' },
    { path: 'assets/index-3f2a.js', contentType: 'text/javascript; charset=utf-8', cacheControl: IMMUTABLE },
    { path: 'assets/duckdb-eh-1a2b.wasm', contentType: 'application/wasm', cacheControl: IMMUTABLE },
    { path: 'silver/batches.json', contentType: 'application/json; charset=utf-8', cacheControl: 'no-cache' },
    {
      path: 'bronze/raw_data/mock/2026-01-01/b1/export.csv',
      contentType: 'text/csv; charset=utf-8',
      cacheControl: 'no-cache',
    },
    { path: '.builder.lock', contentType: 'application/octet-stream', cacheControl: 'no-cache' },
  ])('$path', ({ path, contentType, cacheControl }) => {
    expect(objectHeaders(path)).toEqual({ contentType, cacheControl });
  });
});
