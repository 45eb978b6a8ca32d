import { describe, expect, it } from 'vitest';
import { isManifest, manifestProblem, SCHEMA_VERSION, type Manifest } from '../../schema/index.ts';

function validManifest(): Manifest {
  const table = () => ({ path: 'gold/b/x.parquet', rows: 1, bytes: 10, sha256: 'ab', columns: [] });
  return {
    schema_version: SCHEMA_VERSION,
    build_id: 'b',
    generated_at: '2026-01-01T00:00:00.000Z',
    source: 'mock',
    engine: { builder_duckdb: 'v1.5.6', reader_duckdb_wasm: '1.28.0' },
    tables: {
      dim_item: table(),
      dim_time: table(),
      fact_demand_daily: table(),
      fact_forecasts: table(),
      fact_metrics: table(),
    },
    batches: ['b1'],
    lineage: {
      bronze_rows: 1,
      duplicates_dropped: 0,
      cleaned_rows: 1,
      validated_rows: 1,
      rejected_rows: 0,
      rejected_by_rule: {},
    },
    summary: {
      item_count: 1,
      units_total: 2,
      units_last_30d: 1,
      units_prev_30d: 1,
      value_brl_last_30d: 3.5,
      actuals_from: '2025-01-01',
      actuals_through: '2025-12-31',
    },
  };
}

describe('isManifest / manifestProblem', () => {
  it('accepts a complete manifest', () => {
    expect(isManifest(validManifest())).toBe(true);
    expect(manifestProblem(validManifest())).toBeUndefined();
  });

  it.each([
    { case: 'not an object', value: [], problem: /not a JSON object/ },
    {
      case: 'wrong version',
      value: { ...validManifest(), schema_version: 99 },
      problem: /schema_version 99/,
    },
    {
      case: 'missing table',
      value: { ...validManifest(), tables: { dim_item: validManifest().tables.dim_item } },
      problem: /dim_time, fact_demand_daily, fact_forecasts, fact_metrics/,
    },
    {
      case: 'summary with text numbers',
      value: { ...validManifest(), summary: { ...validManifest().summary, units_total: '2' } },
      problem: /summary/,
    },
    { case: 'no build id', value: { ...validManifest(), build_id: 7 }, problem: /build_id/ },
  ])('rejects $case', ({ value, problem }) => {
    expect(isManifest(value)).toBe(false);
    expect(manifestProblem(value)).toMatch(problem);
  });
});
