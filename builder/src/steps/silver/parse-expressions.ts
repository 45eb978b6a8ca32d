/**
 * SQL expressions that turn ERP text into typed values. The choices come from the mapping's
 * enums (decimal separator), never from free text; the date format travels as a parameter.
 */
import { sql, type SqlText } from '#schema/sql.ts';
import type { ErpMapping } from '../../sources/erp-mapping.ts';

/** Text → DOUBLE honouring the export's decimal separator and dropping thousands separators. */
export function numberExpression(column: SqlText, decimalSeparator: ErpMapping['decimalSeparator']): SqlText {
  return decimalSeparator === ','
    ? sql`TRY_CAST(replace(replace(trim(${column}), '.', ''), ',', '.') AS DOUBLE)`
    : sql`TRY_CAST(replace(trim(${column}), ',', '') AS DOUBLE)`;
}

/** Text → DATE with the mapping's format (`$date_format`), falling back to ISO yyyy-mm-dd. */
export function dateExpression(column: SqlText): SqlText {
  return sql`CAST(coalesce(try_strptime(trim(${column}), $date_format), try_strptime(trim(${column}), '%Y-%m-%d')) AS DATE)`;
}

/** Codes compare case- and space-insensitively, as ERP users type them. */
export function codeExpression(column: SqlText): SqlText {
  return sql`nullif(upper(trim(${column})), '')`;
}
