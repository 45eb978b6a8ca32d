/**
 * A data/ query as component state. The query re-runs whenever the reactive values it reads change
 * (grain, category…); an answer that arrives after a newer request started, or after the component
 * is gone, is dropped, so a slow old response never overwrites a fresh one.
 */

export interface QueryState<R, K = unknown> {
  /** Rows of the latest answer; kept while a newer request is loading, so charts do not flash. */
  readonly rows: R[];
  readonly loading: boolean;
  readonly error: Error | undefined;
  /** What `rows` answer: the `key` of their request (QueryOptions.key), undefined before any answer. */
  readonly answeredFor: K | undefined;
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

export interface QueryOptions<K> {
  /**
   * The query waits while this is false: it reports loading, keeps its rows and sends nothing.
   * DuckDB-WASM answers one statement at a time, so a page can hold back the queries it needs
   * later until the one that draws first has answered.
   */
  ready?: () => boolean;
  /**
   * What a request asks about (an item), read with the query's inputs. A page that keeps its
   * components while the subject changes tells by `answeredFor` whose rows are on screen.
   */
  key?: () => K;
}

/** Call during component initialisation; `run` must read its reactive inputs synchronously. */
export function useQuery<R, K = unknown>(
  run: () => Promise<R[]>,
  options: QueryOptions<K> = {},
): QueryState<R, K> {
  let rows = $state.raw<R[]>([]);
  let loading = $state(true);
  let error = $state<Error | undefined>();
  let answeredFor = $state.raw<K | undefined>();

  $effect(() => {
    let current = true;
    loading = true;
    error = undefined;
    const key = options.key?.();
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
        answeredFor = key;
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
    get answeredFor() {
      return answeredFor;
    },
  };
}

/**
 * `query` as seen by a part of the page about `key` only: the rows of another key's answer are not
 * shown (an empty, loading state instead), so one item's rows never appear beside another's.
 */
export function answeringFor<R, K>(query: QueryState<R, K>, key: () => K): QueryState<R, K> {
  const own = () => query.answeredFor === key();
  return {
    get rows() {
      return own() ? query.rows : [];
    },
    get loading() {
      return query.loading || !own();
    },
    get error() {
      return query.error;
    },
    get answeredFor() {
      return own() ? query.answeredFor : undefined;
    },
  };
}
