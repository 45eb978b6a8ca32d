import {
  demandTableIds,
  goldTableIds,
  goldTables,
  SCHEMA_VERSION,
  type Lineage,
  type Manifest,
} from '#schema';

/** One valid row through every layer. */
export function lineageFixture(): Lineage {
  return {
    bronze_rows: 1,
    duplicates_dropped: 0,
    cleaned_rows: 1,
    validated_rows: 1,
    rejected_rows: 0,
    rejected_by_rule: {},
  };
}

/** A complete, valid manifest of build `b1` for tests that need one; spread over it to vary it. */
export function manifestFixture(): Manifest {
  const tables = Object.fromEntries(
    goldTableIds.map((id) => [
      id,
      {
        files: [{ path: `gold/b1/${id}.parquet`, rows: 1, bytes: 10, sha256: 'x' }],
        rows: 1,
        bytes: 10,
        columns: [...goldTables[id]],
      },
    ]),
  ) as Manifest['tables'];
  return {
    schema_version: SCHEMA_VERSION,
    build_id: 'b1',
    generated_at: '2025-01-01T00:00:00Z',
    source: 'mock',
    engine: { builder_duckdb: 'v1.5.6', reader_duckdb_wasm: '1.28.0' },
    tables,
    batches: ['batch-1'],
    lineage: lineageFixture(),
    grains: ['day', 'week', 'month'],
    demand_totals: Object.fromEntries(
      demandTableIds.map((id) => [id, { demand: 2, orders: 1 }]),
    ) as Manifest['demand_totals'],
    summary: {
      item_count: 1,
      active_items: 1,
      demand_value_brl: 3.5,
      units_total: 2,
      actuals_from: '2024-01-01',
      actuals_through: '2024-12-31',
    },
  };
}
