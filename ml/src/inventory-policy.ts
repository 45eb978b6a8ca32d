/**
 * Safety stock and reorder point for the selected model: the forecast error over the lead time at
 * a service level (cycle service: the chance of no stock-out while an order is on its way).
 * σ over L periods is the backtest RMSE per period × √L (errors taken as independent), so
 * safety stock = z(service) · RMSE · √L and reorder point = forecast demand over L + safety stock.
 */
import { normalQuantile } from './quantile.ts';

export interface InventoryPolicy {
  safetyStock: number;
  reorderPoint: number;
  serviceLevel: number;
}

export function inventoryPolicy(input: {
  rmse: number;
  future: readonly number[];
  /** Lead time in periods of the series (may be fractional). */
  leadPeriods: number;
  serviceLevel: number;
}): InventoryPolicy {
  const lead = Math.max(0, input.leadPeriods);
  const safetyStock = normalQuantile(input.serviceLevel) * input.rmse * Math.sqrt(lead);
  let demand = 0;
  for (let i = 0; i < Math.ceil(lead); i += 1) {
    demand += (input.future[i] ?? input.future.at(-1) ?? 0) * Math.min(1, lead - i);
  }
  return {
    safetyStock: Math.max(0, safetyStock),
    reorderPoint: demand + Math.max(0, safetyStock),
    serviceLevel: input.serviceLevel,
  };
}
