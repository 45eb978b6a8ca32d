/**
 * Quoted gold table and column identifiers for the query modules, each checked once against the
 * schema's allow-list (a misspelt name fails at import, not in the browser at query time).
 */
import { ident } from '#schema/ident.ts';

export const fact = ident('table', 'fact_demand_daily');
export const item = ident('table', 'dim_item');
export const categoryDaily = ident('table', 'agg_category_daily');
export const forecastCategory = ident('table', 'agg_forecast_category');

export const date = ident('column', 'date');
export const demand = ident('column', 'demand');
export const itemId = ident('column', 'item_id');
export const itemKey = ident('column', 'item_key');
export const name = ident('column', 'name');
export const category = ident('column', 'category');
export const unitCost = ident('column', 'unit_cost_brl');
export const valueBrl = ident('column', 'value_brl');
export const orders = ident('column', 'orders');
export const unit = ident('column', 'unit');
export const leadTime = ident('column', 'lead_time_days');
export const supplier = ident('column', 'supplier');
export const abcClass = ident('column', 'abc_class');
export const demandClass = ident('column', 'demand_class');

export const forecasts = ident('table', 'fact_forecasts');
export const metrics = ident('table', 'fact_metrics');
export const yhat = ident('column', 'yhat');
export const yhatLower = ident('column', 'yhat_lower');
export const yhatUpper = ident('column', 'yhat_upper');
export const valueLow = ident('column', 'value_low');
export const valueMid = ident('column', 'value_mid');
export const valueHigh = ident('column', 'value_high');
export const model = ident('column', 'model');
export const forecastOrigin = ident('column', 'forecast_origin');
export const generatedAt = ident('column', 'generated_at');
export const mase = ident('column', 'mase');
export const rmsse = ident('column', 'rmsse');
export const wape = ident('column', 'wape');
export const bias = ident('column', 'bias');
export const coverage80 = ident('column', 'coverage_80');
export const nTestPoints = ident('column', 'n_test_points');
export const isSelected = ident('column', 'is_selected');
export const safetyStock = ident('column', 'safety_stock');
export const reorderPoint = ident('column', 'reorder_point');
export const leadTimeDemand = ident('column', 'lead_time_demand');
export const serviceLevel = ident('column', 'service_level');
export const horizonDays = ident('column', 'horizon_days');
