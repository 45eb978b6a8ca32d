/**
 * The business rules a cleaned movement must pass, in the order they are checked. A row is
 * rejected with the first rule it breaks; the code is stable (reports group by it), the message
 * is for people and quotes the offending value. The codes and their order are schema/silver.ts's
 * `rejectionRuleCodes` (the app explains each code to planners).
 */
import { sql, sqlJoin, sqlString, type RejectionRuleCode, type SqlText } from '#schema';

export const rejectionRules = [
  { code: 'MISSING_ID', when: sql`movement_id IS NULL`, message: sql`'movement has no id'` },
  {
    code: 'BAD_DATE',
    when: sql`movement_date IS NULL`,
    message: sql`'date "' || coalesce(raw_movement_date, '') || '" is not a valid date'`,
  },
  {
    code: 'FUTURE_DATE',
    when: sql`movement_date > CAST($ingest_date AS DATE)`,
    message: sql`'date ' || strftime(movement_date, '%Y-%m-%d') || ' is after the ingestion date'`,
  },
  {
    code: 'BAD_QUANTITY',
    when: sql`quantity IS NULL`,
    message: sql`'quantity "' || coalesce(raw_quantity, '') || '" is not a number'`,
  },
  {
    code: 'NON_POSITIVE_QUANTITY',
    when: sql`quantity <= 0`,
    message: sql`'quantity ' || raw_quantity || ' is not positive'`,
  },
  {
    code: 'UNKNOWN_ITEM',
    when: sql`item_id IS NULL OR item_id NOT IN (SELECT item_id FROM known_items)`,
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
