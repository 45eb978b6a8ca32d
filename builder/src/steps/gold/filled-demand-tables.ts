/**
 * Which demand tables hold data for the grains a source has, finest first: a daily source fills
 * every grain and the per-category table (which is daily); a monthly one only the monthly fact.
 */
import { demandGrains, demandTableOfGrain, type DemandGrain, type DemandTableId } from '#schema';

export function filledDemandTables(grains: readonly DemandGrain[]): DemandTableId[] {
  const tables: DemandTableId[] = demandGrains
    .filter((grain) => grains.includes(grain))
    .map((grain) => demandTableOfGrain[grain]);
  return grains.includes('day') ? [...tables, 'agg_category_daily'] : tables;
}
