/**
 * The query set of the bench is the dashboard's own: every query function the Overview, Item and
 * Accuracy pages call (imported from the web data layer, so any change to them is benched as it
 * lands), with the inputs those pages pass for two realistic views of the overview (the default
 * one and a filtered one) and one item from the middle of the sort order. Each function is run
 * through a recording Db once, so both engines time the identical SQL text and parameters.
 * The data quality page is left out: it reads silver files, not gold.
 */
import type { ManifestTable } from '#schema/manifest.ts';
import type { DemandGrain } from '#schema/tables.ts';
import {
  activeItems,
  categories,
  categoryMix,
  demandTotals,
  demandTrend,
  forecastKpis,
  forecastTrend,
  itemById,
  itemForecast,
  itemHistory,
  itemMetrics,
  maseHistogram,
  modelLeaderboard,
  overviewFilterFor,
  searchItems,
  topItems,
  worstItems,
  type Db,
} from '#web-data';
import { recordStatement, type RecordedStatement } from './recording-db.ts';

/** The values the pages would pass, taken from the lakehouse being benched. */
export interface DashboardInputs {
  /** An item from the middle of the sort order: its rows sit mid-file, like most items'. */
  itemId: string;
  itemKey: number;
  /** That item's category: the filtered overview shows it. */
  category: string;
  /** The category's item_key span, as the overview takes it from its category list. */
  categoryKeys: { first: number; last: number };
  /** What a planner types in the item search: the first word of the item's name. */
  searchText: string;
  /** The manifest's `actuals_through`, yyyy-mm-dd. */
  lastDate: string;
  /** The filtered overview's range: the last 90 days of actuals. */
  from: string;
  /** The manifest entry of fact_demand_daily (its files carry item_key ranges). */
  dailyFact: ManifestTable;
  /** The manifest's `grains`: the overview picks its tables by them. */
  grains: DemandGrain[];
}

export type DashboardPage = 'overview' | 'overview, filtered' | 'item' | 'accuracy';

export interface DashboardQuery {
  id: string;
  page: DashboardPage;
  label: string;
  run(db: Db, inputs: DashboardInputs): Promise<unknown>;
}

// The pages' own constants (Overview.svelte TOP_N, ItemSearch MAX_OPTIONS, Accuracy WORST_N,
// histogram-bins.ts), repeated here because the bench may not import views.
const TOP_N = 10;
const SEARCH_OPTIONS = 12;
const WORST_N = 15;
const MASE_BIN_WIDTH = 0.1;
const MASE_BINS = 31;

/** The default overview's filter, as Overview.svelte applies it: nothing chosen. */
const unfiltered = (inputs: DashboardInputs) => overviewFilterFor({}, inputs.grains);

/**
 * The filtered overview: one category, the last 90 days, widened to whole periods as Overview.svelte
 * does before it passes the filter to every panel (trend at day grain, as a planner zooms in).
 */
const filtered = (inputs: DashboardInputs) =>
  overviewFilterFor(
    { category: inputs.category, keys: inputs.categoryKeys, from: inputs.from, to: inputs.lastDate },
    inputs.grains,
  );

export const dashboardQueries: readonly DashboardQuery[] = [
  // The default overview: every category, the whole range, weekly trend (the app's default grain).
  { id: 'o1', page: 'overview', label: 'categories', run: (db) => categories(db) },
  // The KPI cards' two queries: demand totals (the per-category table) first, then active items.
  {
    id: 'o2',
    page: 'overview',
    label: 'KPIs, demand totals',
    run: (db, i) => demandTotals(db, unfiltered(i), i.grains),
  },
  {
    id: 'o8',
    page: 'overview',
    label: 'KPIs, active items',
    run: (db, i) => activeItems(db, unfiltered(i), i.grains),
  },
  { id: 'o3', page: 'overview', label: 'forecast KPIs', run: (db) => forecastKpis(db, {}) },
  {
    id: 'o4',
    page: 'overview',
    label: 'demand trend, weekly',
    run: (db, i) => demandTrend(db, { ...unfiltered(i), grain: 'week' }, i.grains),
  },
  {
    id: 'o5',
    page: 'overview',
    label: 'forecast trend, weekly',
    run: (db) => forecastTrend(db, { grain: 'week' }),
  },
  {
    id: 'o6',
    page: 'overview',
    label: `top ${TOP_N} items`,
    run: (db, i) => topItems(db, { ...unfiltered(i), limit: TOP_N }, i.grains),
  },
  {
    id: 'o7',
    page: 'overview',
    label: 'category mix',
    run: (db, i) => categoryMix(db, unfiltered(i), i.grains),
  },
  // The overview filtered to one category and the last 90 days.
  {
    id: 'f1',
    page: 'overview, filtered',
    label: 'KPIs, demand totals',
    run: (db, i) => demandTotals(db, filtered(i), i.grains),
  },
  {
    id: 'f7',
    page: 'overview, filtered',
    label: 'KPIs, active items',
    run: (db, i) => activeItems(db, filtered(i), i.grains),
  },
  {
    id: 'f2',
    page: 'overview, filtered',
    label: 'forecast KPIs',
    run: (db, i) => forecastKpis(db, { category: i.category, keys: i.categoryKeys }),
  },
  {
    id: 'f3',
    page: 'overview, filtered',
    label: 'demand trend, daily',
    run: (db, i) => demandTrend(db, { ...filtered(i), grain: 'day' }, i.grains),
  },
  {
    id: 'f4',
    page: 'overview, filtered',
    label: 'forecast trend, daily',
    run: (db, i) => forecastTrend(db, { category: i.category, keys: i.categoryKeys, grain: 'day' }),
  },
  {
    id: 'f5',
    page: 'overview, filtered',
    label: `top ${TOP_N} items`,
    run: (db, i) => topItems(db, { ...filtered(i), limit: TOP_N }, i.grains),
  },
  {
    id: 'f6',
    page: 'overview, filtered',
    label: 'category mix',
    run: (db, i) => {
      const { from, to } = filtered(i);
      return categoryMix(db, { from, to }, i.grains);
    },
  },
  // The item page of the middle item, reached through the search box.
  {
    id: 'i1',
    page: 'item',
    label: 'search',
    run: (db, i) => searchItems(db, { text: i.searchText, limit: SEARCH_OPTIONS }),
  },
  { id: 'i2', page: 'item', label: 'attributes by id', run: (db, i) => itemById(db, i.itemId) },
  {
    id: 'i3',
    page: 'item',
    label: 'history, daily',
    run: (db, i) => itemHistory(db, { itemKey: i.itemKey, grain: 'day', dailyFact: i.dailyFact }),
  },
  {
    id: 'i4',
    page: 'item',
    label: 'history, weekly',
    run: (db, i) => itemHistory(db, { itemKey: i.itemKey, grain: 'week', dailyFact: i.dailyFact }),
  },
  {
    id: 'i5',
    page: 'item',
    label: 'history, monthly',
    run: (db, i) => itemHistory(db, { itemKey: i.itemKey, grain: 'month', dailyFact: i.dailyFact }),
  },
  {
    id: 'i6',
    page: 'item',
    label: 'forecast, daily',
    run: (db, i) => itemForecast(db, { itemKey: i.itemKey, grain: 'day' }),
  },
  {
    id: 'i7',
    page: 'item',
    label: 'forecast, weekly',
    run: (db, i) => itemForecast(db, { itemKey: i.itemKey, grain: 'week' }),
  },
  { id: 'i8', page: 'item', label: 'backtest metrics', run: (db, i) => itemMetrics(db, i.itemKey) },
  { id: 'a1', page: 'accuracy', label: 'model leaderboard', run: (db) => modelLeaderboard(db) },
  {
    id: 'a2',
    page: 'accuracy',
    label: 'MASE histogram',
    run: (db) => maseHistogram(db, { width: MASE_BIN_WIDTH, bins: MASE_BINS }),
  },
  { id: 'a3', page: 'accuracy', label: `worst ${WORST_N} items`, run: (db) => worstItems(db, WORST_N) },
];

/** The id of the item's daily history, the one query whose cold bytes the goal counts. */
export const ITEM_DAILY_QUERY_ID = 'i3';

export interface DashboardStatement extends RecordedStatement {
  query: DashboardQuery;
}

/** Each query's statement for these inputs, in the set's order. */
export async function dashboardStatements(
  queries: readonly DashboardQuery[],
  inputs: DashboardInputs,
): Promise<DashboardStatement[]> {
  const statements: DashboardStatement[] = [];
  for (const query of queries) {
    statements.push({ query, ...(await recordStatement((db) => query.run(db, inputs))) });
  }
  return statements;
}

/** The query of `id`; throws for an id the set does not have. */
export function dashboardQuery(id: string): DashboardQuery {
  const query = dashboardQueries.find((candidate) => candidate.id === id);
  if (!query) throw new Error(`no dashboard query ${id}`);
  return query;
}
