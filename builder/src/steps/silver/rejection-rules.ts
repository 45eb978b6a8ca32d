/**
 * The business rules a cleaned movement must pass, in the order they are checked. A row is
 * rejected with the first rule it breaks; the code is stable (reports group by it), the message
 * is for people and quotes the offending value.
 */
export const rejectionRules = [
  { code: 'MISSING_ID', when: 'movement_id IS NULL', message: `'movement has no id'` },
  {
    code: 'BAD_DATE',
    when: 'movement_date IS NULL',
    message: `'date "' || coalesce(raw_movement_date, '') || '" is not a valid date'`,
  },
  {
    code: 'FUTURE_DATE',
    when: 'movement_date > CAST($ingest_date AS DATE)',
    message: `'date ' || strftime(movement_date, '%Y-%m-%d') || ' is after the ingestion date'`,
  },
  {
    code: 'BAD_QUANTITY',
    when: 'quantity IS NULL',
    message: `'quantity "' || coalesce(raw_quantity, '') || '" is not a number'`,
  },
  {
    code: 'NON_POSITIVE_QUANTITY',
    when: 'quantity <= 0',
    message: `'quantity ' || raw_quantity || ' is not positive'`,
  },
  {
    code: 'UNKNOWN_ITEM',
    when: 'item_id IS NULL OR item_id NOT IN (SELECT item_id FROM known_items)',
    message: `'item "' || coalesce(item_id, '') || '" is not in the item master'`,
  },
] as const;

/** CASE expressions giving the first broken rule's code and message (NULL when the row is valid). */
export function ruleCaseExpressions(): { code: string; message: string } {
  const branches = (pick: (rule: (typeof rejectionRules)[number]) => string) =>
    `CASE ${rejectionRules.map((rule) => `WHEN ${rule.when} THEN ${pick(rule)}`).join(' ')} END`;
  return {
    code: branches((rule) => `'${rule.code}'`),
    message: branches((rule) => rule.message),
  };
}
