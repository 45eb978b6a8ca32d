/**
 * The business rules a cleaned movement must pass, in the order they are checked. A row is
 * rejected with the first rule it breaks; the code is stable (reports group by it), the message
 * is for people and quotes the offending value. The codes and their order are schema/silver.ts's
 * `rejectionRuleCodes` (the app explains each code to planners).
 */
import { sql, sqlJoin, sqlString, type RejectionRuleCode, type SqlText } from '#schema';

/**
 * Bounds of a plausible movement. A year typed as 0025 or 1900 would otherwise stretch the dense
 * daily grid of gold over centuries; a quantity of 1e308 (or NaN, which DuckDB orders above every
 * number, so it passes `> 0`) would overflow the statistics gold computes per item.
 */
export const EARLIEST_MOVEMENT_DATE = '1990-01-01';
export const MAX_MOVEMENT_QUANTITY = 1_000_000_000;

export const rejectionRules = [
  { code: 'MISSING_ID', when: sql`movement_id IS NULL`, message: sql`'movement has no id'` },
  {
    code: 'BAD_DATE',
    when: sql`movement_date IS NULL OR movement_date < DATE ${sqlString(EARLIEST_MOVEMENT_DATE)}`,
    message: sql`CASE
      WHEN movement_date IS NULL THEN 'date "' || coalesce(raw_movement_date, '') || '" is not a valid date'
      ELSE 'date ' || strftime(movement_date, '%Y-%m-%d') || ${sqlString(` is before ${EARLIEST_MOVEMENT_DATE}`)}
    END`,
  },
  {
    code: 'FUTURE_DATE',
    when: sql`movement_date > CAST($ingest_date AS DATE)`,
    message: sql`'date ' || strftime(movement_date, '%Y-%m-%d') || ' is after the ingestion date'`,
  },
  {
    code: 'BAD_QUANTITY',
    when: sql`quantity IS NULL OR isnan(quantity) OR isinf(quantity) OR quantity > ${MAX_MOVEMENT_QUANTITY}`,
    message: sql`CASE
      WHEN quantity IS NULL THEN 'quantity "' || coalesce(raw_quantity, '') || '" is not a number'
      ELSE 'quantity "' || raw_quantity || ${sqlString(`" is not a finite number up to ${MAX_MOVEMENT_QUANTITY}`)}
    END`,
  },
  {
    code: 'NON_POSITIVE_QUANTITY',
    when: sql`quantity <= 0`,
    message: sql`'quantity ' || raw_quantity || ' is not positive'`,
  },
  {
    code: 'UNKNOWN_ITEM',
    // item_unknown: the row's item is missing from every known master, found beforehand
    // (validate-movements.ts) so the check needs no join.
    when: sql`item_id IS NULL OR item_unknown`,
    message: sql`'item "' || coalesce(item_id, '') || '" is not in the item master'`,
  },
] as const satisfies readonly { code: RejectionRuleCode; when: SqlText; message: SqlText }[];

/** CASE expressions giving the first broken rule's code and message (NULL when the row is valid). */
export function ruleCaseExpressions(): { code: SqlText; message: SqlText } {
  const branches = (pick: (rule: (typeof rejectionRules)[number]) => SqlText) => {
    const whens = rejectionRules.map((rule) => sql`WHEN ${rule.when} THEN ${pick(rule)}`);
    return sql`CASE ${sqlJoin(whens, '\n')} END`;
  };
  return {
    code: branches((rule) => sqlString(rule.code)),
    message: branches((rule) => rule.message),
  };
}
