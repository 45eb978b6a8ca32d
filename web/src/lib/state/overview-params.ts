/**
 * The Overview's view state as it lives in the URL hash (`#grain=week&category=cable`), so a copied
 * link reproduces the view. The hash, not the path, because static hosts such as MinIO have no
 * rewrites; the query string is left to `?data=`.
 */
import { isTrendGrain, type TrendGrain } from '../data/queries/demand-trend.ts';

export interface OverviewParams {
  grain: TrendGrain;
  /** `undefined` means every category. */
  category: string | undefined;
}

export const defaultOverviewParams: OverviewParams = { grain: 'week', category: undefined };

/** Unknown or malformed values fall back to the defaults instead of failing the page. */
export function parseOverviewParams(hash: string): OverviewParams {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const grain = params.get('grain');
  const category = params.get('category')?.trim();
  return {
    grain: isTrendGrain(grain) ? grain : defaultOverviewParams.grain,
    category: category ? category : undefined,
  };
}

export function overviewHash(state: OverviewParams): string {
  const params = new URLSearchParams({ grain: state.grain });
  if (state.category !== undefined) params.set('category', state.category);
  return `#${params.toString()}`;
}
