/**
 * Sums of demand that do not depend on the order rows arrive in. DuckDB aggregates in parallel,
 * and a floating-point sum taken in another order differs in its last bits, which would make two
 * builds of the same input differ byte for byte. Demand is carried as DECIMAL(38, 10) (each value
 * rounded to 1e-10 once; sums are exact 128-bit integer arithmetic) and becomes DOUBLE only in the
 * gold files.
 */
import { sql, type SqlText } from '#schema/sql.ts';

export function exactDecimal(expression: SqlText): SqlText {
  return sql`CAST(${expression} AS DECIMAL(38, 10))`;
}

export function exactSum(expression: SqlText): SqlText {
  return sql`CAST(sum(${exactDecimal(expression)}) AS DOUBLE)`;
}
