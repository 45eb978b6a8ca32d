import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSettled, type Settled } from '../../../web/src/lib/state/settled.svelte.ts';

describe('useSettled', () => {
  let destroy: (() => void) | undefined;
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    destroy?.();
    vi.useRealTimers();
  });

  it('gives the value once it held still for the delay, never one passed through', () => {
    const input = $state({ item: 'a' });
    const seen: (string | undefined)[] = [];
    let settled: Settled<string> | undefined;
    destroy = $effect.root(() => {
      settled = useSettled(() => input.item, 120);
      $effect(() => {
        seen.push(settled?.value);
      });
    });
    flushSync();
    vi.advanceTimersByTime(119);
    flushSync();
    expect(settled?.value).toBeUndefined();
    vi.advanceTimersByTime(1);
    flushSync();
    expect(settled?.value).toBe('a');

    input.item = 'b';
    flushSync();
    vi.advanceTimersByTime(100);
    input.item = 'c';
    flushSync();
    vi.advanceTimersByTime(100);
    flushSync();
    expect(settled?.value).toBe('a');
    vi.advanceTimersByTime(20);
    flushSync();
    expect(settled?.value).toBe('c');
    expect(seen).toEqual([undefined, 'a', 'c']);
  });
});
