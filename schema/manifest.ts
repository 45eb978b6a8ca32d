/**
 * gold/manifest.json: the one mutable object of the lakehouse. It names the current build and
 * describes every file of it; readers follow it and nothing else.
 */
import {
  demandTableIds,
  goldTableIds,
  isColumnType,
  isDemandGrain,
  type ColumnType,
  type DemandGrain,
  type DemandTableId,
  type GoldTableId,
} from './tables.ts';

/**
 * Bumped whenever the gold contract changes (2: item_key in dim_item and fact_demand_daily;
 * 3: every table a list of files, item_key in the forecast tables; 4: the pre-aggregated grains
 * fact_demand_weekly, fact_demand_monthly and agg_category_daily, with `grains` and
 * `demand_totals`; 5: fact_metrics.lead_time_demand and agg_forecast_category). The builder replaces a build of an older schema instead of extending it.
 */
export const SCHEMA_VERSION = 5;
export const MANIFEST_PATH = 'gold/manifest.json';

export interface ManifestColumn {
  name: string;
  type: ColumnType;
}

/** One Parquet file of a gold table. */
export interface ManifestFile {
  /** Path relative to the folder that holds `gold/`, e.g. `gold/<build_id>/dim_item.parquet`. */
  path: string;
  rows: number;
  bytes: number;
  sha256: string;
  /**
   * The item_key range the file holds, for tables split into files by item_key (the daily fact),
   * so a reader of one item opens one file instead of every file's footer.
   */
  item_keys?: { min: number; max: number };
}

/** A gold table: one or more Parquet files with the same columns, read as one. */
export interface ManifestTable {
  files: ManifestFile[];
  /** Totals over the files. */
  rows: number;
  bytes: number;
  columns: ManifestColumn[];
}

/** Row counts through the medallion; rows are conserved from one layer to the next. */
export interface Lineage {
  bronze_rows: number;
  duplicates_dropped: number;
  cleaned_rows: number;
  validated_rows: number;
  rejected_rows: number;
  rejected_by_rule: Record<string, number>;
}

/**
 * Headline numbers precomputed at build time so the app can paint before DuckDB-WASM loads: the
 * overview's unfiltered KPIs over all actuals. Demand is given in BRL (units times unit cost), the
 * one measure that adds up across items counted in different units (metres of cable, pieces).
 */
export interface Summary {
  item_count: number;
  /** Items with any demand in the actuals. */
  active_items: number;
  /** Demand over all actuals valued at unit cost, BRL rounded to cents. */
  demand_value_brl: number;
  /**
   * Every unit of demand added up: a row-conservation check between layers, never shown as a KPI
   * (metres of cable and pieces do not add up to a quantity).
   */
  units_total: number;
  actuals_from: string;
  actuals_through: string;
}
export type SummaryKpiKey = Exclude<keyof Summary, 'actuals_from' | 'actuals_through' | 'units_total'>;
export const summaryKpiKeys: readonly SummaryKpiKey[] = ['demand_value_brl', 'active_items', 'item_count'];

/** Sums over one demand table, read back from its files at build time. */
export interface DemandTotals {
  demand: number;
  orders: number;
}

export interface Manifest {
  schema_version: typeof SCHEMA_VERSION;
  build_id: string;
  generated_at: string;
  source: string;
  engine: { builder_duckdb: string; reader_duckdb_wasm: string };
  tables: Record<GoldTableId, ManifestTable>;
  /** Ingested batches this build was made from, oldest first. */
  batches: string[];
  lineage: Lineage;
  /**
   * The demand grains whose tables hold data, finest first: all three for a daily source, only
   * `month` for a monthly ERP export (the other demand tables are then written empty). Readers
   * offer only these grains.
   */
  grains: DemandGrain[];
  /**
   * Demand and orders summed over each demand table. Every table that holds data has the totals of
   * the finest one (conservation, checked when the build is made; a mismatch fails the build).
   */
  demand_totals: Record<DemandTableId, DemandTotals>;
  summary: Summary;
}

/** A plain JSON object (not null, not an array): the first check of every type guard on parsed JSON. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isManifestColumn(value: unknown): value is ManifestColumn {
  return isRecord(value) && typeof value.name === 'string' && isColumnType(value.type);
}

function isItemKeyRange(value: unknown): boolean {
  return (
    value === undefined || (isRecord(value) && typeof value.min === 'number' && typeof value.max === 'number')
  );
}

function isManifestFile(value: unknown): value is ManifestFile {
  return (
    isRecord(value) &&
    typeof value.path === 'string' &&
    typeof value.rows === 'number' &&
    typeof value.bytes === 'number' &&
    typeof value.sha256 === 'string' &&
    isItemKeyRange(value.item_keys)
  );
}

function isManifestTable(value: unknown): value is ManifestTable {
  return (
    isRecord(value) &&
    Array.isArray(value.files) &&
    value.files.length > 0 &&
    value.files.every(isManifestFile) &&
    typeof value.rows === 'number' &&
    typeof value.bytes === 'number' &&
    Array.isArray(value.columns) &&
    value.columns.every(isManifestColumn)
  );
}

/** Every file of every table the manifest names, in table order: what a publish must carry. */
export function manifestFiles(manifest: Manifest): ManifestFile[] {
  return goldTableIds.flatMap((id) => manifest.tables[id].files);
}

/** The paths of one table's files, for `read_parquet([...])` or a view over them. */
export function tablePaths(table: ManifestTable): string[] {
  return table.files.map((file) => file.path);
}

/** The lineage counts of a manifest or of one batch in the ledger. */
export function isLineage(value: unknown): value is Lineage {
  if (!isRecord(value)) return false;
  const counts = [
    value.bronze_rows,
    value.duplicates_dropped,
    value.cleaned_rows,
    value.validated_rows,
    value.rejected_rows,
  ];
  const byRule = value.rejected_by_rule;
  return (
    counts.every((count) => typeof count === 'number') &&
    isRecord(byRule) &&
    Object.values(byRule).every((count) => typeof count === 'number')
  );
}

function isEngine(value: unknown): value is Manifest['engine'] {
  return (
    isRecord(value) &&
    typeof value.builder_duckdb === 'string' &&
    typeof value.reader_duckdb_wasm === 'string'
  );
}

function isSummary(value: unknown): value is Summary {
  return (
    isRecord(value) &&
    summaryKpiKeys.every((key) => typeof value[key] === 'number') &&
    typeof value.units_total === 'number' &&
    typeof value.actuals_from === 'string' &&
    typeof value.actuals_through === 'string'
  );
}

function isDemandTotals(value: unknown): value is Record<DemandTableId, DemandTotals> {
  return (
    isRecord(value) &&
    demandTableIds.every((id) => {
      const totals = value[id];
      return isRecord(totals) && typeof totals.demand === 'number' && typeof totals.orders === 'number';
    })
  );
}

/** The parts of a manifest a reader relies on, each with the line that says it is broken. */
const manifestChecks: readonly { problem: string; ok: (manifest: Record<string, unknown>) => boolean }[] = [
  { problem: 'build_id missing', ok: (m) => typeof m.build_id === 'string' && m.build_id !== '' },
  { problem: 'generated_at missing', ok: (m) => typeof m.generated_at === 'string' },
  { problem: 'source missing', ok: (m) => typeof m.source === 'string' },
  { problem: 'engine missing or malformed', ok: (m) => isEngine(m.engine) },
  { problem: 'summary missing or malformed', ok: (m) => isSummary(m.summary) },
  { problem: 'lineage missing or malformed', ok: (m) => isLineage(m.lineage) },
  {
    problem: 'grains missing or malformed',
    ok: (m) => Array.isArray(m.grains) && m.grains.length > 0 && m.grains.every(isDemandGrain),
  },
  { problem: 'demand_totals missing or malformed', ok: (m) => isDemandTotals(m.demand_totals) },
  {
    problem: 'batches missing',
    ok: (m) => Array.isArray(m.batches) && m.batches.every((batch) => typeof batch === 'string'),
  },
];

/** Why a value is not a manifest, as one line for an error message. */
export function manifestProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'manifest is not a JSON object';
  if (value.schema_version !== SCHEMA_VERSION)
    return `schema_version ${String(value.schema_version)} is not ${SCHEMA_VERSION}`;
  const tables = isRecord(value.tables) ? value.tables : {};
  const missing = goldTableIds.filter((id) => !isManifestTable(tables[id]));
  if (missing.length > 0) return `tables missing or malformed: ${missing.join(', ')}`;
  return manifestChecks.find((check) => !check.ok(value))?.problem;
}

/** Checks the shape a reader relies on; anything else is treated as a broken publish. */
export function isManifest(value: unknown): value is Manifest {
  return manifestProblem(value) === undefined;
}
