/**
 * A data/ query as component state. The query re-runs whenever the reactive values it reads change
 * (grain, category…); an answer that arrives after a newer request started, or after the component
 * is gone, is dropped, so a slow old response never overwrites a fresh one.
 */

export interface QueryState<R> {
  /** Rows of the latest answer; kept while a newer request is loading, so charts do not flash. */
  readonly rows: R[];
  readonly loading: boolean;
  readonly error: Error | undefined;
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

export interface QueryOptions {
  /**
   * The query waits while this is false: it reports loading, keeps its rows and sends nothing.
   * DuckDB-WASM answers one statement at a time, so a page can hold back the queries it needs
   * later until the one that draws first has answered.
   */
  ready?: () => boolean;
}

/** Call during component initialisation; `run` must read its reactive inputs synchronously. */
export function useQuery<R>(run: () => Promise<R[]>, options: QueryOptions = {}): QueryState<R> {
  let rows = $state.raw<R[]>([]);
  let loading = $state(true);
  let error = $state<Error | undefined>();

  $effect(() => {
    let current = true;
    loading = true;
    error = undefined;
    if (options.ready && !options.ready()) return;
    let answer: Promise<R[]>;
    try {
      answer = run();
    } catch (thrown) {
      answer = Promise.reject(thrown);
    }
    answer.then(
      (result) => {
        if (!current) return;
        rows = result;
        loading = false;
      },
      (failure: unknown) => {
        if (!current) return;
        error = toError(failure);
        loading = false;
      },
    );
    return () => {
      current = false;
    };
  });

  return {
    get rows() {
      return rows;
    },
    get loading() {
      return loading;
    },
    get error() {
      return error;
    },
  };
}
