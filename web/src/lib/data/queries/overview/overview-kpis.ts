/**
 * The overview's headline numbers as one row: demandTotals and activeItems, which the page runs as
 * two queries so the demand totals confirm first (see those files for the definitions). With no
 * filter the values equal the manifest `summary`.
 */
import { demandGrains, type DemandGrain } from '#schema/tables.ts';
import type { Db } from '../../db-port.ts';
import { activeItems, type ActiveItemsRow } from './active-items.ts';
import { demandTotals, type DemandTotalsRow } from './demand-totals.ts';
import type { OverviewFilter } from './overview-filter.ts';

export interface OverviewKpiRow extends DemandTotalsRow, ActiveItemsRow {}

/** One row; a malformed date throws before either query is sent, as each query function does. */
export function overviewKpis(
  db: Db,
  filter: OverviewFilter,
  grains: readonly DemandGrain[] = demandGrains,
): Promise<OverviewKpiRow[]> {
  const totals = demandTotals(db, filter, grains);
  const active = activeItems(db, filter, grains);
  return Promise.all([totals, active]).then(([[row], [items]]) =>
    row ? [{ ...row, active_items: items?.active_items ?? 0 }] : [],
  );
}
