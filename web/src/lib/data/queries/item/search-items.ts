/**
 * The item typeahead: items whose id or name contains the typed text, best matches first (id,
 * then id prefix, then name prefix, then anywhere). Case and accents are ignored ("conector" finds
 * "Conéctor"), and `%`, `_` and `\` typed by the user match themselves, not as wildcards.
 */
import { item, itemId, itemKey, name, category } from '../gold-names.ts';
import type { Db } from '../../db-port.ts';
import { sql } from '#schema/sql.ts';

export const SEARCH_ITEMS_MAX = 50;

export interface SearchItemsInput {
  text: string;
  limit: number;
}

export interface ItemMatch {
  item_key: number;
  item_id: string;
  name: string;
  category: string;
}

/** The LIKE pattern that matches `text` anywhere, with LIKE's own characters escaped by `\`. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ? 1: the escaped pattern, ? 2: the bare text for the exact and prefix ranks, ? 3: the limit.
const SQL = sql`
WITH needle AS (
  SELECT strip_accents(CAST(? AS VARCHAR)) AS pattern, strip_accents(lower(CAST(? AS VARCHAR))) AS text
),
matches AS (
  SELECT i.${itemKey} AS item_key, i.${itemId} AS item_id, i.${name} AS name, i.${category} AS category,
    strip_accents(lower(i.${itemId})) AS id_text, strip_accents(lower(i.${name})) AS name_text
  FROM ${item} AS i
  CROSS JOIN needle AS n
  WHERE strip_accents(i.${itemId}) ILIKE n.pattern ESCAPE '\\'
     OR strip_accents(i.${name}) ILIKE n.pattern ESCAPE '\\'
)
SELECT m.item_key, m.item_id, m.name, m.category
FROM matches AS m
CROSS JOIN needle AS n
ORDER BY
  CASE
    WHEN m.id_text = n.text THEN 0
    WHEN starts_with(m.id_text, n.text) THEN 1
    WHEN starts_with(m.name_text, n.text) THEN 2
    ELSE 3
  END,
  m.item_id
LIMIT ?`;

/** Blank text matches nothing: the list opens only once the user has typed something. */
export function searchItems(db: Db, input: SearchItemsInput): Promise<ItemMatch[]> {
  const { limit } = input;
  if (!Number.isInteger(limit) || limit < 1 || limit > SEARCH_ITEMS_MAX) {
    throw new RangeError(`search limit must be an integer from 1 to ${SEARCH_ITEMS_MAX}, got ${limit}`);
  }
  const text = input.text.trim();
  if (text === '') return Promise.resolve([]);
  return db.query<ItemMatch>(SQL, [containsPattern(text), text, limit]);
}
