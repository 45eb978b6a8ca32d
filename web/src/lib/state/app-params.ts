/**
 * The app's view state as it lives in the URL hash (`#page=item&item=NC-BAT-0001&from=2025-01-01`),
 * so a copied link reproduces the view. The hash, not the path, because static hosts such as MinIO
 * have no rewrites; the query string is left to `?data=`. The filters (`from`, `to`, `category`)
 * are shared by every page; the other keys belong to one page each.
 */
import { isRejectionRuleCode, type RejectionRuleCode } from '#schema/silver.ts';
import { isTrendGrain, type TrendGrain } from '../data/queries/overview/trend-grain.ts';
import { isItemGrain, type ItemGrain } from '../data/queries/item/item-history.ts';

/** Every page of the app, in navigation order. */
export const pages = ['overview', 'item', 'accuracy', 'quality', 'explorer'] as const;
export type Page = (typeof pages)[number];

export function isPage(value: unknown): value is Page {
  return typeof value === 'string' && (pages as readonly string[]).includes(value);
}

export interface AppParams {
  page: Page;
  /** Date-range filter, inclusive ISO dates; `undefined` means unbounded on that side. */
  from: string | undefined;
  to: string | undefined;
  /** `undefined` means every category. */
  category: string | undefined;
  /** Grain of the overview's demand trend. */
  grain: TrendGrain;
  /** The item shown on the item page (its item_id: item_key changes between builds). */
  item: string | undefined;
  /** Grain of the item page's chart. */
  itemGrain: ItemGrain;
  /** The SQL explorer's query text. */
  sql: string | undefined;
  /** The rule whose rejected rows the data quality page lists; `undefined` for every rule. */
  rule: RejectionRuleCode | undefined;
}

export const defaultAppParams: AppParams = {
  page: 'overview',
  from: undefined,
  to: undefined,
  category: undefined,
  grain: 'week',
  item: undefined,
  itemGrain: 'week',
  sql: undefined,
  rule: undefined,
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function text(params: URLSearchParams, key: string): string | undefined {
  const value = params.get(key)?.trim();
  return value ? value : undefined;
}

function date(params: URLSearchParams, key: string): string | undefined {
  const value = text(params, key);
  return value !== undefined && isoDate.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
}

/** Unknown or malformed values fall back to the defaults instead of failing the page. */
export function parseAppParams(hash: string): AppParams {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const page = params.get('page');
  const grain = params.get('grain');
  const itemGrain = params.get('itemGrain');
  const rule = params.get('rule');
  return {
    page: isPage(page) ? page : defaultAppParams.page,
    from: date(params, 'from'),
    to: date(params, 'to'),
    category: text(params, 'category'),
    grain: isTrendGrain(grain) ? grain : defaultAppParams.grain,
    item: text(params, 'item'),
    itemGrain: isItemGrain(itemGrain) ? itemGrain : defaultAppParams.itemGrain,
    // The query keeps its own whitespace: it is code, and its layout is the author's.
    sql: params.get('sql') || undefined,
    rule: isRejectionRuleCode(rule) ? rule : undefined,
  };
}

/** The hash of a state: only the keys that differ from the defaults, in a stable order. */
export function appHash(state: AppParams): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(defaultAppParams) as (keyof AppParams)[]) {
    const value = state[key];
    if (value !== undefined && value !== defaultAppParams[key]) params.set(key, value);
  }
  const encoded = params.toString();
  return encoded === '' ? '' : `#${encoded}`;
}
