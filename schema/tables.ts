/**
 * The gold star schema: table ids, column names and DuckDB types.
 * Builder, ml and web import these names; none of them retypes a table or column name.
 */

/** DuckDB logical types used in gold, with the value each becomes in a plain JS row. */
export interface ColumnTypeValues {
  VARCHAR: string;
  DATE: string; // read back as ISO yyyy-mm-dd text (see castDates in the web data layer)
  INTEGER: number;
  DOUBLE: number;
  BOOLEAN: boolean;
  TIMESTAMP: string;
}
export type ColumnType = keyof ColumnTypeValues;
export const columnTypes: readonly ColumnType[] = [
  'VARCHAR',
  'DATE',
  'INTEGER',
  'DOUBLE',
  'BOOLEAN',
  'TIMESTAMP',
];

export function isColumnType(value: unknown): value is ColumnType {
  return typeof value === 'string' && (columnTypes as readonly string[]).includes(value);
}

export interface ColumnDef {
  readonly name: string;
  readonly type: ColumnType;
}

function columns<const T extends readonly ColumnDef[]>(defs: T): T {
  return defs;
}

export const demandClasses = ['smooth', 'erratic', 'intermittent', 'lumpy'] as const;
export type DemandClass = (typeof demandClasses)[number];

export const itemCategories = [
  'battery',
  'rectifier',
  'cable',
  'connector',
  'antenna',
  'radio',
  'cooling',
  'protection',
] as const;
export type ItemCategory = (typeof itemCategories)[number];

export const modelNames = [
  'seasonal_naive',
  'croston',
  'sba',
  'tsb',
  // SBA on weekly totals spread back over the days (ADIDA); on weekly or monthly series it is SBA.
  'adida',
  'ets',
  'mstl',
  'prophet',
  'arima',
  'lstm',
] as const;
export type ModelName = (typeof modelNames)[number];

/**
 * `item_key` is a surrogate key: the item's rank by item_id within one build (1, 2, …), so it is
 * stable only inside a build and always sorts like item_id. The fact is sorted by it, and readers
 * that want one item filter on it: DuckDB keeps only an 8-byte prefix of string min/max statistics,
 * so ids that share their first 8 bytes (NC-BAT-0…) cannot skip row groups, while an integer can.
 */
export const goldTables = {
  dim_item: columns([
    { name: 'item_id', type: 'VARCHAR' },
    { name: 'item_key', type: 'INTEGER' },
    { name: 'name', type: 'VARCHAR' },
    { name: 'category', type: 'VARCHAR' },
    { name: 'unit', type: 'VARCHAR' },
    { name: 'unit_cost_brl', type: 'DOUBLE' },
    { name: 'lead_time_days', type: 'INTEGER' },
    { name: 'supplier', type: 'VARCHAR' },
    { name: 'abc_class', type: 'VARCHAR' },
    { name: 'demand_class', type: 'VARCHAR' },
  ]),
  dim_time: columns([
    { name: 'date_key', type: 'INTEGER' },
    { name: 'date', type: 'DATE' },
    { name: 'year', type: 'INTEGER' },
    { name: 'quarter', type: 'INTEGER' },
    { name: 'month', type: 'INTEGER' },
    { name: 'iso_week', type: 'INTEGER' },
    { name: 'day_of_week', type: 'INTEGER' },
    { name: 'is_weekend', type: 'BOOLEAN' },
    { name: 'is_holiday_br', type: 'BOOLEAN' },
    { name: 'holiday_name', type: 'VARCHAR' },
  ]),
  fact_demand_daily: columns([
    { name: 'date', type: 'DATE' },
    { name: 'item_id', type: 'VARCHAR' },
    { name: 'item_key', type: 'INTEGER' },
    { name: 'demand', type: 'DOUBLE' },
    { name: 'orders', type: 'INTEGER' },
  ]),
  /**
   * One row per item and ISO week (weeks start on Monday), dense like the daily fact and sorted by
   * item_key then week_start. `days` counts the days of the week inside the data range: 7 for a
   * full week, fewer for the first and last week, so a reader can flag (or scale) partial weeks.
   * Empty when the source's grain is coarser than a week (see Manifest.grains).
   */
  fact_demand_weekly: columns([
    { name: 'item_key', type: 'INTEGER' },
    { name: 'item_id', type: 'VARCHAR' },
    { name: 'week_start', type: 'DATE' },
    { name: 'demand', type: 'DOUBLE' },
    { name: 'orders', type: 'INTEGER' },
    { name: 'days', type: 'INTEGER' },
  ]),
  /**
   * One row per item and calendar month, dense, sorted by item_key then month_start. `days` counts
   * the days of the month inside the data range (the month's length for full months). Fed by the
   * daily fact, or directly by a monthly ERP export.
   */
  fact_demand_monthly: columns([
    { name: 'item_key', type: 'INTEGER' },
    { name: 'item_id', type: 'VARCHAR' },
    { name: 'month_start', type: 'DATE' },
    { name: 'demand', type: 'DOUBLE' },
    { name: 'orders', type: 'INTEGER' },
    { name: 'days', type: 'INTEGER' },
  ]),
  /**
   * Per category, unit and day: the table KPIs, trend and category mix read instead of the daily
   * fact. Grouped by unit as well because units of different kinds (metres of cable, pieces) do
   * not add up; value_brl is demand × unit_cost_brl, which does. active_items counts the items with
   * demand on that day. Dense over the data range, sorted by date then category and unit.
   */
  agg_category_daily: columns([
    { name: 'category', type: 'VARCHAR' },
    { name: 'unit', type: 'VARCHAR' },
    { name: 'date', type: 'DATE' },
    { name: 'demand', type: 'DOUBLE' },
    { name: 'value_brl', type: 'DOUBLE' },
    { name: 'orders', type: 'INTEGER' },
    { name: 'active_items', type: 'INTEGER' },
  ]),
  fact_forecasts: columns([
    { name: 'item_key', type: 'INTEGER' },
    { name: 'item_id', type: 'VARCHAR' },
    { name: 'date', type: 'DATE' },
    { name: 'horizon_days', type: 'INTEGER' },
    { name: 'yhat', type: 'DOUBLE' },
    { name: 'yhat_lower', type: 'DOUBLE' },
    { name: 'yhat_upper', type: 'DOUBLE' },
    { name: 'model', type: 'VARCHAR' },
    { name: 'model_version', type: 'VARCHAR' },
    { name: 'forecast_origin', type: 'DATE' },
    { name: 'generated_at', type: 'TIMESTAMP' },
    { name: 'source', type: 'VARCHAR' },
  ]),
  /**
   * One row per item and backtested model. For the selected model (`is_selected`) also the
   * inventory policy and `lead_time_demand`: that model's forecast summed over the item's lead
   * time (horizon_days 1 … dim_item.lead_time_days) from its latest forecast_origin in
   * fact_forecasts — the number the stock-out risk compares with reorder_point, derived from the
   * two tables whenever either is written (builder/src/steps/gold/fill-lead-time-demand.ts), so
   * readers need not scan fact_forecasts for it. NULL for the other models, and when the latest
   * origin has no row inside the lead time or the item has none.
   */
  fact_metrics: columns([
    { name: 'item_key', type: 'INTEGER' },
    { name: 'item_id', type: 'VARCHAR' },
    { name: 'demand_class', type: 'VARCHAR' },
    { name: 'model', type: 'VARCHAR' },
    { name: 'mase', type: 'DOUBLE' },
    { name: 'rmsse', type: 'DOUBLE' },
    { name: 'wape', type: 'DOUBLE' },
    { name: 'bias', type: 'DOUBLE' },
    { name: 'coverage_80', type: 'DOUBLE' },
    { name: 'n_test_points', type: 'INTEGER' },
    { name: 'is_selected', type: 'BOOLEAN' },
    { name: 'safety_stock', type: 'DOUBLE' },
    { name: 'reorder_point', type: 'DOUBLE' },
    { name: 'service_level', type: 'DOUBLE' },
    { name: 'lead_time_demand', type: 'DOUBLE' },
    { name: 'model_version', type: 'VARCHAR' },
    { name: 'generated_at', type: 'TIMESTAMP' },
    { name: 'source', type: 'VARCHAR' },
  ]),
  /**
   * Per category and forecast day: the selected models' latest forecasts (the rows
   * lead_time_demand reads) summed over the category's items — yhat and its 80 % interval in
   * units, and valued at unit_cost_brl — with the number of items forecast. Derived from
   * fact_forecasts, fact_metrics and dim_item whenever the forecast tables are written
   * (builder/src/steps/gold/build-agg-forecast-category.ts), so the overview's forecast band reads a
   * few hundred rows, not fact_forecasts. Units of different kinds are summed as they are; readers
   * show units only when the items in scope share one. Sorted by date then category.
   */
  agg_forecast_category: columns([
    { name: 'category', type: 'VARCHAR' },
    { name: 'date', type: 'DATE' },
    { name: 'yhat_lower', type: 'DOUBLE' },
    { name: 'yhat', type: 'DOUBLE' },
    { name: 'yhat_upper', type: 'DOUBLE' },
    { name: 'value_low', type: 'DOUBLE' },
    { name: 'value_mid', type: 'DOUBLE' },
    { name: 'value_high', type: 'DOUBLE' },
    { name: 'items', type: 'INTEGER' },
  ]),
} as const;

export type GoldTableId = keyof typeof goldTables;
export const goldTableIds = Object.keys(goldTables) as GoldTableId[];

/** The plain-object row of a gold table, derived from its column list. */
export type RowOf<T extends GoldTableId> = {
  [C in (typeof goldTables)[T][number] as C['name']]: ColumnTypeValues[C['type']];
};

export type DimItemRow = RowOf<'dim_item'>;
export type DimTimeRow = RowOf<'dim_time'>;
export type FactDemandDailyRow = RowOf<'fact_demand_daily'>;
export type FactDemandWeeklyRow = RowOf<'fact_demand_weekly'>;
export type FactDemandMonthlyRow = RowOf<'fact_demand_monthly'>;
export type AggCategoryDailyRow = RowOf<'agg_category_daily'>;
export type FactForecastsRow = RowOf<'fact_forecasts'>;
export type FactMetricsRow = RowOf<'fact_metrics'>;
export type AggForecastCategoryRow = RowOf<'agg_forecast_category'>;

export type GoldColumnName = (typeof goldTables)[GoldTableId][number]['name'];

export function isGoldTableId(value: unknown): value is GoldTableId {
  return typeof value === 'string' && Object.hasOwn(goldTables, value);
}

/**
 * File name of a gold table inside a build folder; `part` numbers the files of a table written
 * as several (the daily fact, one file per item_key range: fact_demand_daily-0001.parquet, …).
 */
export function goldFileName(table: GoldTableId, part?: number): string {
  return part === undefined ? `${table}.parquet` : `${table}-${String(part).padStart(4, '0')}.parquet`;
}

/**
 * The grains demand can be stored at, finest first. A daily source fills all three demand tables;
 * a monthly ERP export fills only fact_demand_monthly (weeks and days are never invented from it).
 */
export const demandGrains = ['day', 'week', 'month'] as const;
export type DemandGrain = (typeof demandGrains)[number];

export function isDemandGrain(value: unknown): value is DemandGrain {
  return typeof value === 'string' && (demandGrains as readonly string[]).includes(value);
}

/** The per-item demand table of each grain. */
export const demandTableOfGrain = {
  day: 'fact_demand_daily',
  week: 'fact_demand_weekly',
  month: 'fact_demand_monthly',
} as const satisfies Record<DemandGrain, GoldTableId>;

/** Every gold table that carries demand and orders; their totals agree (checked at build time). */
export const demandTableIds = [
  'fact_demand_daily',
  'fact_demand_weekly',
  'fact_demand_monthly',
  'agg_category_daily',
] as const satisfies readonly GoldTableId[];
export type DemandTableId = (typeof demandTableIds)[number];

export function isDemandTableId(value: unknown): value is DemandTableId {
  return typeof value === 'string' && (demandTableIds as readonly string[]).includes(value);
}
