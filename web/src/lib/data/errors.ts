/** Errors of the web data layer; both keep what a person needs to find the cause. */

/** A statement failed: keeps the SQL text and the engine's error as `cause`. */
export class QueryError extends Error {
  readonly sql: string;

  constructor(sql: string, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'QueryError';
    this.sql = sql;
  }
}

/** The lakehouse could not be reached or its manifest is unusable; `url` is what was requested. */
export class DataLoadError extends Error {
  readonly url: string;

  constructor(message: string, url: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DataLoadError';
    this.url = url;
  }
}
