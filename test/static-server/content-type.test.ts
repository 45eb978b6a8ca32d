import { describe, expect, it } from 'vitest';
import { contentType } from '../../static-server/src/content-type.ts';

describe('contentType', () => {
  it.each([
    { name: 'duckdb-eh.wasm', expected: 'application/wasm' },
    { name: 'fact.parquet', expected: 'application/vnd.apache.parquet' },
    { name: 'app.js', expected: 'text/javascript; charset=utf-8' },
    { name: 'worker.mjs', expected: 'text/javascript; charset=utf-8' },
    { name: 'manifest.json', expected: 'application/json; charset=utf-8' },
    { name: 'index.html', expected: 'text/html; charset=utf-8' },
    { name: 'INDEX.HTML', expected: 'text/html; charset=utf-8' },
    { name: 'style.css', expected: 'text/css; charset=utf-8' },
    { name: 'logo.svg', expected: 'image/svg+xml' },
    { name: 'export.csv', expected: 'text/csv; charset=utf-8' },
    { name: 'archive.tar.gz', expected: 'application/gzip' },
    { name: 'LICENSE', expected: 'application/octet-stream' },
    { name: 'data.unknownext', expected: 'application/octet-stream' },
  ])('$name -> $expected', ({ name, expected }) => {
    expect(contentType(name)).toBe(expected);
  });
});
