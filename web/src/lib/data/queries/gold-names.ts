/**
 * Quoted gold table and column identifiers for the query modules, each checked once against the
 * schema's allow-list (a misspelt name fails at import, not in the browser at query time).
 */
import { ident } from '#schema/ident.ts';

export const fact = ident('table', 'fact_demand_daily');
export const item = ident('table', 'dim_item');

export const date = ident('column', 'date');
export const demand = ident('column', 'demand');
export const itemId = ident('column', 'item_id');
export const itemKey = ident('column', 'item_key');
export const name = ident('column', 'name');
export const category = ident('column', 'category');
export const unitCost = ident('column', 'unit_cost_brl');
export const orders = ident('column', 'orders');
