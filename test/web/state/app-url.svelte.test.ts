import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useAppUrl, type AppUrl } from '../../../web/src/lib/state/app-url.svelte.ts';

/** The slice of `window` the URL state uses: location, history and the hashchange listener. */
function fakeWindow(hash: string) {
  const listeners = new Set<() => void>();
  const location = { hash, pathname: '/index.html', search: '' };
  const go = (_state: unknown, _title: string, target: string) => {
    location.hash = target.startsWith('#') ? target : '';
  };
  return {
    location,
    history: { state: null, pushState: go, replaceState: go },
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
    /** What the browser does on back/forward or a pasted link. */
    navigate(next: string) {
      location.hash = next;
      for (const listener of listeners) listener();
    },
  };
}

describe('useAppUrl', () => {
  let destroy: (() => void) | undefined;
  let win: ReturnType<typeof fakeWindow>;
  beforeEach(() => {
    win = fakeWindow('#page=item&item=NC-BAT-0001&from=2024-01-01');
    Object.assign(globalThis, { window: win });
  });
  afterEach(() => {
    destroy?.();
    Reflect.deleteProperty(globalThis, 'window');
  });

  /** The URL state, and how many times an effect reading only `from` and `to` has run. */
  function watchRange() {
    let url: AppUrl | undefined;
    const runs = { range: 0, item: 0 };
    destroy = $effect.root(() => {
      const state = useAppUrl();
      url = state;
      $effect(() => {
        void [state.from, state.to];
        runs.range++;
      });
      $effect(() => {
        void state.item;
        runs.item++;
      });
    });
    flushSync();
    if (!url) throw new Error('useAppUrl did not run');
    return { url, runs };
  }

  it('moving to another item notifies readers of the item, not readers of the date range', () => {
    const { url, runs } = watchRange();
    expect(runs).toEqual({ range: 1, item: 1 });

    url.update({ item: 'NC-BAT-0002' });
    flushSync();
    expect(url.item).toBe('NC-BAT-0002');
    expect(win.location.hash).toBe('#page=item&from=2024-01-01&item=NC-BAT-0002');
    expect(runs).toEqual({ range: 1, item: 2 });

    url.update({ from: '2024-02-01' });
    flushSync();
    expect(runs).toEqual({ range: 2, item: 2 });
  });

  it('a link or back/forward changes only the keys that differ', () => {
    const { url, runs } = watchRange();
    win.navigate('#page=item&item=NC-CAB-0007&from=2024-01-01');
    flushSync();
    expect(url.item).toBe('NC-CAB-0007');
    expect(runs).toEqual({ range: 1, item: 2 });

    win.navigate('#page=item&item=NC-CAB-0007');
    flushSync();
    expect(url.from).toBeUndefined();
    expect(runs).toEqual({ range: 2, item: 2 });
  });
});
