/**
 * Runs one statement the way DuckDB-WASM lets it be cancelled: `send` starts a pending query that
 * the worker advances in slices (START_PENDING_QUERY, then POLL_PENDING_QUERY until a result
 * header exists), and `cancelSent` posted between two polls makes the next poll fail with "query
 * was canceled". Once the header is back the result streams in record batches; a cancel then
 * stops reading. Either way the connection is closed, so nothing of the query survives.
 */
import { QueryError } from '../errors.ts';
import { resultFromBatches, type ArrowBatch, type ArrowSchema, type ResultSet } from './result-set.ts';

/** The part of apache-arrow's AsyncRecordBatchStreamReader used here. */
export interface BatchStream extends AsyncIterable<ArrowBatch> {
  /** Reads the schema message; until then (and again once iteration ends) `schema` is unset. */
  open(): Promise<unknown>;
  readonly schema: ArrowSchema;
}

/** The part of AsyncDuckDBConnection used here. */
export interface SendingConnection {
  send(text: string): Promise<BatchStream>;
  cancelSent(): Promise<boolean>;
  close(): Promise<void>;
}

export interface SqlOutcome {
  result: ResultSet;
  /** From the call to the last batch received, in ms. */
  elapsedMs: number;
}

export interface RunningSql {
  /** Rejects with QueryCancelledError after `cancel`, QueryError when DuckDB refuses the statement. */
  readonly done: Promise<SqlOutcome>;
  cancel(): Promise<void>;
}

export class QueryCancelledError extends Error {
  constructor() {
    super('query cancelled');
    this.name = 'QueryCancelledError';
  }
}

export function runSql(connect: () => Promise<SendingConnection>, text: string): RunningSql {
  const started = performance.now();
  let cancelled = false;
  let connection: SendingConnection | undefined;

  async function execute(): Promise<SqlOutcome> {
    const conn = await connect();
    connection = conn;
    try {
      if (cancelled) throw new QueryCancelledError();
      const reader = await conn.send(text);
      await reader.open();
      // Kept now: the reader forgets its schema when iteration ends, and an empty result has no batch.
      const schema = reader.schema;
      const batches: ArrowBatch[] = [];
      for await (const batch of reader) {
        if (cancelled) break;
        batches.push(batch);
      }
      if (cancelled) throw new QueryCancelledError();
      return { result: resultFromBatches(schema, batches), elapsedMs: performance.now() - started };
    } catch (cause) {
      // After a cancel, whatever DuckDB says ("query was canceled", a closed stream) is the cancel.
      if (cancelled || cause instanceof QueryCancelledError) throw new QueryCancelledError();
      throw new QueryError(text, cause);
    } finally {
      connection = undefined;
      await conn.close();
    }
  }

  return {
    done: execute(),
    async cancel() {
      cancelled = true;
      // False when nothing is pending any more (the result is streaming): the loop stops then.
      await connection?.cancelSent().catch(() => false);
    },
  };
}
