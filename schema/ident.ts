/**
 * SQL identifiers cannot travel as parameters, so every identifier that is not literal SQL text
 * passes through `ident`: it must be on the allow-list of its kind, then it is double-quoted.
 */
import { rejectedColumns } from './silver.ts';
import type { SqlText } from './sql.ts';
import { goldTableIds, goldTables } from './tables.ts';

const goldColumnNames: ReadonlySet<string> = new Set(
  goldTableIds.flatMap((id) => goldTables[id].map((column) => column.name)),
);

const allowLists = {
  table: new Set<string>(goldTableIds),
  column: goldColumnNames,
  /** Columns of silver/rejected/<batch_id>.parquet. */
  rejected_column: new Set<string>(rejectedColumns.map((column) => column.name)),
} as const;

export type IdentKind = keyof typeof allowLists;

export class IdentifierError extends Error {
  constructor(kind: IdentKind, name: string) {
    super(`"${name}" is not an allowed ${kind} name`);
    this.name = 'IdentifierError';
  }
}

/** Double-quotes an identifier, doubling inner quotes (DuckDB/PostgreSQL rule). */
export function quoteIdentifier(name: string): SqlText {
  return `"${name.replaceAll('"', '""')}"` as SqlText;
}

/** The quoted identifier when `name` is on the allow-list of `kind`; throws otherwise. */
export function ident(kind: IdentKind, name: string): SqlText {
  if (!allowLists[kind].has(name)) throw new IdentifierError(kind, name);
  return quoteIdentifier(name);
}
