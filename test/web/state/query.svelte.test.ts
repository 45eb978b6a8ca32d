import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { answeringFor, useQuery, type QueryState } from '../../../web/src/lib/state/query.svelte.ts';

/** A promise the test settles by hand, to order answers as a slow network would. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('useQuery', () => {
  let destroy: (() => void) | undefined;
  afterEach(() => destroy?.());

  it('runs again when its input changes and drops the answer of the older request', async () => {
    let input = $state('a');
    const answers = new Map<string, ReturnType<typeof deferred<string[]>>>();
    let state: QueryState<string> | undefined;
    destroy = $effect.root(() => {
      state = useQuery(() => {
        const pending = deferred<string[]>();
        answers.set(input, pending);
        return pending.promise;
      });
    });
    flushSync();
    expect(state?.loading).toBe(true);

    input = 'b';
    flushSync();
    answers.get('b')?.resolve(['fresh']);
    await settle();
    expect(state?.rows).toEqual(['fresh']);
    expect(state?.loading).toBe(false);

    answers.get('a')?.resolve(['stale']); // arrives late
    await settle();
    expect(state?.rows).toEqual(['fresh']);
  });

  it('keeps the last rows while a newer request loads, and reports its error', async () => {
    let input = 1;
    const trigger = $state({ value: 1 });
    const answers: ReturnType<typeof deferred<number[]>>[] = [];
    let state: QueryState<number> | undefined;
    destroy = $effect.root(() => {
      state = useQuery(() => {
        input = trigger.value;
        const pending = deferred<number[]>();
        answers.push(pending);
        return pending.promise;
      });
    });
    flushSync();
    answers[0]?.resolve([input]);
    await settle();
    expect(state?.rows).toEqual([1]);

    trigger.value = 2;
    flushSync();
    expect(state?.loading).toBe(true);
    expect(state?.rows).toEqual([1]);
    answers[1]?.reject(new Error('network down'));
    await settle();
    expect(state?.error?.message).toBe('network down');
    expect(state?.loading).toBe(false);
  });

  it('ignores answers that arrive after the owner is destroyed', async () => {
    const pending = deferred<string[]>();
    let state: QueryState<string> | undefined;
    const stop = $effect.root(() => {
      state = useQuery(() => pending.promise);
    });
    flushSync();
    stop();
    pending.resolve(['late']);
    await settle();
    expect(state?.rows).toEqual([]);
  });

  it('waits while not ready, keeping its rows, and runs once ready', async () => {
    const gate = $state({ open: false, input: 1 });
    const asked: number[] = [];
    let state: QueryState<number> | undefined;
    destroy = $effect.root(() => {
      state = useQuery(
        () => {
          asked.push(gate.input);
          return Promise.resolve([gate.input]);
        },
        { ready: () => gate.open },
      );
    });
    flushSync();
    await settle();
    expect(asked).toEqual([]);
    expect(state?.loading).toBe(true);

    gate.open = true;
    flushSync();
    await settle();
    expect(asked).toEqual([1]);
    expect(state?.rows).toEqual([1]);

    gate.open = false;
    gate.input = 2;
    flushSync();
    await settle();
    expect(asked).toEqual([1]);
    expect(state).toMatchObject({ rows: [1], loading: true });
    gate.open = true;
    flushSync();
    await settle();
    expect(asked).toEqual([1, 2]);
    expect(state).toMatchObject({ rows: [2], loading: false });
  });

  it('says which request its rows answer, and shows one key only its own rows', async () => {
    const subject = $state({ item: 'a' });
    const answers = new Map<string, ReturnType<typeof deferred<string[]>>>();
    let state: QueryState<string, string> | undefined;
    let shown: QueryState<string, string> | undefined;
    destroy = $effect.root(() => {
      state = useQuery(
        () => {
          const pending = deferred<string[]>();
          answers.set(subject.item, pending);
          return pending.promise;
        },
        { key: () => subject.item },
      );
      shown = answeringFor(state, () => subject.item);
    });
    flushSync();
    expect(state?.answeredFor).toBeUndefined();
    answers.get('a')?.resolve(['rows of a']);
    await settle();
    expect(state).toMatchObject({ rows: ['rows of a'], answeredFor: 'a', loading: false });
    expect(shown).toMatchObject({ rows: ['rows of a'], answeredFor: 'a', loading: false });

    subject.item = 'b';
    flushSync();
    // The query keeps a's rows while b loads; the view for the current key does not show them.
    expect(state).toMatchObject({ rows: ['rows of a'], answeredFor: 'a', loading: true });
    expect(shown).toMatchObject({ rows: [], answeredFor: undefined, loading: true });
    answers.get('b')?.resolve(['rows of b']);
    await settle();
    expect(shown).toMatchObject({ rows: ['rows of b'], answeredFor: 'b', loading: false });
  });
});
