/**
 * App state bound to the URL hash: reads it, follows back/forward and pasted links (hashchange),
 * and writes changes. Moving to another page or item adds a history entry, so back returns to the
 * previous view; adjusting a filter or the query text replaces the current one, so typing does not
 * flood the history.
 */
import { appHash, parseAppParams, type AppParams } from './app-params.ts';

export interface AppUrl extends Readonly<AppParams> {
  update(change: Partial<AppParams>): void;
  /** The link to a state, for `<a href>`: the current state with `change` applied. */
  href(change: Partial<AppParams>): string;
}

/**
 * Changes to these keys are navigation (a new history entry); the rest refine the current view.
 * The explorer writes `sql` only when a query runs, so each run is a step back can return to.
 */
const navigationKeys: readonly (keyof AppParams)[] = ['page', 'item', 'sql'];

function hrefOf(state: AppParams): string {
  // An empty hash still needs '#' so the link stays on this page instead of reloading it.
  return appHash(state) || '#';
}

/** Call during component initialisation; the hashchange listener is removed with the component. */
export function useAppUrl(): AppUrl {
  const state = $state(parseAppParams(window.location.hash));
  /**
   * Writes key by key into the state: a key whose value did not change notifies nobody, so moving
   * to another item does not re-run the queries that read only the date range.
   */
  const apply = (next: AppParams) => {
    for (const key of Object.keys(next) as (keyof AppParams)[]) {
      if (state[key] !== next[key]) Object.assign(state, { [key]: next[key] });
    }
  };

  $effect(() => {
    const follow = () => {
      apply(parseAppParams(window.location.hash));
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  });

  const url: AppUrl = {
    get page() {
      return state.page;
    },
    get from() {
      return state.from;
    },
    get to() {
      return state.to;
    },
    get category() {
      return state.category;
    },
    get grain() {
      return state.grain;
    },
    get item() {
      return state.item;
    },
    get itemGrain() {
      return state.itemGrain;
    },
    get sql() {
      return state.sql;
    },
    get rule() {
      return state.rule;
    },
    update(change) {
      const next = { ...state, ...change };
      const navigates = navigationKeys.some((key) => key in change && change[key] !== state[key]);
      // A URL without a hash keeps the path and query (?data=) as they are.
      const target = appHash(next) || `${window.location.pathname}${window.location.search}`;
      if (navigates) window.history.pushState(window.history.state, '', target);
      else window.history.replaceState(window.history.state, '', target);
      apply(next);
    },
    href(change) {
      return hrefOf({ ...state, ...change });
    },
  };
  return url;
}
