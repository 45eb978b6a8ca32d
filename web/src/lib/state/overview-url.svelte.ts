/**
 * Overview state bound to the URL hash: reads it, follows back/forward and pasted links
 * (hashchange), and writes changes with replaceState so toggling does not flood the history.
 */
import { overviewHash, parseOverviewParams, type OverviewParams } from './overview-params.ts';

export interface OverviewUrl extends Readonly<OverviewParams> {
  update(change: Partial<OverviewParams>): void;
}

/** Call during component initialisation; the hashchange listener is removed with the component. */
export function useOverviewUrl(): OverviewUrl {
  let state = $state(parseOverviewParams(window.location.hash));

  $effect(() => {
    const follow = () => {
      state = parseOverviewParams(window.location.hash);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  });

  return {
    get grain() {
      return state.grain;
    },
    get category() {
      return state.category;
    },
    update(change) {
      state = { ...state, ...change };
      window.history.replaceState(window.history.state, '', overviewHash(state));
    },
  };
}
