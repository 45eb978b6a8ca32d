/**
 * SQL text that may be spliced into a statement. A plain string (a value from a file, a URL, the
 * user) can never be: it must first become `SqlText` through `ident` (an allow-listed identifier),
 * `sqlString`/`sqlStringList` (escaped literals) or the `sql` tag, whose holes accept only SqlText
 * and numbers. The compiler enforces this, and test/schema/sql-templates.test.ts checks that every
 * SQL template literal in the source is tagged, so no raw value is spliced into SQL.
 */
import { isColumnType, type ColumnType } from './tables.ts';

declare const sqlTextBrand: unique symbol;
export type SqlText = string & { readonly [sqlTextBrand]: true };

/** What a `sql` template may hold between `${…}`: SQL text already made safe, or a finite number. */
export type SqlHole = SqlText | number;

/** Joins the template's parts with its holes; a number must be finite (no NaN or Infinity in SQL). */
export function sql(strings: TemplateStringsArray, ...holes: readonly SqlHole[]): SqlText {
  let text = strings[0] ?? '';
  holes.forEach((hole, index) => {
    if (typeof hole === 'number' && !Number.isFinite(hole)) {
      throw new RangeError(`SQL template hole ${index + 1} is ${hole}`);
    }
    text += String(hole) + (strings[index + 1] ?? '');
  });
  return text as SqlText;
}

/** SQL fragments joined by a fixed separator, e.g. a column list. */
export function sqlJoin(
  parts: readonly SqlText[],
  separator: ', ' | ',\n' | '\n' | ' AND ' | ' OR ',
): SqlText {
  return parts.join(separator) as SqlText;
}

/** A gold column type as SQL (`CAST(x AS DOUBLE)`), checked against the closed set in tables.ts. */
export function sqlType(type: ColumnType): SqlText {
  if (!isColumnType(type)) throw new TypeError(`${String(type)} is not a gold column type`);
  return type as string as SqlText;
}
