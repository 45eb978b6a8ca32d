/**
 * Table and column names for the editor's completion, straight from schema/ (never retyped): each
 * gold view with its columns, the column type shown beside each name.
 */
import { goldTableIds, goldTables, type ColumnType } from '#schema/tables.ts';

export interface CompletionColumn {
  label: string;
  type: 'property';
  detail: ColumnType;
}

export type CompletionSchema = Record<string, CompletionColumn[]>;

export function completionSchema(): CompletionSchema {
  return Object.fromEntries(
    goldTableIds.map((table) => [
      table,
      goldTables[table].map((column) => ({ label: column.name, type: 'property' as const, detail: column.type })),
    ]),
  );
}
