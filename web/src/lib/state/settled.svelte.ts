/**
 * A reactive value once it has held still: what a page should spend work on only when the user
 * stays, not while passing through (links or back/forward in quick succession), in particular work
 * that cannot be called back once sent, such as a statement to DuckDB-WASM's single worker.
 */

export interface Settled<V> {
  /** The value once it has been the same for the whole delay; undefined until then. */
  readonly value: V | undefined;
}

/** Call during component initialisation; `read` is tracked, each change restarts the delay. */
export function useSettled<V>(read: () => V, delayMs: number): Settled<V> {
  let value = $state.raw<V | undefined>();
  $effect(() => {
    const current = read();
    const timer = setTimeout(() => (value = current), delayMs);
    return () => clearTimeout(timer);
  });
  return {
    get value() {
      return value;
    },
  };
}
