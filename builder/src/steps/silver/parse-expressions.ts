/**
 * SQL expressions that turn ERP text into typed values. The choices come from the mapping's
 * enums (decimal separator), never from free text; the date format travels as a parameter.
 */
import type { ErpMapping } from '../../sources/erp-mapping.ts';

/** Text → DOUBLE honouring the export's decimal separator and dropping thousands separators. */
export function numberExpression(column: string, decimalSeparator: ErpMapping['decimalSeparator']): string {
  return decimalSeparator === ','
    ? `TRY_CAST(replace(replace(trim(${column}), '.', ''), ',', '.') AS DOUBLE)`
    : `TRY_CAST(replace(trim(${column}), ',', '') AS DOUBLE)`;
}

/** Text → DATE with the mapping's format (`$date_format`), falling back to ISO yyyy-mm-dd. */
export function dateExpression(column: string): string {
  return `CAST(coalesce(try_strptime(trim(${column}), $date_format), try_strptime(trim(${column}), '%Y-%m-%d')) AS DATE)`;
}

/** Codes compare case- and space-insensitively, as ERP users type them. */
export function codeExpression(column: string): string {
  return `nullif(upper(trim(${column})), '')`;
}
