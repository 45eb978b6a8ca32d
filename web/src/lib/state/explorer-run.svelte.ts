/**
 * The SQL explorer's current statement as component state: running, its result with row count and
 * time, DuckDB's error, or cancelled. Starting a statement cancels the one still running, and an
 * outcome that arrives after a newer run started (or after the page closed) is dropped.
 */
import type { ResultSet } from '../data/explorer/result-set.ts';
import {
  QueryCancelledError,
  runSql,
  type RunningSql,
  type SendingConnection,
} from '../data/explorer/run-sql.ts';

export type RunStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

export interface ExplorerRun {
  readonly status: RunStatus;
  /** The statement of the current status (what ran, or what is running). */
  readonly text: string | undefined;
  readonly result: ResultSet | undefined;
  readonly error: Error | undefined;
  readonly elapsedMs: number | undefined;
  /** Statements started so far: tells one run's outcome from the previous one's. */
  readonly runs: number;
  /** performance.now() when the running statement started, for a live timer. */
  readonly startedAt: number | undefined;
  run(text: string): Promise<void>;
  cancel(): Promise<void>;
}

/** Call during component initialisation; a running statement is cancelled with the component. */
export function useExplorerRun(connect: () => Promise<SendingConnection>): ExplorerRun {
  let status = $state<RunStatus>('idle');
  let text = $state<string>();
  let result = $state.raw<ResultSet>();
  let error = $state.raw<Error>();
  let elapsedMs = $state<number>();
  let startedAt = $state<number>();
  let runs = $state(0);
  let current: RunningSql | undefined;

  $effect(() => () => {
    void current?.cancel();
    current = undefined;
  });

  return {
    get status() {
      return status;
    },
    get text() {
      return text;
    },
    get result() {
      return result;
    },
    get error() {
      return error;
    },
    get elapsedMs() {
      return elapsedMs;
    },
    get runs() {
      return runs;
    },
    get startedAt() {
      return startedAt;
    },
    async run(statement) {
      void current?.cancel();
      const running = runSql(connect, statement);
      current = running;
      runs += 1;
      status = 'running';
      text = statement;
      error = undefined;
      startedAt = performance.now();
      try {
        const outcome = await running.done;
        if (current !== running) return;
        result = outcome.result;
        elapsedMs = outcome.elapsedMs;
        status = 'done';
      } catch (failure) {
        if (current !== running) return;
        result = undefined;
        elapsedMs = performance.now() - (startedAt ?? 0);
        if (failure instanceof QueryCancelledError) status = 'cancelled';
        else {
          error = failure instanceof Error ? failure : new Error(String(failure));
          status = 'error';
        }
      } finally {
        if (current === running) current = undefined;
      }
    },
    async cancel() {
      await current?.cancel();
    },
  };
}
