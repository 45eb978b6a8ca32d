/**
 * A `Db` that answers nothing and writes down what it was asked: running a dashboard query
 * function through it yields the exact SQL text and parameters the page would send, so DuckDB-WASM
 * and native DuckDB can both be timed on the identical statement.
 */
import type { Db } from '#web-data';

export interface RecordedStatement {
  sql: string;
  params: unknown[];
}

/** The one statement `run` sends; a function that sends none or several is refused. */
export async function recordStatement(run: (db: Db) => Promise<unknown>): Promise<RecordedStatement> {
  const statements: RecordedStatement[] = [];
  const recorder: Db = {
    query<R>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
      statements.push({ sql, params: [...params] });
      return Promise.resolve([]);
    },
  };
  await run(recorder);
  const [statement, ...more] = statements;
  if (!statement || more.length > 0) {
    throw new Error(`expected one statement, the query function sent ${statements.length}`);
  }
  return statement;
}
