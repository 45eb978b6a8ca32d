/**
 * A sum of DOUBLE values that does not depend on the order rows arrive in. DuckDB aggregates in
 * parallel, and a floating-point sum taken in another order differs in its last bits, which would
 * make two builds of the same input differ byte for byte. Summing as DECIMAL(38, 10) (exact
 * 128-bit integer arithmetic; each value rounded to 1e-10 first) and converting back once makes
 * the result the same whatever the order.
 */
import { sql, type SqlText } from '#schema/sql.ts';

export function exactSum(expression: SqlText): SqlText {
  return sql`CAST(sum(CAST(${expression} AS DECIMAL(38, 10))) AS DOUBLE)`;
}
