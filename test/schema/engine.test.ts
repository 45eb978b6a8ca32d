import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { READER_DUCKDB_WASM_VERSION } from '#schema';

describe('READER_DUCKDB_WASM_VERSION', () => {
  it('is the exact duckdb-wasm version the app is pinned to', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const installed = JSON.parse(
      fs.readFileSync('node_modules/@duckdb/duckdb-wasm/package.json', 'utf8'),
    ) as { version: string };
    expect(pkg.dependencies['@duckdb/duckdb-wasm']).toBe(READER_DUCKDB_WASM_VERSION);
    expect(installed.version).toBe(READER_DUCKDB_WASM_VERSION);
  });
});
